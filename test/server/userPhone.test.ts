// A user's phone through HTTP: given by the administrator (checked), shown in the session so the
// forms' 填表人联系电话 can start with it, changed and removed; on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.store.upsertDivisions([{ code: '500118104201', name: '石庙村', parentCode: null }]);
  admin = await server.login('admin');
});
afterAll(() => server.close());

describe('a user\'s phone', () => {
  it('is kept when the administrator gives one, and shown in the user\'s session', async () => {
    const created = await admin.post('/api/users', { username: 'zhoudh', displayName: '周德华', phone: '13983011201', password: TEST_PASSWORD, role: 'officer', scope: ['500118104201'] });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ displayName: '周德华', phone: '13983011201' });
    const officer = await server.login('zhoudh');
    expect((await officer.get('/api/session')).body.user).toMatchObject({ displayName: '周德华', phone: '13983011201' });
  });

  it('is null when none was given, and can be set, changed to a landline and removed', async () => {
    const created = await admin.post('/api/users', { username: 'lisf', password: TEST_PASSWORD, role: 'officer', scope: ['500118104201'] });
    expect(created.body.phone).toBeNull();
    const landline = await admin.patch(`/api/users/${created.body.id}`, { phone: '023-49876543', revision: created.body.revision });
    expect(landline.body.phone).toBe('023-49876543');
    const removed = await admin.patch(`/api/users/${created.body.id}`, { phone: null, revision: landline.body.revision });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.phone).toBeNull();
    expect((await admin.get('/api/users')).body.items.find((u: { username: string }) => u.username === 'lisf').phone).toBeNull();
  });

  it('refuses a number that is not a phone, naming the field', async () => {
    const response = await admin.post('/api/users', { username: 'wangx', phone: '1398301', password: TEST_PASSWORD, role: 'officer', scope: ['500118104201'] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('phone');
    expect(response.body.error.message).toContain('应为 11 位手机号码或带区号的固定电话');
  });
});
