// The initial administrator: created on a new database with ADMIN_PASSWORD, or with a random
// password printed once. An existing admin account is never touched.
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword, passwordProblem } from '../auth/passwords';
import type { Deps } from '../deps';

export async function ensureAdmin(deps: Pick<Deps, 'store' | 'clock' | 'log'>, password: string | undefined): Promise<boolean> {
  const { store, clock, log } = deps;
  if (await store.findUserByUsername('admin')) return false;
  const chosen = password ?? randomBytes(9).toString('base64url');
  const problem = passwordProblem(chosen);
  if (problem) throw new Error(`ADMIN_PASSWORD 不可用：${problem}`);
  await store.createUser({
    id: randomUUID(), username: 'admin', displayName: '系统管理员', role: 'admin', scope: [],
    passwordHash: await hashPassword(chosen), createdAt: clock.now().toISOString(),
  });
  log.info(password ? '已创建管理员 admin（密码取自 ADMIN_PASSWORD）' : `已创建管理员 admin，初始密码：${chosen}（只显示这一次）`);
  return true;
}
