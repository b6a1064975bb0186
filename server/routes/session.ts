// POST /api/session logs in (a new session each time), GET /api/session tells the client who is
// signed in and its CSRF token, DELETE /api/session logs out. Failed logins are counted per
// account; after too many, each further attempt waits longer (429 with Retry-After).
import { createRoute, z } from '@hono/zod-openapi';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { endSession, startSession } from '../auth/sessions';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { Problem } from '../problem';
import { publicUser } from './publicUser';
import { commonErrors, json, jsonBody, UserSchema } from './schemas';

const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('Session');

const login = createRoute({
  method: 'post',
  path: '/session',
  tags: ['账号'],
  summary: '登录',
  request: jsonBody(z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })),
  responses: { 200: json(SessionSchema, '已登录'), ...commonErrors, 429: json(z.any(), '失败次数过多') },
});

const whoami = createRoute({
  method: 'get', path: '/session', tags: ['账号'], summary: '当前用户',
  responses: { 200: json(SessionSchema, '当前用户与 CSRF 令牌'), ...commonErrors },
});

const logout = createRoute({
  method: 'delete', path: '/session', tags: ['账号'], summary: '退出登录',
  responses: { 204: { description: '已退出' } },
});

let dummyHash: Promise<string> | null = null;

/** Spend the same time on an unknown username as on a wrong password. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash;
}

export function sessionRoutes(deps: Deps) {
  const { store, clock, config } = deps;
  return createRouter()
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json');
      const user = await store.findUserByUsername(username);
      if (!user) {
        await verifyPassword(password, await dummy());
        throw new Problem('unauthenticated', '用户名或密码错误');
      }
      const now = clock.now();
      if (user.lockedUntil && now.toISOString() < user.lockedUntil) {
        const seconds = Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 1000);
        throw new Problem('too_many_attempts', `登录失败次数过多，请 ${seconds} 秒后再试`, undefined, { 'Retry-After': String(seconds) });
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        const failures = user.failedLogins + 1;
        const over = failures - config.loginAttemptsBeforeLock;
        const lockedUntil = over >= 0 ? new Date(now.getTime() + Math.min(30_000 * 2 ** over, 15 * 60_000)).toISOString() : null;
        await store.recordLoginFailure(user.id, lockedUntil);
        throw new Problem('unauthenticated', '用户名或密码错误');
      }
      if (user.disabled) throw new Problem('forbidden', '账号已停用，请联系管理员');
      if (user.failedLogins > 0) await store.resetLoginFailures(user.id);
      const session = await startSession(c, store, user, clock, config.session);
      return c.json({ user: publicUser(user), csrfToken: session.csrfToken }, 200);
    })
    .openapi(whoami, async (c) => {
      const auth = c.get('auth');
      if (!auth) throw new Problem('unauthenticated', '请先登录');
      return c.json({ user: publicUser(auth.user), csrfToken: auth.session.csrfToken }, 200);
    })
    .openapi(logout, async (c) => {
      await endSession(c, store);
      return c.body(null, 204);
    });
}
