// The lost administrator password: `npm run reset-password` on the server's machine gives the
// account a new password, enables it, ends its sessions and lifts a login lock; through HTTP, the
// old password and the old session stop working and the new password gets in at once.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { resetPassword } from '../../server/seed/resetPassword';
import { ROOT, startServerProcess } from '../helpers/serverProcess';
import { startTestServer, TEST_PASSWORD, TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const login = (username: string, password: string) => new TestClient(server!.app).request('POST', '/api/session', { username, password });

describe('resetting a password on the server\'s machine', { timeout: 120_000 }, () => {
  it('lets a locked-out administrator in with the new password and ends the old sessions', async () => {
    server = await startTestServer();
    const before = await server!.login('admin');
    for (let i = 0; i < 5; i++) await login('admin', 'wrong-password-21');
    expect((await login('admin', TEST_PASSWORD)).status).toBe(429);

    const outcome = await resetPassword(server!.deps, 'admin', 'new-admin-pass-2024');
    expect(outcome).toEqual({ username: 'admin', password: 'new-admin-pass-2024', created: false });
    expect((await before.get('/api/session')).status).toBe(401);
    expect((await login('admin', TEST_PASSWORD)).status).toBe(401);
    expect((await login('admin', 'new-admin-pass-2024')).status).toBe(200);
  });

  it('enables a disabled account, and gives a random password when none is given', async () => {
    server = await startTestServer();
    const id = await server!.addUser('gaotan', 'officer', ['500118104201']);
    const user = (await server!.store.findUserByUsername('gaotan'))!;
    await server!.store.updateUser(id, { disabled: true }, user.revision);
    expect((await login('gaotan', TEST_PASSWORD)).status).toBe(401);
    const { password } = await resetPassword(server!.deps, 'gaotan');
    expect(password).toMatch(/^[\w-]{12}$/);
    expect((await login('gaotan', password)).status).toBe(200);
  });

  it('refuses an unknown account and a weak password, changing nothing', async () => {
    server = await startTestServer();
    await expect(resetPassword(server!.deps, 'nobody', 'new-admin-pass-2024')).rejects.toThrow('没有用户名为 nobody 的账号');
    await expect(resetPassword(server!.deps, 'admin', '123')).rejects.toThrow(/^新密码不可用：/);
    expect((await login('admin', TEST_PASSWORD)).status).toBe(200);
  });

  it('works as the README says: npm run reset-password on a stopped server\'s data, then the server lets admin in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wnbd-reset-'));
    try {
      const env = { DATA_DIR: dir, DEMO: '0', ADMIN_PASSWORD: 'first-admin-pass-2021' };
      await (await startServerProcess(env)).stop();
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'reset-password'], {
        cwd: ROOT, env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir },
      });
      const password = /新密码：(\S+)（只显示这一次）/.exec(stdout)?.[1];
      expect(stdout).toContain('已重设账号 admin');
      expect(password).toBeTruthy();
      const again = await startServerProcess(env);
      try {
        const answer = async (pass: string) => (await fetch(`${again.url}/api/session`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: pass }),
        })).status;
        expect(await answer('first-admin-pass-2021')).toBe(401);
        expect(await answer(password!)).toBe(200);
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
