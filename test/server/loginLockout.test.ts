// Login throttling through HTTP: attempts are counted before their password is checked, per
// username (known or not) and per client address, so that neither attempts sent at once nor
// guesses spread over many usernames get past the limit, and no answer tells whether a username
// exists, is disabled or is locked with the right password. Runs on SQLite, or on PostgreSQL
// with WNBD_TEST_STORE=postgres.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, TestClient, testStoreKind, type TestServer } from '../helpers/testServer';

const WRONG = 'wrong-password-21';
const UNAUTHENTICATED = { error: { code: 'unauthenticated', message: '用户名或密码错误' } };

let server: TestServer;
afterEach(() => server?.close());

function login(username: string, password: string, headers: Record<string, string> = {}) {
  return new TestClient(server.app).request('POST', '/api/session', { username, password }, headers);
}

describe('the login lockout', { timeout: 60_000 }, () => {
  it('refuses the right password sent at once with twelve wrong ones: only five are checked', async () => {
    server = await startTestServer();
    await server.addUser('zhangsan', 'officer', ['500118104201']);
    const answers = await Promise.all([...Array.from({ length: 12 }, () => login('zhangsan', WRONG)), login('zhangsan', TEST_PASSWORD)]);
    const statuses = answers.map((a) => a.status);
    // Five attempts are checked, never more. SQLite counts them in the order they arrive, so the
    // right one, sent last, is refused; PostgreSQL's pool may let it in among the first five.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    if (testStoreKind() === 'sqlite') expect(statuses.at(-1)).toBe(429);
    else expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(4);
    const refused = answers.filter((a) => a.status === 429);
    expect(new Set(refused.map((a) => a.text)).size).toBe(1);
    expect(refused[0]!.headers.get('retry-after')).toBe('30');
    expect(refused[0]!.body.error).toEqual({ code: 'too_many_attempts', message: '登录失败次数过多，请 30 秒后再试' });

    // Once the lock is over, the right password gets in and clears the count.
    server.clock.advance(30_000);
    expect((await login('zhangsan', TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('zhangsan', WRONG)).status).toBe(401);
  });

  it.skipIf(testStoreKind() !== 'postgres')('counts attempts sent to two servers on one database together', async () => {
    server = await startTestServer();
    const second = await startTestServer({ schema: server.schema!, clock: server.clock });
    try {
      await server.addUser('zhangsan', 'officer', ['500118104201']);
      const on = (app: TestServer['app'], password: string) => new TestClient(app).post('/api/session', { username: 'zhangsan', password });
      const answers = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => on(i % 2 ? second.app : server.app, WRONG)), on(second.app, TEST_PASSWORD),
      ]);
      // Which five are checked depends on which server's connection gets the row first: five, never more.
      expect(answers.filter((a) => a.status !== 429)).toHaveLength(5);
    } finally {
      await second.store.close();
    }
  });

  it('answers an unknown username, a wrong password and a disabled account alike, and locks them alike', async () => {
    server = await startTestServer();
    await server.addUser('zhangsan', 'officer', ['500118104201']);
    const lisi = await server.addUser('lisi', 'officer', ['500118104201']);
    await server.store.updateUser(lisi, { disabled: true }, 1);
    const first = [await login('zhangsan', WRONG), await login('nobody', WRONG), await login('lisi', TEST_PASSWORD), await login('lisi', WRONG)];
    for (const answer of first) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(UNAUTHENTICATED);
    }
    for (const username of ['zhangsan', 'nobody', 'lisi']) {
      const tries = username === 'lisi' ? 3 : 4;
      for (let i = 0; i < tries; i++) expect((await login(username, WRONG)).body).toEqual(UNAUTHENTICATED);
    }
    // Each has five failures: every answer now is the same, whatever the password and whoever it is.
    const locked = [
      await login('zhangsan', TEST_PASSWORD), await login('zhangsan', WRONG), await login('nobody', TEST_PASSWORD),
      await login('lisi', TEST_PASSWORD), await login('lisi', WRONG),
    ];
    for (const answer of locked) {
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(answer.text).toBe(locked[0]!.text);
    }
  });

  it('lets an administrator\'s new password lift a username\'s lock', async () => {
    server = await startTestServer();
    const id = await server.addUser('zhangsan', 'officer', ['500118104201']);
    for (let i = 0; i < 5; i++) await login('zhangsan', WRONG);
    expect((await login('zhangsan', TEST_PASSWORD)).status).toBe(429);
    const admin = await server.login('admin');
    expect((await admin.patch(`/api/users/${id}`, { password: 'new-password-21', revision: 1 })).status).toBe(200);
    expect((await login('zhangsan', 'new-password-21')).status).toBe(200);
  });
});

describe('the per-address throttle', { timeout: 60_000 }, () => {
  it('locks an address that guesses across many usernames, whichever username it tries next', async () => {
    server = await startTestServer({ config: { trustProxy: true, login: { perAccount: 5, perAddress: 6, firstLockSeconds: 30, maxLockSeconds: 900, windowMinutes: 60 } } });
    await server.addUser('zhangsan', 'officer', ['500118104201']);
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    for (let i = 0; i < 6; i++) expect((await login(`user${i}`, WRONG, from('203.0.113.7'))).status).toBe(401);
    const refused = await login('zhangsan', TEST_PASSWORD, from('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    // What the client wrote before the proxy's own entry is not believed.
    expect((await login('zhangsan', TEST_PASSWORD, from('198.51.100.1, 203.0.113.7'))).status).toBe(429);
    // Another address is not held back; an IPv6 client counts by its /64.
    expect((await login('zhangsan', TEST_PASSWORD, from('198.51.100.1'))).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await login(`v6user${i}`, WRONG, from(`2001:db8:1:2::${i + 1}`))).status).toBe(401);
    expect((await login('zhangsan', TEST_PASSWORD, from('2001:db8:1:2:ffff::9'))).status).toBe(429);
    expect((await login('zhangsan', TEST_PASSWORD, from('2001:db8:1:3::1'))).status).toBe(200);
    server.clock.advance(30_000);
    expect((await login('zhangsan', TEST_PASSWORD, from('203.0.113.7'))).status).toBe(200);
  });

  it('does not count successful logins against the address', async () => {
    server = await startTestServer({ config: { login: { perAccount: 5, perAddress: 3, firstLockSeconds: 30, maxLockSeconds: 900, windowMinutes: 60 } } });
    for (let i = 0; i < 10; i++) await server.login('admin');
    expect((await login('admin', WRONG)).status).toBe(401);
    expect((await login('admin', TEST_PASSWORD)).status).toBe(200);
  });

  it('takes the address from the socket, ignoring X-Forwarded-For unless told to trust a proxy', async () => {
    server = await startTestServer({ config: { login: { perAccount: 5, perAddress: 3, firstLockSeconds: 30, maxLockSeconds: 900, windowMinutes: 60 } } });
    const http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => http.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/session`;
      const post = (username: string, password: string, i: number) => fetch(url, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${i}` }, body: JSON.stringify({ username, password }),
      });
      for (let i = 0; i < 3; i++) expect((await post(`user${i}`, WRONG, i)).status).toBe(401);
      expect((await post('admin', TEST_PASSWORD, 9)).status).toBe(429);
      // The socket's address is locked, not the server: a client elsewhere (here, one with no socket) still logs in.
      expect((await login('admin', TEST_PASSWORD)).status).toBe(200);
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
