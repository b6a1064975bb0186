// The drafts' photos and signatures on the phone (IndexedDB, by reference), kept until the server
// has them: they survive a restart, and the queue uploads the ones the server lacks before the
// submission that refers to them. Kept as bytes with their type rather than as Blobs, which some
// phones' IndexedDB cannot hold. A file no draft refers to any more is removed after a day.
import { parseAttachmentReference } from '@engine';
import { db } from './db';
import type { LocalDraft } from './LocalDraft';

export interface LocalFile {
  /** "<sha256>.<jpg|png|webp>", as the data holds it. */
  reference: string;
  bytes: ArrayBuffer;
  contentType: string;
  /** When it was taken or signed on the phone; sent with the upload as the file's capturedAt. */
  savedAt: string;
  /** A signature is held to its own limit on the server (PNG, 1 MB); absent in files kept before it was recorded: a photo. */
  kind?: 'photo' | 'signature';
}

/** A file not referred to by any draft is kept this long (a photo taken just before its draft is saved). */
const UNREFERENCED_KEEP_MS = 24 * 3600_000;

export async function putFile(reference: string, bytes: ArrayBuffer, contentType: string, kind: 'photo' | 'signature' = 'photo'): Promise<void> {
  await (await db()).put('files', { reference, bytes, contentType, savedAt: new Date().toISOString(), kind });
}

export async function getFile(reference: string): Promise<LocalFile | undefined> {
  return (await db()).get('files', reference);
}

/**
 * The references found anywhere in a draft's data (top-level fields, photo lists, table rows). A
 * reference (64 hex digits and a type) cannot be mistaken for anything an officer types, so the
 * queue needs no definition at hand to find them.
 */
export function referencesIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (parseAttachmentReference(value)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, out);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) referencesIn(item, out);
  }
  return out;
}

/** Removes the files no draft on the phone refers to, once they are a day old. */
export async function pruneFiles(drafts: LocalDraft[], now = Date.now()): Promise<number> {
  const used = new Set<string>();
  for (const draft of drafts) referencesIn(draft.data, used);
  const database = await db();
  const tx = database.transaction('files', 'readwrite');
  let removed = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const file = cursor.value;
    if (!used.has(file.reference) && now - Date.parse(file.savedAt) > UNREFERENCED_KEEP_MS) {
      await cursor.delete();
      removed += 1;
    }
  }
  await tx.done;
  return removed;
}
