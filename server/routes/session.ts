// POST /api/session logs in (a new session each time), GET /api/session tells the client who is
// signed in and its CSRF token, DELETE /api/session logs out. Each login is counted as a failure
// against its username and its client address before the password is checked (a right password
// takes it back), so attempts sent together cannot all be checked; past the limit every answer is
// the same 429 whatever the password. An unknown username, a wrong password and a disabled
// account get the very same 401, after the same work: nothing tells which usernames exist.
import { createRoute } from '@hono/zod-openapi';
import { LoginSchema, SessionSchema } from '@engine/contract/accounts';
import { clientAddress } from '../auth/clientAddress';
import { accountKey, addressKey, loginAttempt } from '../auth/loginLimits';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { endSession, startSession } from '../auth/sessions';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { Problem } from '../problem';
import { publicUser } from './publicUser';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const login = createRoute({
  method: 'post',
  path: '/session',
  tags: ['账号'],
  summary: '登录',
  request: jsonBody(LoginSchema),
  responses: { 200: json(SessionSchema, '已登录'), ...commonErrors, 429: json(ProblemSchema, '失败次数过多：Retry-After 为需等待的秒数') },
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
      const now = clock.now();
      const address = clientAddress(c, config.trustProxy);
      const claim = await store.claimLoginAttempt(loginAttempt(username, address, now, config.login));
      if (!claim.admitted) {
        const seconds = Math.max(1, Math.ceil((Date.parse(claim.lockedUntil) - now.getTime()) / 1000));
        throw new Problem('too_many_attempts', `登录失败次数过多，请 ${seconds} 秒后再试`, undefined, { 'Retry-After': String(seconds) });
      }
      const user = await store.findUserByUsername(username);
      const right = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
      if (!user || !right || user.disabled) throw new Problem('unauthenticated', '用户名或密码错误');
      await store.forgetLoginFailures([accountKey(username)]);
      await store.refundLoginAttempt([addressKey(address)]);
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
