// Every call to the server: JSON in and out, the session cookie and the CSRF token on changes,
// the server's one error shape turned into an ApiError (its Chinese message, code and details),
// and no network at all turned into an OfflineError so callers can keep the work locally.
import { deviceLanguage } from '../i18n/language';
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The error's `details`, as the server sent them (shape per error code). */
  // biome-ignore lint/suspicious/noExplicitAny: the server's details differ per error code (issues, existingId, link…); callers read the fields their code promises.
  readonly details: any;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class OfflineError extends Error {
  constructor() {
    super('网络连接失败');
    this.name = 'OfflineError';
  }
}

let csrfToken = '';
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** False in an app opened with no signal: it has not been able to ask for its token yet. */
export function hasCsrfToken(): boolean {
  return csrfToken !== '';
}

/** Tells the app the session is gone, so it can ask the officer to log in again. */
export function notifyUnauthenticated(): void {
  for (const listener of unauthenticatedListeners) listener();
}

/** Called when the server says the session is gone (401), so the app can ask to log in again. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export interface RequestOptions {
  /** Give up after this long (the queue's sends: a hung connection must not hold the queue). */
  timeoutMs?: number;
  /**
   * A 401 is not news of an ended session: a read started before the app knows whether anyone is
   * signed in (a fill page's data, asked for while the session is), which a visitor gets too.
   */
  beforeSession?: boolean;
}

export async function request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Response> {
  // The server answers problems (a refused submission's issues) in the phone's language.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': deviceLanguage() };
  // A Blob goes as it is (a photo's bytes, PUT /api/attachments/…); anything else as JSON.
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body), credentials: 'same-origin',
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    });
  } catch {
    throw new OfflineError();
  }
  if (response.ok) return response;
  let parsed: { error?: { code?: string; message?: string; details?: unknown } } = {};
  try {
    parsed = await response.json();
  } catch {
    /* not the server's error shape: a proxy or a dead server */
  }
  // Asking who is signed in (or logging in) answers 401 to a visitor who never was: not an expiry.
  if (response.status === 401 && !path.startsWith('/api/session') && !options.beforeSession) notifyUnauthenticated();
  const message = parsed.error?.message ?? (response.status >= 500 ? '服务器出错，请稍后再试' : `请求失败（${response.status}）`);
  if (response.status === 502 || response.status === 503 || response.status === 504) throw new OfflineError();
  throw new ApiError(response.status, parsed.error?.code ?? 'http_error', message, parsed.error?.details);
}

export async function api<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await request(method, path, body, options);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    // The answer cut off (or timed out) half-way is no answer at all.
    if (error instanceof DOMException || error instanceof TypeError) throw new OfflineError();
    throw error;
  }
}
