// The demo township on a brand-new database (unless DEMO=0): its divisions (临江镇 from the official
// list, registered as an import would), households of every kind with their members, and the demo
// officer and reviewer accounts, printed on the console with their password so a newcomer can log
// in and fill a form at once.
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword, passwordProblem } from '../auth/passwords';
import type { Deps } from '../deps';
import { DEMO_ACCOUNTS, DEMO_VILLAGE_CODES, demoDivisions, demoHouseholds } from './demoTownship';

export async function seedDemo(deps: Deps, password?: string): Promise<void> {
  const { store, clock, log } = deps;
  const chosen = password ?? randomBytes(6).toString('base64url');
  const problem = passwordProblem(chosen);
  if (problem) throw new Error(`DEMO_PASSWORD 不可用：${problem}`);
  const divisions = demoDivisions();
  await store.addDivisions(divisions);
  const households = demoHouseholds(2021, divisions);
  await store.upsertHouseholds(households, clock.now().toISOString());
  const hash = await hashPassword(chosen);
  for (const account of DEMO_ACCOUNTS) {
    if (await store.findUserByUsername(account.username)) continue;
    await store.createUser({ id: randomUUID(), ...account, passwordHash: hash, createdAt: clock.now().toISOString() });
  }
  const villages = divisions.filter((d) => d.code.length === 12).length;
  log.info(`演示数据：临江镇 ${villages} 个村（其中 ${DEMO_VILLAGE_CODES.length} 个村有演示农户）、${households.length} 户。演示账号（密码均为 ${chosen}）：`);
  for (const account of DEMO_ACCOUNTS) log.info(`  ${account.username.padEnd(12)} ${account.displayName}`);
}
