// Accounts administered through HTTP by two administrators at once: each change states the
// revision it was made from, answers carry the next one, and a change made from an older one is
// refused with 409 (an account disabled by one is never silently re-enabled by the other's edit).
// The name the shipped forms are published by is no one's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let admin: TestClient;
let other: TestClient;
let id: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser('admin2', 'admin', []);
  admin = await server.login('admin');
  other = await server.login('admin2');
  id = await server.addUser('gaotan', 'officer', ['500118104201']);
});
afterAll(() => server.close());

const listed = async () => (await admin.get('/api/users')).body.items.find((u: { id: string }) => u.id === id);

describe('POST /api/users', () => {
  it('keeps the name the shipped forms are published by (system) from every account', async () => {
    for (const username of ['system', 'System']) {
      const refused = await admin.post('/api/users', { username, password: 'a-long-pass-2021', role: 'admin', scope: [] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('username');
      expect(refused.body.error.message).toContain('系统保留');
    }
    expect((await admin.get('/api/users')).body.items.map((u: { username: string }) => u.username.toLowerCase())).not.toContain('system');
  });
});

describe('PATCH /api/users/:id', () => {
  it('answers the account with its revision, one more at each change', async () => {
    expect((await listed()).revision).toBe(1);
    const changed = await admin.patch(`/api/users/${id}`, { displayName: '高滩村信息员', revision: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ displayName: '高滩村信息员', revision: 2 });
    expect(changed.body).not.toHaveProperty('passwordHash');
  });

  it('refuses an edit made from the revision before another administrator disabled the account; the account stays disabled', async () => {
    const seen = (await listed()).revision;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true, revision: seen })).status).toBe(200);
    const edit = await other.patch(`/api/users/${id}`, { role: 'reviewer', scope: ['500118104'], disabled: false, revision: seen });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toEqual({ code: 'stale_revision', message: `该账号已被他人修改（当前版本 ${seen + 1}），请刷新后再改`, details: { revision: seen + 1 } });
    expect(await listed()).toMatchObject({ role: 'officer', disabled: true, revision: seen + 1 });
  });

  it('needs the revision, and answers an unknown account with 404', async () => {
    const missing = await admin.patch(`/api/users/${id}`, { displayName: '没有版本' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('revision');
    expect((await admin.patch('/api/users/nobody', { displayName: 'x', revision: 1 })).status).toBe(404);
  });
});
