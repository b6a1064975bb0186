import { describe, expect, it } from 'vitest';
import { sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

describe('POST /api/forms/:formId/submissions', () => {
  it('stores a draft with its errors listed, computed values recomputed and client values ignored', async () => {
    const body = validBody(f.households[0]!.id, { A28: undefined, A34: 99999 });
    const response = await f.officer.post(path, body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: body.id, status: 'draft', statusLabel: '草稿', revision: 1, formVersion: 1, campaignId: 'test-2021' });
    expect(response.body.data.A34).toBe(0);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/A28', field: 'A28', code: 'required', message: 'A28 工资性收入（元）为必填项' })]);
  });

  it('answers a retry of the same request as the first time and stores nothing twice', async () => {
    const wang = sampleHouseholds()[1]!;
    const body = validBody(f.households[1]!.id, { headName: wang.headName, address: wang.address, members: wang.members });
    const first = await f.officer.post(path, body);
    const again = await f.officer.post(path, body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const history = (await f.officer.get(`/api/submissions/${body.id}`)).body.history;
    expect(history).toHaveLength(1);
  });

  it('answers retries sent all at once as the first time, storing one submission', async () => {
    const [zhang] = sampleHouseholds();
    const newcomer = { ...zhang!, headName: '张小平', headIdNumber: '11010519491231002X', members: [{ name: '张小平', idNumber: '11010519491231002X', relation: '户主' }] };
    const imported = await f.admin.post('/api/households', [newcomer]);
    const body = { ...validBody(imported.body.ids[0], { headName: '张小平', members: newcomer.members }), submit: false };
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => f.officer.post(path, body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    // The same answer each time; PostgreSQL's jsonb may list an object's keys in another order.
    for (const answer of answers.slice(1)) expect(answer.body).toEqual(answers[0]!.body);
    expect((await f.officer.get(`/api/submissions/${body.id}`)).body.history).toHaveLength(1);
  });

  it('refuses the same id with another body (409)', async () => {
    const first = (await f.officer.get(`${path}?q=张德明`)).body.items[0];
    const other = await f.officer.post(path, { id: first.id, householdId: f.households[0]!.id, data: { ...first.data, A28: 2 } });
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual({ code: 'conflict', message: `提交编号 ${first.id} 已被另一份内容使用` });
  });

  it('refuses a submit with errors (422) with the engine\'s own issues, storing nothing', async () => {
    const body = { ...validBody(f.households[2]!.id, { A1: true, A28: -5, members: [] }), submit: true };
    const response = await f.otherOfficer.post(path, body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_submission');
    expect(response.body.error.details.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      ['/A2', 'A2 安置区地址为必填项'],
      ['/members', '家庭成员至少填写 1 项'],
      ['/A28', 'A28 工资性收入（元）不能小于 0'],
    ]);
    expect((await f.otherOfficer.get(`/api/submissions/${body.id}`)).status).toBe(404);
  });

  it('submits a valid form, dropping hidden values', async () => {
    const liu = sampleHouseholds()[2]!;
    const body = { ...validBody(f.households[2]!.id, { headName: liu.headName, address: liu.address, A2: '不该保存', members: liu.members }), submit: true };
    const response = await f.otherOfficer.post(path, body);
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('submitted');
    expect(response.body.waitingOn).toBe('乡镇审核');
    expect(response.body.data).not.toHaveProperty('A2');
  });

  it('refuses a second submission for a household that allows one, linking to the first', async () => {
    const response = await f.otherOfficer.post(path, validBody(f.households[2]!.id));
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('duplicate_submission');
    expect(response.body.error.details.link).toMatch(/^\/api\/submissions\/[0-9a-f-]{36}$/);
  });

  it('refuses a household outside the officer\'s area, as if it did not exist', async () => {
    const response = await f.officer.post(path, validBody(f.households[2]!.id));
    expect(response.status).toBe(404);
  });

  it('refuses a reviewer filling a form, and no session at all', async () => {
    expect((await f.township.post(path, validBody(f.households[0]!.id))).status).toBe(403);
    const anonymous = await f.server.login('cunyuan');
    await anonymous.delete('/api/session');
    expect((await anonymous.post(path, validBody(f.households[0]!.id))).status).toBe(401);
  });

  it('refuses a body carrying the NUL character with a 400 naming it, storing nothing', async () => {
    const body = validBody(f.households[0]!.id, { address: '高滩村\u00003组' });
    const response = await f.officer.request('POST', path, JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('空字符');
    expect((await f.officer.get(`/api/submissions/${body.id}`)).status).toBe(404);
  });

  it('keeps a literal backslash followed by u0000 as text', async () => {
    const response = await f.officer.request('POST', '/api/session', JSON.stringify({ username: 'no\\u0000body', password: 'x' }));
    expect(response.status).toBe(401);
  });

  it('keeps keys such as __proto__ and constructor out of stored data and prototypes', async () => {
    const body = validBody(f.households[0]!.id);
    const raw = JSON.stringify(body).replace('"data":{', '"data":{"__proto__":{"polluted":1},"constructor":{"x":1},');
    const response = await f.officer.request('POST', `${path}`, raw);
    expect([201, 409]).toContain(response.status);
    if (response.status === 201) expect(Object.keys(response.body.data)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('PUT /api/submissions/:id', () => {
  it('saves with the current revision and refuses a stale one without overwriting', async () => {
    const list = await f.officer.get(`${path}?q=王桂芳`);
    const existing = list.body.items[0];
    const saved = await f.officer.put(`/api/submissions/${existing.id}`, { data: { ...existing.data, A28: 3000 }, revision: existing.revision });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(existing.revision + 1);
    const stale = await f.officer.put(`/api/submissions/${existing.id}`, { data: { ...existing.data, A28: 1 }, revision: existing.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_revision');
    expect((await f.officer.get(`/api/submissions/${existing.id}`)).body.data.A28).toBe(3000);
  });

  it('keeps a history of who changed what', async () => {
    const existing = (await f.officer.get(`${path}?q=王桂芳`)).body.items[0];
    const detail = (await f.officer.get(`/api/submissions/${existing.id}`)).body;
    const save = detail.history.find((e: { action: string }) => e.action === 'save');
    expect(save).toMatchObject({ username: 'cunyuan', action: 'save' });
    expect(save.changes).toContainEqual(expect.objectContaining({ field: '/A28', to: '3000' }));
  });

  it('shows the registry values an officer corrected', async () => {
    const existing = (await f.officer.get(`${path}?q=王桂芳`)).body.items[0];
    await f.officer.put(`/api/submissions/${existing.id}`, { data: { ...existing.data, address: '重庆市永川区临江镇高滩村6组' }, revision: existing.revision });
    const detail = (await f.officer.get(`/api/submissions/${existing.id}`)).body;
    expect(detail.corrections).toEqual([{ field: 'address', title: '家庭住址', registryValue: '重庆市永川区临江镇高滩村5组', value: '重庆市永川区临江镇高滩村6组' }]);
  });
});

describe('GET /api/forms/:formId/submissions', () => {
  it('lists only what the user\'s area covers, with filters', async () => {
    const mine = (await f.officer.get(path)).body;
    expect(mine.items.every((s: { divisionCode: string }) => s.divisionCode === '500118104201')).toBe(true);
    const township = (await f.township.get(path)).body;
    expect(township.total).toBeGreaterThan(mine.total);
    expect((await f.township.get(`${path}?status=submitted`)).body.items.map((s: { headName: string }) => s.headName)).toEqual(['刘大勇']);
    expect((await f.township.get(`${path}?division=500118104202`)).body.total).toBe(1);
    expect((await f.township.get(`${path}?q=刘大`)).body.total).toBe(1);
  });

  it('answers a bad filter with 400 naming it', async () => {
    const response = await f.township.get(`${path}?status=done`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^请求字段 status 不正确/);
  });
});
