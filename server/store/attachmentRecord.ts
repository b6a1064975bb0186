// What the store keeps about a stored file (issue 16): photos and signatures, named by the SHA-256
// of their bytes with their type ("<64 hex>.jpg"), stored once whoever sends them and never
// deleted, so a submission's history, a return and a move to a new version keep every reference
// valid. The bytes themselves travel as async iterables of chunks: never a whole file in memory.

export interface AttachmentRecord {
  /** "<sha256>.<jpg|png|webp>", as the submission's data holds it. */
  reference: string;
  sha256: string;
  /** image/jpeg, image/png or image/webp, as its bytes showed. */
  contentType: string;
  size: number;
  /** The user who stored it first. */
  uploadedBy: string;
  uploadedAt: string;
  /** When the phone took it (the officer's clock), if it said. */
  capturedAt: string | null;
}

export type NewAttachment = Omit<AttachmentRecord, 'size'>;

/**
 * How long an upload may go without a byte written before what it left counts as abandoned (a
 * server killed, a connection cut): an hour, twelve times Node's own limit on one request (5
 * minutes), so no upload still under way at any server is taken for one.
 */
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

export interface AttachmentPut {
  /** 'exists': the file was stored already (by this user or another); nothing was written. */
  outcome: 'stored' | 'exists';
  size: number;
}

export interface OpenedAttachment {
  record: AttachmentRecord;
  bytes: AsyncIterable<Uint8Array>;
}

/** Who asks to read a file: the user and the division prefixes they see ([''] for an administrator). */
export interface AttachmentReader {
  userId: string;
  scope: string[];
}
