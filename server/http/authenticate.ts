// Middleware: reads the session cookie into c.var.auth (null when absent or expired), and for
// state-changing requests of a logged-in user requires the session's CSRF token in the
// X-CSRF-Token header. Logging in itself needs no token: it has no session yet.
import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, currentSession } from '../auth/sessions';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { AppEnv } from './env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = await currentSession(c, deps.store, deps.clock, deps.config.session);
    c.set('auth', auth);
    const loggingIn = c.req.method === 'POST' && c.req.path === '/api/session';
    if (auth && !SAFE.has(c.req.method) && !loggingIn && c.req.header(CSRF_HEADER) !== auth.session.csrfToken) {
      throw new Problem('csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
    await next();
  };
}
