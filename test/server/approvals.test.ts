import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { review } from '../helpers/review';
import { residentId, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import type { TestClient } from '../helpers/testServer';
import { approveMany } from '../../server/review/approveMany';

const f = setUpFixture();
const submissions = `/api/forms/${SAMPLE_FORM_ID}/submissions`;
/** Households of 高滩村 beyond the fixture's, so each test has fresh ones. */
let spare: { id: string; headName: string; idNumber: string }[] = [];

beforeAll(async () => {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const idNumber = residentId('500118', `1970010${(i % 9) + 1}`, 100 + i);
    return { divisionCode: '500118104201', headName: `周${'一二三四五六七八九十甲乙'[i]}`, headIdNumber: idNumber, kind: '脱贫户', members: [{ name: `周${i}`, idNumber, relation: '户主' }] };
  });
  const imported = await f.admin.post('/api/households', rows);
  expect(imported.status, imported.text).toBe(200);
  spare = rows.map((r, i) => ({ id: imported.body.ids[i], headName: r.headName, idNumber: r.headIdNumber }));
});

async function submit(officer: TestClient, household: { id: string; headName: string; idNumber: string }, submitNow = true) {
  const response = await officer.post(submissions, {
    ...validBody(household.id, { headName: household.headName, members: [{ name: household.headName, idNumber: household.idNumber, relation: '户主' }], A3: '边缘易致贫户', A28: 3000 }),
    submit: submitNow,
  });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; revision: number };
}

