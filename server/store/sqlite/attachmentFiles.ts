// The bytes of stored files on disk beside the SQLite database: DATA_DIR/attachments/<first two hex
// of the hash>/<reference>. A file is written to a temporary name as it arrives, fsynced, renamed
// into place and its directory fsynced, so a file under its reference is always whole. The same
// reference always holds the same bytes: storing it again, even at the same moment, leaves one file.
//
// A crash mid-upload leaves a temporary file, attachments/incoming/<reference>.<upload id>, part
// written; one between the rename and the record's commit leaves a whole file no record names,
// which the phone's next sending of it (it was never acknowledged) renames over with the same
// bytes. Temporary files nothing has written to for a while (their modification time) are removed
// at start and before the same reference is stored again: never one another process (a second
// server started by mistake, a maintenance command) is writing.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
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
  const temporary = join(incoming, `${reference}.${randomUUID()}`);
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

/** Removes the temporary files (of one reference, or all) not written to for `idleMs`; answers how many. */
export async function removeAbandonedFiles(dir: string, idleMs: number, reference?: string): Promise<number> {
  const incoming = join(dir, TEMPORARY);
  const names = (await readdir(incoming).catch(() => [] as string[])).filter((name) => reference === undefined || name.startsWith(`${reference}.`));
  const before = Date.now() - idleMs;
  let removed = 0;
  for (const name of names) {
    const written = await stat(join(incoming, name)).then((s) => s.mtimeMs, () => null);
    if (written === null || written >= before) continue;
    await rm(join(incoming, name), { force: true });
    removed += 1;
  }
  return removed;
}
