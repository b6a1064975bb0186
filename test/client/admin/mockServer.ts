// A stand-in for the server in component tests: fetch answered from a route table (method and
// path, the query ignored unless written), every request recorded with its parsed body, and the
// signed-in administrator's session, so pages render inside the real SessionProvider. A handler
// may answer with a Response of its own (a stream of NDJSON lines), and may be async. GET /api/fill,
// unless a test answers it, is made of the routes it stands for.
import { vi } from 'vitest';

export interface Recorded {
  method: string;
  path: string;
  body: any;
}

type Handler = (body: any, url: URL) => { status?: number; body: unknown } | unknown | Promise<unknown>;

export interface MockServer {
  requests: Recorded[];
  on(method: string, path: string, handler: Handler): void;
  restore(): void;
}

const ADMIN = { user: { id: 'u-admin', username: 'admin', displayName: '系统管理员', role: 'admin', scope: [] }, csrfToken: 'csrf-1' };

export function mockServer(): MockServer {
  const routes = new Map<string, Handler>();
  const requests: Recorded[] = [];
  routes.set('GET /api/session', () => ADMIN);
  const answer = async (method: string, url: URL, body: any): Promise<Response | { status: number; payload: unknown } | null> => {
    const handler = routes.get(`${method} ${url.pathname}${url.search}`) ?? routes.get(`${method} ${url.pathname}`);
    if (!handler) return null;
    const out = (await handler(body, url)) as { status?: number; body?: unknown } | undefined;
    if (out instanceof Response) return out;
    const status = out && typeof out === 'object' && 'status' in out && typeof out.status === 'number' ? out.status : 200;
    const payload = out && typeof out === 'object' && 'status' in out && typeof out.status === 'number' ? out.body : out;
    return { status, payload };
  };
  const jsonResponse = (status: number, payload: unknown) => new Response(JSON.stringify(payload ?? null), { status, headers: { 'Content-Type': 'application/json' } });
  const notFound = (method: string, path: string) => new Response(JSON.stringify({ error: { code: 'not_found', message: `接口不存在：${method} ${path}` } }), { status: 404 });
  /** GET /api/fill made of the routes it stands for, as the real server makes it (server/routes/fill.ts). */
  const fill = async (url: URL): Promise<Response> => {
    const part = async (path: string) => {
      const out = await answer('GET', new URL(path, 'http://local'), undefined);
      if (out === null || out instanceof Response) throw notFound('GET', path);
      if (out.status !== 200) throw jsonResponse(out.status, out.payload);
      return out.payload as any;
    };
    try {
      const id = url.searchParams.get('submission');
      const submission = id ? await part(`/api/submissions/${id}`) : null;
      const formId = submission?.formId ?? url.searchParams.get('form');
      const version = submission?.formVersion ?? url.searchParams.get('version');
      const householdId = submission ? submission.householdId : url.searchParams.get('household');
      return jsonResponse(200, {
        submission, form: await part(`/api/forms/${formId}/versions/${version}`), campaigns: await part('/api/campaigns'), household: householdId ? await part(`/api/households/${householdId}`) : null,
      });
    } catch (refused) {
      return refused as Response;
    }
  };
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://local');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    requests.push({ method, path: url.pathname + url.search, body });
    const out = await answer(method, url, body);
    if (out === null) return method === 'GET' && url.pathname === '/api/fill' ? fill(url) : notFound(method, url.pathname);
    return out instanceof Response ? out : jsonResponse(out.status, out.payload);
  });
  return {
    requests,
    on(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    restore() {
      spy.mockRestore();
    },
  };
}
