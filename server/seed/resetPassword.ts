// What to do when the administrator's password is lost: a command run on the server's machine
// (npm run reset-password) gives an account a new password, enables it, ends its sessions and
// lifts a login lock on it. A missing admin account is created, as on a new database.
import { randomBytes } from 'node:crypto';
import { accountKey } from '../auth/loginLimits';
import { hashPassword, passwordProblem } from '../auth/passwords';
import type { Deps } from '../deps';
import { ensureAdmin } from './ensureAdmin';

export interface ResetOutcome {
  username: string;
  /** The new password, to show once (the one given, or a random one). */
  password: string;
  created: boolean;
}

export async function resetPassword(deps: Pick<Deps, 'store' | 'clock' | 'log'>, username: string, given?: string): Promise<ResetOutcome> {
  const password = given ?? randomBytes(9).toString('base64url');
  const problem = passwordProblem(password);
  if (problem) throw new Error(`新密码不可用：${problem}`);
  const { store } = deps;
  let user = await store.findUserByUsername(username);
  if (!user && username === 'admin') {
    await ensureAdmin({ ...deps, log: { info: () => {}, error: deps.log.error } }, password);
    return { username, password, created: true };
  }
  if (!user) throw new Error(`没有用户名为 ${username} 的账号`);
  // An administrator may be changing the account meanwhile: read it again and retry on a revision conflict.
  for (let attempt = 0; ; attempt++) {
    const updated = await store.updateUser(user.id, { passwordHash: await hashPassword(password), disabled: false }, user.revision);
    if (updated) break;
    user = await store.findUserByUsername(username);
    if (!user || attempt >= 3) throw new Error(`账号 ${username} 正被修改，请稍后再试`);
  }
  await store.deleteSessionsOfUser(user.id);
  await store.forgetLoginFailures([accountKey(username)]);
  return { username, password, created: false };
}
