// The attachment routes of the server behind the officer's queue, around fakeOfficerServer:
// POST /api/attachments/missing answers what it lacks, PUT /api/attachments/<reference> stores the
// bytes (once: a second PUT answers 200 "already stored"), and a submission referring to a file
// not stored is refused with 422 missing_attachments, as the real server does. Uploads can be
// made to fail, or to wait until the test lets them go.
import type { fakeOfficerServer } from './fakeOfficerServer';

type Trouble = 'network' | { status: number; code: string; message: string };

const REFERENCE = /[0-9a-f]{64}\.(?:jpg|png|webp)/g;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function withAttachments(server: ReturnType<typeof fakeOfficerServer>) {
  const stored = new Map<string, Uint8Array>();
  /** Every request, in order: "POST /api/attachments/missing", "PUT /api/attachments/…", … */
  const log: string[] = [];
  const troubles = new Map<string, Trouble>();
  const holds = new Map<string, Promise<void>>();

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://local');
    const method = (init.method ?? 'GET').toUpperCase();
    log.push(`${method} ${url.pathname}`);
    if (url.pathname === '/api/attachments/missing' && method === 'POST') {
      if (!server.state.online) throw new TypeError('Failed to fetch');
      const { references } = JSON.parse(String(init.body)) as { references: string[] };
      return json(200, { missing: references.filter((r) => !stored.has(r)) });
    }
    const put = /^\/api\/attachments\/(.+)$/.exec(url.pathname);
    if (put && method === 'PUT') {
      const reference = decodeURIComponent(put[1]!);
      await holds.get(reference);
      const trouble = troubles.get(reference);
      troubles.delete(reference);
      if (trouble === 'network' || !server.state.online) throw new TypeError('Failed to fetch');
      if (trouble) return json(trouble.status, { error: { code: trouble.code, message: trouble.message } });
      if (new Headers(init.headers).get('X-CSRF-Token') !== server.state.csrf) return json(403, { error: { code: 'csrf', message: 'CSRF' } });
      const bytes = new Uint8Array(await (init.body as Blob).arrayBuffer());
      const already = stored.has(reference);
      stored.set(reference, bytes);
      return json(already ? 200 : 201, { reference, size: bytes.length, outcome: already ? 'exists' : 'stored' });
    }
    if (method !== 'GET' && typeof init.body === 'string' && /\/submissions/.test(url.pathname)) {
      const missing = [...new Set(init.body.match(REFERENCE) ?? [])].filter((r) => !stored.has(r));
      if (missing.length) {
        return json(422, { error: { code: 'missing_attachments', message: '照片尚未上传', details: { errors: missing.map((r) => ({ path: '', code: 'missing_attachment', field: '', message: `${r}：照片尚未上传` })) } } });
      }
    }
    return server.fetch(input, init);
  };

  return {
    fetch,
    stored,
    log,
    uploads: () => log.filter((l) => l.startsWith('PUT /api/attachments/')).map((l) => l.slice('PUT /api/attachments/'.length)),
    failUpload(reference: string, trouble: Trouble) {
      troubles.set(reference, trouble);
    },
    /** The upload of this file waits until the returned function is called. */
    holdUpload(reference: string): () => void {
      let release!: () => void;
      holds.set(reference, new Promise<void>((resolve) => { release = resolve; }));
      return () => {
        holds.delete(reference);
        release();
      };
    },
  };
}
