import { describe, expect, it } from 'vitest';
import { review } from '../helpers/review';
import { residentId, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

async function submitted(household = 0) {
  const h = sampleHouseholds()[household]!;
  const body = { ...validBody(f.households[household]!.id, { headName: h.headName, address: h.address, members: h.members }), submit: true };
  const officer = household === 2 ? f.otherOfficer : f.officer;
  const response = await officer.post(path, body);
  expect(response.status).toBe(201);
  return response.body;
}

describe('review', () => {
  it('runs village → township → county, returning with a comment and applying effects only at the last approval', async () => {
    const s = await submitted(0);
    expect(s.waitingOn).toBe('乡镇审核');

    expect((await review(f.county, s.id, { decision: 'approve' })).body.error.message)
      .toBe('此表正等待“乡镇审核”，您的审核级别不符');

    const township = await review(f.township, s.id, { decision: 'approve' });
    expect(township.status).toBe(200);
    expect(township.body).toMatchObject({ status: 'submitted', reviewLevel: 1, waitingOn: '县级确定' });
    expect((await f.officer.get(`/api/households/${f.households[0]!.id}`)).body.kind).toBe('脱贫户');

    const returned = await review(f.county, s.id, { decision: 'return', comment: 'A28 工资性收入偏低，请核实务工收入' });
    expect(returned.body).toMatchObject({ status: 'returned', statusLabel: '已退回', returnComment: 'A28 工资性收入偏低，请核实务工收入' });

    const detail = (await f.officer.get(`/api/submissions/${s.id}`)).body;
    const corrected = await f.officer.put(`/api/submissions/${s.id}`, { data: { ...detail.data, A28: 15000 }, revision: detail.revision, submit: true });
    expect(corrected.body).toMatchObject({ status: 'submitted', reviewLevel: 0, waitingOn: '乡镇审核' });

    await review(f.township, s.id, { decision: 'approve' });
    const approved = await review(f.county, s.id, { decision: 'approve', comment: '同意' });
    expect(approved.body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });

    const household = (await f.officer.get(`/api/households/${f.households[0]!.id}`)).body;
    expect(household).toMatchObject({ kind: '脱贫不稳定户', identifiedMonth: '2021-11' });
    expect(household.history[0]).toMatchObject({ submissionId: s.id, changes: ['kind：脱贫户 → 脱贫不稳定户', 'identifiedMonth：（空） → 2021-11'] });

    const history = (await f.officer.get(`/api/submissions/${s.id}`)).body.history;
    expect(history.map((e: { action: string; username: string }) => `${e.action}:${e.username}`)).toEqual([
      'submit:cunyuan', 'approve:xiangzhen', 'return:quxian', 'submit:cunyuan', 'approve:xiangzhen', 'approve:quxian',
    ]);
  });

  it('requires a comment to return', async () => {
    const s = await submitted(1);
    const response = await review(f.township, s.id, { decision: 'return', comment: '  ' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('请求字段 comment 不正确：退回时须写明退回原因');
  });

  it('lets an administrator act at any level', async () => {
    const list = (await f.admin.get(`${path}?q=王桂芳`)).body.items[0];
    expect((await review(f.admin, list.id, { decision: 'approve' })).body.reviewLevel).toBe(1);
    expect((await review(f.admin, list.id, { decision: 'approve' })).body.status).toBe('approved');
  });

  it('refuses a review made at a revision the officer has changed since, saying who did what; nothing is recorded', async () => {
    const idNumber = residentId('500118', '19700707', 77);
    const imported = await f.admin.post('/api/households', [{ divisionCode: '500118104201', headName: '赵长春', headIdNumber: idNumber, kind: '脱贫户', members: [{ name: '赵长春', idNumber, relation: '户主' }] }]);
    const body = { ...validBody(imported.body.ids[0], { headName: '赵长春', members: [{ name: '赵长春', idNumber, relation: '户主' }] }), submit: true };
    const s = (await f.officer.post(path, body)).body;
    const seen = (await f.township.get(`/api/submissions/${s.id}`)).body;
    expect(seen.revision).toBe(1);
    expect((await review(f.township, s.id, { decision: 'return', comment: '请核实收入' })).status).toBe(200);
    const returned = (await f.officer.get(`/api/submissions/${s.id}`)).body;
    expect((await f.officer.put(`/api/submissions/${s.id}`, { data: { ...returned.data, A28: 9000 }, revision: returned.revision, submit: true })).status).toBe(200);

    const stale = await f.township.post(`/api/submissions/${s.id}/review`, { decision: 'approve', revision: seen.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_revision',
      message: '此表已被 cunyuan 修改后重新提交，现等待“乡镇审核”（当前版本 3，您看到的是版本 1），您的审核未记录，请刷新后再看',
      details: { revision: 3, status: 'submitted', reviewLevel: 0 },
    });
    const after = (await f.township.get(`/api/submissions/${s.id}`)).body;
    expect(after).toMatchObject({ revision: 3, reviewLevel: 0, status: 'submitted' });
    expect(after.history).toHaveLength(3);
    const missing = await f.township.post(`/api/submissions/${s.id}/review`, { decision: 'approve' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('revision');
  });

  it('refuses officers, reviewers out of scope, drafts and approved submissions', async () => {
    const s = await submitted(2);
    expect((await review(f.officer, s.id, { decision: 'approve' })).status).toBe(403);
    await f.server.addUser('other-town', 'reviewer', ['500118105']);
    const stranger = await f.server.login('other-town');
    expect((await review(stranger, s.id, { decision: 'approve' })).status).toBe(404);
    const approved = (await f.admin.get(`${path}?status=approved`)).body.items[0];
    const again = await review(f.township, approved.id, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('此表已审核通过');
    expect((await f.otherOfficer.put(`/api/submissions/${s.id}`, { data: s.data, revision: s.revision })).body.error.message)
      .toBe('此表已提交，正在审核，不能修改');
  });
});

describe('durability', () => {
  it('keeps every acknowledged submission across a restart', async () => {
    const before = (await f.admin.get(path)).body;
    const restarted = await f.server.restart();
    const admin = await restarted.login('admin');
    const after = (await admin.get(path)).body;
    expect(after.total).toBe(before.total);
    expect(after.items.map((s: { id: string; revision: number }) => [s.id, s.revision])).toEqual(before.items.map((s: { id: string; revision: number }) => [s.id, s.revision]));
    f.server = restarted;
  });
});
