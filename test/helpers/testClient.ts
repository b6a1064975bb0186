// A user of the API as a browser is one: the session cookie kept, the CSRF token sent on every
// change, JSON in and out. One client for every test that speaks to the server: in the process
// (the app's own `app.request`, the server tests) or over HTTP to a real server (the e2e flows'
// set-up, the tests of several server processes). No assertions here: each answer is returned.
import type { createApp } from '../../server/app';

/** Sends one request: `path` is the API path, as a page of the app would fetch it. */
export type Send = (path: string, init: RequestInit) => Promise<Response>;

/** What says who a request is from: the session cookie and its CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A real server at `url` (http://127.0.0.1:port), spoken to with fetch. */
export const overHttp = (url: string): Send => (path, init) => fetch(`${url}${path}`, init);

/** The request a browser holding `session` makes: its cookie, and its CSRF token unless it only reads. A string or bytes are sent as they are, anything else as JSON. */
export function requestInit(session: Session | null, method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  const h: Record<string, string> = { ...headers };
  if (session?.cookie) h.Cookie = session.cookie;
  if (session?.csrf && method !== 'GET') h['X-CSRF-Token'] = session.csrf;
  const init: RequestInit = { method, headers: h };
  if (body !== undefined) {
    h['Content-Type'] ??= 'application/json';
    init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
  }
  return init;
}

/** The answer with its body parsed as JSON where it is JSON (else the text). */
export async function readResponse<T = any>(response: Response): Promise<TestResponse<T>> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: response.status, body: parsed as T, headers: response.headers, text };
}

/** The session cookie an answer sets: `wnbd_session=…`, '' when it clears it, null when it sets none. */
export function sessionCookie(headers: Headers): string | null {
  const match = /wnbd_session=([^;]*)/.exec(headers.get('set-cookie') ?? '');
  if (!match) return null;
  return match[1] ? `wnbd_session=${match[1]}` : '';
}

/** One request with a session held elsewhere (e.g. one session sent to several servers): the session is not updated. */
export async function callWith<T = any>(send: Send, session: Session | null, method: string, path: string, body?: unknown): Promise<TestResponse<T>> {
  return readResponse<T>(await send(path, requestInit(session, method, body)));
}

export class TestClient implements Session {
  cookie = '';
  csrf = '';
  private readonly send: Send;

  /** The app in the process, or a `Send` (e.g. `overHttp(url)`). */
  constructor(target: ReturnType<typeof createApp> | Send) {
    this.send = typeof target === 'function' ? target : async (path, init) => target.request(path, init);
  }

  /** The answer unread (a file's bytes, NDJSON lines), the session it sets kept. */
  async fetch(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.send(path, requestInit(this, method, body, headers));
    const cookie = sessionCookie(response.headers);
    if (cookie !== null) this.cookie = cookie;
    return response;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    return readResponse<T>(await this.fetch(method, path, body, headers));
  }

  /** Logs in (POST /api/session) and keeps the session; throws unless the server says 200. */
  async logIn(username: string, password: string): Promise<this> {
    const response = await this.post('/api/session', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${response.text}`);
    this.csrf = response.body.csrfToken;
    return this;
  }

  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  put<T = any>(path: string, body?: unknown) { return this.request<T>('PUT', path, body ?? {}); }
  patch<T = any>(path: string, body?: unknown) { return this.request<T>('PATCH', path, body ?? {}); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }
}

/** A user logged in on a real server at `url`. */
export function logInOverHttp(url: string, username: string, password: string): Promise<TestClient> {
  return new TestClient(overHttp(url)).logIn(username, password);
}

/** The body of an answer with the `status` expected (any 2xx when none is named); any other answer throws with what the server said. */
export async function ok<T = any>(pending: Promise<TestResponse<T>>, status?: number): Promise<T> {
  const answer = await pending;
  const expected = status === undefined ? answer.status >= 200 && answer.status < 300 : answer.status === status;
  if (!expected) throw new Error(`expected ${status ?? '2xx'}, the server answered ${answer.status}: ${answer.text}`);
  return answer.body;
}
