// The bytes of stored files on disk beside the SQLite database: DATA_DIR/attachments/<first two hex
// of the hash>/<reference>. A file is written to a temporary name as it arrives, fsynced, renamed
// into place and its directory fsynced, so a file under its reference is always whole (a crash
// leaves at most a stray temporary file, which the next start removes). The same reference always
// holds the same bytes: storing it again, even at the same moment, leaves one file.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const TEMPORARY = 'incoming';

export function attachmentPath(dir: string, reference: string): string {
  return join(dir, reference.slice(0, 2), reference);
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the bytes under the reference; answers their size. If `bytes` throws, nothing is left behind. */
export async function writeAttachmentFile(dir: string, reference: string, bytes: AsyncIterable<Uint8Array>): Promise<number> {
  const incoming = join(dir, TEMPORARY);
  await mkdir(incoming, { recursive: true });
  const temporary = join(incoming, randomUUID());
  const handle = await open(temporary, 'wx');
  let size = 0;
  try {
    for await (const chunk of bytes) {
      await handle.write(chunk);
      size += chunk.length;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  const target = attachmentPath(dir, reference);
  await mkdir(join(dir, reference.slice(0, 2)), { recursive: true });
  await rename(temporary, target);
  await syncDirectory(join(dir, reference.slice(0, 2)));
  return size;
}

export function readAttachmentFile(dir: string, reference: string): AsyncIterable<Uint8Array> {
  return createReadStream(attachmentPath(dir, reference), { highWaterMark: 256 * 1024 });
}

/** Removes what uploads cut short by a crash left (only this process writes here: SQLite has one server). */
export async function clearIncoming(dir: string): Promise<void> {
  const incoming = join(dir, TEMPORARY);
  const names = await readdir(incoming).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(incoming, name), { force: true })));
}
