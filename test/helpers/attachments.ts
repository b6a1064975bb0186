// Files for the upload tests (issue 16): the real images of test/fixtures/images, their references
// (SHA-256 with the type), a raw upload as a phone sends it (the file itself as the body, with the
// session's cookie and CSRF token), how many copies of files the store holds (files on disk
// beside SQLite, sets of chunks in PostgreSQL), and a form with photo and signature fields.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { FormDefinition } from '@engine';
import type { TestClient, TestServer } from './testServer';

const IMAGES = join(import.meta.dirname, '..', 'fixtures', 'images');

export const image = (name: string): Buffer => readFileSync(join(IMAGES, name));

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const referenceOf = (bytes: Uint8Array, extension: 'jpg' | 'png' | 'webp') => `${sha256(bytes)}.${extension}`;

/** A JPEG no other test uses: the fixture with bytes appended after its end marker (still a JPEG). */
export const anotherJpeg = (n: number) => Buffer.concat([image('gradient.jpg'), Buffer.from(`photo ${n}`)]);

export interface Uploaded {
  status: number;
  body: any;
}

/** PUT /api/attachments/{reference} with the bytes (or a stream of them) as the body. */
export async function upload(server: TestServer, client: TestClient | null, reference: string, body: Uint8Array | ReadableStream<Uint8Array>, query = '', headers: Record<string, string> = {}): Promise<Uploaded> {
  const h: Record<string, string> = { 'Content-Type': 'application/octet-stream', ...headers };
  if (client) Object.assign(h, { Cookie: client.cookie, 'X-CSRF-Token': client.csrf });
  const response = await server.app.request(`/api/attachments/${reference}${query}`, { method: 'PUT', headers: h, body, duplex: 'half' } as RequestInit);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** GET /api/attachments/{reference}: the status, headers and bytes. */
export async function download(server: TestServer, client: TestClient, reference: string, headers: Record<string, string> = {}) {
  const response = await server.app.request(`/api/attachments/${reference}`, { headers: { Cookie: client.cookie, ...headers } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Copies of files the store holds: files on disk (SQLite) or sets of chunks (PostgreSQL). */
export async function storedCopies(server: TestServer): Promise<number> {
  if (server.kind === 'sqlite') {
    const dir = join(server.dir, 'attachments');
    if (!existsSync(dir)) return 0;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return files.filter((e) => !e.parentPath.endsWith('incoming')).length;
  }
  const client = new pg.Client({ connectionString: process.env.WNBD_PG_URL });
  await client.connect();
  try {
    return (await client.query(`SELECT count(DISTINCT upload_id)::int AS n FROM ${server.schema}.attachment_chunks`)).rows[0].n;
  } finally {
    await client.end();
  }
}

export const VISIT_FORM_ID = 'household-visit';
export const VISIT_CAMPAIGN = 'visit-2021';

/** A visit with evidence: house photos, the head's signature, a member's certificate photo; reviewed by the township. */
export const visitForm: FormDefinition = {
  id: VISIT_FORM_ID,
  title: '入户核查（测试）',
  schema: {
    type: 'object',
    properties: {
      B1: { type: 'array', title: 'B1 住房照片', items: { type: 'string', format: 'photo' }, maxItems: 3 },
      B4: { type: 'string', format: 'signature', title: 'B4 户主签字' },
      members: {
        type: 'array', title: '家庭成员',
        items: { type: 'object', properties: { A1: { type: 'string', title: 'A1 姓名' }, A2: { type: 'string', format: 'photo', title: 'A2 残疾证照片' } } },
      },
    },
  },
  review: { levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }] },
};

/** Publishes the visit form and opens a campaign for it. */
export async function openVisitCampaign(server: TestServer, admin: TestClient): Promise<void> {
  const created = await admin.post('/api/forms', { definition: visitForm });
  if (created.status !== 201) throw new Error(`visit form: ${created.text}`);
  const { revision } = (await admin.get(`/api/forms/${VISIT_FORM_ID}/draft`)).body;
  const published = await admin.post(`/api/forms/${VISIT_FORM_ID}/publish`, { revision });
  if (published.status !== 201) throw new Error(`visit form: ${published.text}`);
  await server.store.createCampaign({
    id: VISIT_CAMPAIGN, title: '2021年度入户核查（测试）', year: 2021, description: '', parameters: {},
    forms: [VISIT_FORM_ID], status: 'open', divisions: [], createdAt: server.clock.now().toISOString(),
  });
}
