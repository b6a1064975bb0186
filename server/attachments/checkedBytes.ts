// An upload's bytes as they arrive, checked on the way to the store: the size against its limit
// as each chunk passes (413 at once, the rest never read), the type by the file's own first bytes
// (file-type: JPEG, PNG or WebP, and the one the reference names; 415), and the SHA-256 against
// the reference once the last byte is in (400). A check that fails throws from the iterable, and
// the store then keeps nothing.
import { createHash } from 'node:crypto';
import { CONTENT_TYPES, type AttachmentReference } from '@engine';
import { fileTypeFromBuffer } from 'file-type';
import { Problem } from '../problem';

/** Enough of the start of a file for file-type to tell JPEG, PNG and WebP apart. */
const SNIFF_BYTES = 4100;

export interface Expected extends AttachmentReference {
  maxBytes: number;
  tooLarge: string;
}

const NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

async function checkType(head: Uint8Array, expected: Expected): Promise<void> {
  if (head.length === 0) throw new Problem('bad_request', '请求内容不正确：没有收到文件');
  const found = await fileTypeFromBuffer(head);
  const wanted = CONTENT_TYPES[expected.extension];
  if (found?.mime === wanted) return;
  const what = found && NAMES[found.mime] ? `${NAMES[found.mime]} 图片` : found ? `${found.ext} 文件` : '无法识别的文件';
  throw new Problem('unsupported_media_type', `文件类型不符：编号为 .${expected.extension}（${NAMES[wanted]}），收到的是${what}；只接受 JPEG、PNG、WebP 图片`);
}

export async function* checkedBytes(source: AsyncIterable<Uint8Array>, expected: Expected): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Uint8Array[] | null = [];
  let headSize = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > expected.maxBytes) throw new Problem('payload_too_large', expected.tooLarge);
    hash.update(chunk);
    if (head === null) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    headSize += chunk.length;
    if (headSize < SNIFF_BYTES) continue;
    const start = Buffer.concat(head);
    head = null;
    await checkType(start, expected);
    yield start;
  }
  if (head !== null) {
    const start = Buffer.concat(head);
    await checkType(start, expected);
    if (start.length > 0) yield start;
  }
  if (hash.digest('hex') !== expected.sha256) throw new Problem('bad_request', '文件内容与编号不符：文件在传输中损坏或编号算错，请重新上传');
}
