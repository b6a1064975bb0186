// A stand-in for the server in component tests: fetch answered from a route table (method and
// path, the query ignored unless written), every request recorded with its parsed body, and the
// signed-in administrator's session, so pages render inside the real SessionProvider. A handler
// may answer with a Response of its own (a stream of NDJSON lines), and may be async.
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
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://local');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    requests.push({ method, path: url.pathname + url.search, body });
    const handler = routes.get(`${method} ${url.pathname}${url.search}`) ?? routes.get(`${method} ${url.pathname}`);
    if (!handler) return new Response(JSON.stringify({ error: { code: 'not_found', message: `接口不存在：${method} ${url.pathname}` } }), { status: 404 });
    const out = (await handler(body, url)) as { status?: number; body?: unknown } | undefined;
    if (out instanceof Response) return out;
    const status = out && typeof out === 'object' && 'status' in out && typeof out.status === 'number' ? out.status : 200;
    const payload = out && typeof out === 'object' && 'status' in out && typeof out.status === 'number' ? out.body : out;
    return new Response(JSON.stringify(payload ?? null), { status, headers: { 'Content-Type': 'application/json' } });
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
