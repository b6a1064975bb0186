// Files (photos and signatures, issue 16), named by the SHA-256 of their bytes and their type:
// PUT stores one, its body the file itself, streamed to the store as it arrives and checked on
// the way (checkedBytes.ts: size, type by its bytes, hash); a file stored already is answered
// 200 without reading it, so a retry or a second officer never stores it twice. GET streams
// one to its uploader or to whoever may see a submission that referred to it. POST …/missing
// tells a phone which of its files the server lacks, before it sends them and the submission.
// Uploads bypass the API's 1 MB body limit: they have their own (attachmentLimits.ts), kept at
// the door (uploadDoor, mounted in app.ts) from the declared length and while streaming.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import { CONTENT_TYPES, parseAttachmentReference } from '@engine';
import type { MiddlewareHandler } from 'hono';
import { MAX_PHOTO_BYTES, MAX_UPLOAD_BYTES, TOO_LARGE } from '../attachments/attachmentLimits';
import { checkedBytes } from '../attachments/checkedBytes';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import type { AppEnv } from '../http/env';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { requireFiller } from '../submissions/access';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const REFERENCE = /^[0-9a-f]{64}\.(jpg|png|webp)$/;
const UPLOAD_PATH = /^\/api\/attachments\/[^/]+$/;

/** The door of PUT /api/attachments/{reference}: a declared length over the photo limit is refused before anything is read. */
export function isUpload(method: string, path: string): boolean {
  return method === 'PUT' && UPLOAD_PATH.test(path);
}

export function uploadDoor(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && Number.parseInt(length, 10) > MAX_PHOTO_BYTES) throw new Problem('payload_too_large', TOO_LARGE.photo);
    await next();
  };
}

const reference = z.string().regex(REFERENCE, '应为文件的 SHA-256（64 位小写十六进制）加类型，如 3f7a…c2.jpg（jpg、png 或 webp）')
  .openapi({ example: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.jpg' });
const file = z.string().openapi({ type: 'string', format: 'binary' });
const Stored = z.object({
  reference: z.string(), contentType: z.string(), size: z.number(),
}).openapi('StoredAttachment');

const put = createRoute({
  method: 'put', path: '/attachments/{reference}', tags: ['文件'],
  summary: '上传照片或签字（请求体为文件本身；编号为文件的 SHA-256 加类型；已有则不重复保存）',
  description: '类型按文件内容判断（JPEG、PNG、WebP，须与编号的扩展名一致）；照片上限 10 MB，签字（kind=signature，PNG）上限 1 MB；'
    + '内容的 SHA-256 须与编号一致。Content-Type 不作判断依据。',
  request: {
    params: z.object({ reference }),
    query: z.object({
      kind: z.enum(['photo', 'signature'], { error: '应为 photo 或 signature' }).default('photo').openapi({ description: 'signature：签字（PNG，上限 1 MB）' }),
      capturedAt: z.iso.datetime({ error: '应为 ISO 时间（如 2026-12-07T02:15:00Z）' }).optional().openapi({ description: '拍摄或签字的时间（手机时钟）' }),
    }),
    body: { content: { 'image/jpeg': { schema: file }, 'image/png': { schema: file }, 'image/webp': { schema: file }, 'application/octet-stream': { schema: file } }, required: true },
  },
  responses: {
    201: json(Stored, '已保存'),
    200: json(Stored, '此前已保存（未重复保存）'),
    ...commonErrors,
    413: json(ProblemSchema, '文件过大（照片 10 MB，签字 1 MB）'),
    415: json(ProblemSchema, '不是 JPEG、PNG 或 WebP 图片，或与编号的类型不符'),
  },
});

const get = createRoute({
  method: 'get', path: '/attachments/{reference}', tags: ['文件'],
  summary: '读取照片或签字（上传者，或能查看引用它的提交的用户）',
  request: { params: z.object({ reference }) },
  responses: {
    200: { description: '文件内容（可长期缓存：编号即内容）', content: { 'image/jpeg': { schema: file }, 'image/png': { schema: file }, 'image/webp': { schema: file } } },
    304: { description: '未改变（If-None-Match）' },
    ...commonErrors,
    404: json(ProblemSchema, '文件不存在'),
  },
});

const missing = createRoute({
  method: 'post', path: '/attachments/missing', tags: ['文件'], summary: '哪些文件服务器尚未保存（手机上传前询问）',
  request: jsonBody(z.object({ references: z.array(reference).max(1000, '一次最多询问 1000 个文件') })),
  responses: { 200: json(z.object({ missing: z.array(z.string()) }).openapi('MissingAttachments'), '尚未保存的文件编号（按请求中的顺序）'), ...commonErrors },
});

const stored = (r: { reference: string; contentType: string; size: number }) => ({ reference: r.reference, contentType: r.contentType, size: r.size });

export function attachmentRoutes(deps: Deps) {
  return createRouter()
    .openapi(missing, async (c) => {
      requireUser(c);
      const references = [...new Set(c.req.valid('json').references)];
      const have = new Set((await deps.store.attachmentRecords(references)).map((r) => r.reference));
      return c.json({ missing: references.filter((r) => !have.has(r)) }, 200);
    })
    .openapi(put, async (c) => {
      const user = requireUser(c);
      requireFiller(user);
      const { reference: ref } = c.req.valid('param');
      const { kind, capturedAt } = c.req.valid('query');
      const parsed = parseAttachmentReference(ref)!;
      if (kind === 'signature' && parsed.extension !== 'png') throw new Problem('unsupported_media_type', '签字只能是 PNG 图片');
      const [earlier] = await deps.store.attachmentRecords([ref]);
      if (earlier) return c.json(stored(earlier), 200);
      const body = c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null;
      if (!body) throw new Problem('bad_request', '请求内容不正确：没有收到文件');
      const contentType = CONTENT_TYPES[parsed.extension];
      const bytes = checkedBytes(body, { ...parsed, maxBytes: MAX_UPLOAD_BYTES[kind], tooLarge: TOO_LARGE[kind] });
      const put = await deps.store.putAttachment({
        reference: ref, sha256: parsed.sha256, contentType, uploadedBy: user.id, uploadedAt: deps.clock.now().toISOString(), capturedAt: capturedAt ?? null,
      }, bytes);
      return c.json({ reference: ref, contentType, size: put.size }, put.outcome === 'stored' ? 201 : 200);
    })
    .openapi(get, async (c) => {
      const user = requireUser(c);
      const { reference: ref } = c.req.valid('param');
      const [record] = await deps.store.attachmentRecords([ref]);
      if (!record) throw new Problem('not_found', '文件不存在（尚未上传）');
      if (!(await deps.store.mayReadAttachment(ref, { userId: user.id, scope: queryScope(user) }))) {
        throw new Problem('forbidden', '无权查看此文件：只有上传者和能查看引用它的表的用户可以查看');
      }
      const etag = `"${record.sha256}"`;
      const cache = { 'Cache-Control': 'private, max-age=31536000, immutable', ETag: etag };
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, cache) as never;
      const opened = await deps.store.openAttachment(ref);
      if (!opened) throw new Problem('not_found', '文件不存在（尚未上传）');
      const body = Readable.toWeb(Readable.from(opened.bytes)) as NodeReadableStream<Uint8Array> as unknown as ReadableStream;
      return c.body(body, 200, { ...cache, 'Content-Type': record.contentType, 'Content-Length': String(record.size), 'X-Content-Type-Options': 'nosniff' }) as never;
    });
}
