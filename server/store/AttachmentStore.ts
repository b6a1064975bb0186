// The store's part for stored files (photos, signatures; issue 16), one of the interfaces the
// Store is made of: files named by their content, stored once, never deleted, read as a stream.
import type { AttachmentPut, AttachmentReader, AttachmentRecord, NewAttachment, OpenedAttachment } from './attachmentRecord';

export interface AttachmentStore {
  /**
   * Stores a file as its bytes arrive (SQLite: a file beside the database, fsynced then renamed;
   * PostgreSQL: 256 KB chunks) with its record; 'exists' when the reference is stored already
   * (the bytes are then not read). If `bytes` throws, nothing is stored and the error goes on.
   */
  putAttachment(record: NewAttachment, bytes: AsyncIterable<Uint8Array>): Promise<AttachmentPut>;
  /** The records of those references that are stored (any order). */
  attachmentRecords(references: string[]): Promise<AttachmentRecord[]>;
  /** A stored file with its bytes, read chunk by chunk; null when not stored. */
  openAttachment(reference: string): Promise<OpenedAttachment | null>;
  /** Its uploader, or a reader who sees a submission that referred to it at any write (scope [''] sees all). */
  mayReadAttachment(reference: string, reader: AttachmentReader): Promise<boolean>;
  /**
   * Removes what uploads cut short left (a server killed, a connection cut: PostgreSQL's chunks no
   * stored file names, SQLite's temporary files in attachments/incoming/) once nothing has been
   * written to them for `idleMs` (ABANDONED_UPLOAD_MS at start), never an upload going on at this or
   * another server; answers how many uploads' leftovers went. putAttachment does the same for its
   * own reference before storing it again.
   */
  removeAbandonedUploads(idleMs: number): Promise<number>;
}
