// Keeps a photo's or a signature's bytes on the phone under their reference — the SHA-256 of the
// bytes and the type ("<64 hex>.jpg") — and returns the reference the form's data holds. The same
// picture kept twice is one file, and the server checks the hash when it is uploaded.
import { attachmentReference, CONTENT_TYPES, type AttachmentExtension } from '@engine';
import { putFile } from '../../../offline/files';

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function keepFile(bytes: Uint8Array, extension: AttachmentExtension, kind: 'photo' | 'signature'): Promise<string> {
  // A copy of exactly these bytes: the view may sit in a larger buffer.
  const own = new Uint8Array(bytes);
  const reference = attachmentReference(await sha256Hex(own), extension);
  await putFile(reference, own.buffer, CONTENT_TYPES[extension], kind);
  return reference;
}
