// The signed-in user of a request, checked for role: 401 without a session, 403 with the wrong role.
import type { Context } from 'hono';
import { Problem } from '../problem';
import type { Role, UserRecord } from '../store/records';
import type { AppEnv } from './env';

const ROLE_NAMES: Record<Role, string> = { admin: '管理员', reviewer: '审核员', officer: '信息员' };

export function requireUser(c: Context<AppEnv>, ...roles: Role[]): UserRecord {
  const auth = c.get('auth');
  if (!auth) throw new Problem('unauthenticated', '请先登录');
  if (roles.length > 0 && !roles.includes(auth.user.role)) {
    throw new Problem('forbidden', `此操作需要${roles.map((r) => ROLE_NAMES[r]).join('或')}权限`);
  }
  return auth.user;
}