describe('POST /api/approvals', () => {
  it('approves each item as a single review would, reporting every outcome; a refused item never stops the others', async () => {
    const a = await submit(f.officer, spare[0]!);
    const b = await submit(f.officer, spare[1]!);
    const stale = await submit(f.officer, spare[2]!);
    const draft = await submit(f.officer, spare[3]!, false);
    const liu = await submit(f.otherOfficer, { id: f.households[2]!.id, ...sampleHouseholds()[2]!, idNumber: sampleHouseholds()[2]!.headIdNumber });
    await review(f.township, liu.id, { decision: 'approve' });

    const response = await f.township.post('/api/approvals', {
      items: [
        { id: a.id, revision: a.revision },
        { id: stale.id, revision: stale.revision + 5 },
        { id: draft.id, revision: draft.revision },
        { id: liu.id, revision: liu.revision + 1 },
        { id: randomUUID(), revision: 1 },
        { id: b.id, revision: b.revision },
        { id: a.id, revision: a.revision },
      ],
      comment: '批量通过',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ approved: 2, refused: 5 });
    expect(response.body.results).toEqual([
      { id: a.id, outcome: 'approved', status: 'submitted', waitingOn: '县级确定', revision: 2 },
      { id: stale.id, outcome: 'refused', code: 'stale_revision', message: '此表与您看到的不同，现等待“乡镇审核”（当前版本 1，您看到的是版本 6），您的审核未记录，请刷新后再看' },
      { id: draft.id, outcome: 'refused', code: 'conflict', message: '此表尚未提交，不能审核' },
      { id: liu.id, outcome: 'refused', code: 'forbidden', message: '此表正等待“县级确定”，您的审核级别不符' },
      { id: expect.any(String), outcome: 'refused', code: 'not_found', message: '提交不存在' },
      { id: b.id, outcome: 'approved', status: 'submitted', waitingOn: '县级确定', revision: 2 },
      { id: a.id, outcome: 'refused', code: 'bad_request', message: '同一份表在本次批量审核中重复出现' },
    ]);
    const history = (await f.township.get(`/api/submissions/${a.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ action: 'approve', username: 'xiangzhen', comment: '批量通过', level: 0 });
    expect((await f.township.get(`/api/submissions/${stale.id}`)).body).toMatchObject({ status: 'submitted', reviewLevel: 0, revision: 1 });
  });

  it('applies each final approval\'s registry effects with it, at the county', async () => {
    const c = await submit(f.officer, spare[4]!);
    const d = await submit(f.officer, spare[5]!);
    const first = await f.township.post('/api/approvals', { items: [c, d].map(({ id, revision }) => ({ id, revision })) });
    expect(first.body.approved).toBe(2);
    const second = await f.county.post('/api/approvals', { items: first.body.results.map((r: { id: string; revision: number }) => ({ id: r.id, revision: r.revision })) });
    expect(second.body.results.map((r: { status: string }) => r.status)).toEqual(['approved', 'approved']);
    for (const household of [spare[4]!, spare[5]!]) {
      const registry = (await f.county.get(`/api/households/${household.id}`)).body;
      expect(registry).toMatchObject({ kind: '边缘易致贫户', identifiedMonth: '2021-11' });
      expect(registry.history.at(-1).changes).toContain('kind：脱贫户 → 边缘易致贫户');
    }
  });

  it('refuses a submission changed since the table showed it', async () => {
    const e = await submit(f.officer, spare[6]!);
    // The officer's submission is returned and resubmitted: same status, new revision.
    await review(f.township, e.id, { decision: 'return', comment: '请补充' });
    const detail = (await f.officer.get(`/api/submissions/${e.id}`)).body;
    await f.officer.put(`/api/submissions/${e.id}`, { data: detail.data, revision: detail.revision, submit: true });
    const response = await f.township.post('/api/approvals', { items: [{ id: e.id, revision: e.revision }] });
    expect(response.body.results[0]).toMatchObject({
      outcome: 'refused', code: 'stale_revision',
      message: `此表已被 cunyuan 修改后重新提交，现等待“乡镇审核”（当前版本 3，您看到的是版本 ${e.revision}），您的审核未记录，请刷新后再看`,
    });
    expect((await f.township.get(`/api/submissions/${e.id}`)).body.reviewLevel).toBe(0);
  });

  it('refuses, in the same write, a submission changed after it was checked', async () => {
    const h = await submit(f.officer, spare[8]!);
    const admin = (await f.server.store.findUserByUsername('admin'))!;
    const real = f.server.store;
    let raced = false;
    // Another reviewer approves the first level between the batch's check and its write.
    const racing = new Proxy(real, {
      get(target, property) {
        if (property === 'getSubmission') {
          return async (id: string) => {
            const seen = await target.getSubmission(id);
            if (id === h.id && !raced) {
              raced = true;
              expect((await review(f.township, h.id, { decision: 'approve' })).status).toBe(200);
            }
            return seen;
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const [outcome] = await approveMany({ ...f.server.deps, store: racing }, admin, [{ id: h.id, revision: h.revision }]);
    expect(outcome).toMatchObject({
      outcome: 'refused', code: 'stale_revision',
      message: '此表已被 xiangzhen 审核通过（乡镇审核），现等待“县级确定”（当前版本 2，您看到的是版本 1），您的审核未记录，请刷新后再看',
    });
    // The administrator (who may act at any level) did not approve the county level unseen.
    expect((await f.township.get(`/api/submissions/${h.id}`)).body).toMatchObject({ status: 'submitted', reviewLevel: 1, revision: 2 });
  });

  it('approves at any level for an administrator, and not at all for an officer or out of scope', async () => {
    const g = await submit(f.officer, spare[7]!);
    expect((await f.officer.post('/api/approvals', { items: [{ id: g.id, revision: g.revision }] })).status).toBe(403);
    await f.server.addUser('other-town', 'reviewer', ['500118106']);
    const stranger = await f.server.login('other-town');
    expect((await stranger.post('/api/approvals', { items: [{ id: g.id, revision: g.revision }] })).body.results[0])
      .toMatchObject({ outcome: 'refused', code: 'not_found', message: '提交不存在' });
    const admin = await f.admin.post('/api/approvals', { items: [{ id: g.id, revision: g.revision }] });
    expect(admin.body.results[0]).toMatchObject({ outcome: 'approved', waitingOn: '县级确定' });
  });

  it('answers a bad request with a Chinese message naming the field', async () => {
    const empty = await f.township.post('/api/approvals', { items: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('请求字段 items 不正确：请至少选择一份');
    const badId = await f.township.post('/api/approvals', { items: [{ id: 'x', revision: 1 }] });
    expect(badId.body.error.message).toBe('请求字段 items.0.id 不正确：应为提交编号（UUID）');
    const many = await f.township.post('/api/approvals', { items: Array.from({ length: 501 }, () => ({ id: randomUUID(), revision: 1 })) });
    expect(many.body.error.message).toBe('请求字段 items 不正确：一次最多审核 500 份');
  });
});
