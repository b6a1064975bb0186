import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser('cunyuan', 'officer', ['500118104201']);
});
afterAll(() => server.close());

describe('POST /api/session', () => {
  it('logs in with the right password, setting an HttpOnly SameSite cookie and returning a CSRF token', async () => {
    const client = new TestClient(server.app);
    const response = await client.post('/api/session', { username: 'cunyuan', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: 'cunyuan', role: 'officer', scope: ['500118104201'] });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    expect(response.body.csrfToken.length).toBeGreaterThanOrEqual(24);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(/wnbd_session=([^;]+)/.exec(cookie)![1]!.length).toBeGreaterThanOrEqual(43);
  });

  it('gives a new session token at each login', async () => {
    const a = await server.login('cunyuan');
    const b = await server.login('cunyuan');
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('refuses a wrong password or unknown user with the same message', async () => {
    const client = new TestClient(server.app);
    const wrong = await client.post('/api/session', { username: 'cunyuan', password: 'wrong-password' });
    const unknown = await client.post('/api/session', { username: 'nobody', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthenticated', message: '用户名或密码错误' } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('slows down repeated failed logins, telling how long to wait, even for the right password', async () => {
    await server.addUser('zhangsan', 'officer', ['500118104202']);
    const client = new TestClient(server.app);
    for (let i = 0; i < 5; i++) expect((await client.post('/api/session', { username: 'zhangsan', password: 'bad-guess-1' })).status).toBe(401);
    const locked = await client.post('/api/session', { username: 'zhangsan', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    expect(locked.body.error.message).toMatch(/请 30 秒后再试/);
    server.clock.advance(31_000);
    expect((await client.post('/api/session', { username: 'zhangsan', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('names the missing field of a bad request in Chinese', async () => {
    const response = await new TestClient(server.app).post('/api/session', { username: 'cunyuan' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toMatch(/^请求字段 password 不正确/);
  });

  it('answers malformed JSON with 400 and too large a body with 413', async () => {
    const client = new TestClient(server.app);
    const malformed = await client.request('POST', '/api/session', '{"username": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const huge = await client.request('POST', '/api/session', JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });
});

describe('sessions', () => {
  it('tells the client who is signed in, and ends on logout', async () => {
    const client = await server.login('cunyuan');
    expect((await client.get('/api/session')).body.user.username).toBe('cunyuan');
    expect((await client.delete('/api/session')).status).toBe(204);
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('expires after the idle timeout and after the absolute timeout', async () => {
    const idle = await server.login('cunyuan');
    server.clock.advance(12 * 3_600_000 + 60_000);
    expect((await idle.get('/api/session')).status).toBe(401);

    const active = await server.login('cunyuan');
    for (let i = 0; i < 15; i++) {
      server.clock.advance(11 * 3_600_000);
      expect((await active.get('/api/session')).status).toBe(200);
    }
    server.clock.advance(11 * 3_600_000); // 176 hours after login: past the 7-day limit
    expect((await active.get('/api/session')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const client = await server.login('cunyuan');
    client.csrf = '';
    const response = await client.delete('/api/session');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf');
  });

  it('ends a disabled user\'s sessions at once', async () => {
    const id = await server.addUser('lisi', 'officer', ['500118104203']);
    const lisi = await server.login('lisi');
    const admin = await server.login('admin');
    expect((await admin.patch(`/api/users/${id}`, { disabled: true, revision: 1 })).status).toBe(200);
    expect((await lisi.get('/api/session')).status).toBe(401);
    // The right password of a disabled account is answered as a wrong one: nothing tells the account exists.
    const again = await new TestClient(server.app).post('/api/session', { username: 'lisi', password: TEST_PASSWORD });
    expect(again.status).toBe(401);
    expect(again.body).toEqual({ error: { code: 'unauthenticated', message: '用户名或密码错误' } });
  });
});

describe('POST /api/users', () => {
  it('lets an administrator create an officer who can then log in', async () => {
    const admin = await server.login('admin');
    const created = await admin.post('/api/users', { username: 'wangwu', password: 'long-enough-1', role: 'officer', scope: ['500118104204'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'wangwu', role: 'officer', scope: ['500118104204'], disabled: false });
    const login = await new TestClient(server.app).post('/api/session', { username: 'wangwu', password: 'long-enough-1' });
    expect(login.status).toBe(200);
  });

  it('refuses short passwords, duplicate usernames, bad scopes and non-administrators', async () => {
    const admin = await server.login('admin');
    expect((await admin.post('/api/users', { username: 'short', password: '1234567', role: 'officer', scope: ['500118'] })).body.error.message)
      .toBe('请求字段 password 不正确：密码至少 8 个字符');
    expect((await admin.post('/api/users', { username: 'cunyuan', password: '12345678', role: 'officer', scope: ['500118'] })).status).toBe(409);
    expect((await admin.post('/api/users', { username: 'nobody2', password: '12345678', role: 'officer', scope: ['5001181'] })).body.error.message)
      .toMatch(/^请求字段 scope\.0 不正确/);
    const officer = await server.login('cunyuan');
    expect((await officer.post('/api/users', { username: 'x1234', password: '12345678', role: 'admin', scope: [] })).status).toBe(403);
  });
});

describe('GET /api/health', () => {
  it('answers without a session', async () => {
    const response = await new TestClient(server.app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'ok' });
  });
});
