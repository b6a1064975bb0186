// 民主评议 and 公示 as steps of the approval chain, through HTTP (issue 17 part 4). The test
// campaign sets, for the sample form, a village appraisal and a 7-day notice before the township
// approves. The fixture's clock starts at 2021-11-20T09:00Z (17:00 in China): a notice posted
// 2021-11-21 for 7 days runs to 2021-11-27 and the township may approve from 2021-11-28 00:00
// China time (2021-11-27T16:00Z). Runs on SQLite, and on PostgreSQL with WNBD_TEST_STORE=postgres.
import { beforeAll, describe, expect, it } from 'vitest';
import { residentId, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import type { TestClient } from '../helpers/testServer';

// Sessions last the weeks the clock moves through here.
const f = setUpFixture({ config: { session: { idleMinutes: 60 * 24 * 60, maxHours: 24 * 60, secureCookie: false } } });
const VILLAGE = '500118104201';
const STEPS = [
  { id: 'appraisal', kind: 'appraisal', title: '民主评议', before: 'township' },
  { id: 'notice', kind: 'notice', title: '公示', before: 'township', days: 7 },
];
const target = { campaignId: 'test-2021', formId: SAMPLE_FORM_ID, divisionCode: VILLAGE };
let spare: { id: string; headName: string; idNumber: string }[] = [];
let start = 0;
let u: Record<'officer' | 'otherOfficer' | 'township' | 'county' | 'admin', TestClient>;

beforeAll(async () => {
  start = f.server.clock.time;
  u = { officer: f.officer, otherOfficer: f.otherOfficer, township: f.township, county: f.county, admin: f.admin };
  const rows = Array.from({ length: 16 }, (_, i) => {
    const idNumber = residentId('500118', `1975020${(i % 9) + 1}`, 300 + i);
    return { divisionCode: VILLAGE, headName: `赵${'一二三四五六七八九十甲乙丙丁戊己'[i]}`, headIdNumber: idNumber, kind: '脱贫户', members: [{ name: `赵${i}`, idNumber, relation: '户主' }, { name: `钱${i}`, idNumber: residentId('500118', '19800101', 500 + i), relation: '配偶' }] };
  });
  const imported = await f.admin.post('/api/households', rows);
  expect(imported.status, imported.text).toBe(200);
  spare = rows.map((r, i) => ({ id: imported.body.ids[i], headName: r.headName, idNumber: r.headIdNumber }));
  const campaign = (await f.admin.get('/api/campaigns/test-2021')).body;
  const saved = await f.admin.patch('/api/campaigns/test-2021', { revision: campaign.revision, approvalSteps: { [SAMPLE_FORM_ID]: STEPS } });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body.approvalSteps).toEqual({ [SAMPLE_FORM_ID]: STEPS });
});

let next = 0;
async function submitted(): Promise<{ id: string; revision: number; headName: string; idNumber: string }> {
  const household = spare[next++]!;
  const response = await u.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, {
    ...validBody(household.id, { headName: household.headName, members: [{ name: household.headName, idNumber: household.idNumber, relation: '户主' }], A3: '边缘易致贫户', A28: 3000 }),
    submit: true,
  });
  expect(response.status, response.text).toBe(201);
  return { id: response.body.id, revision: response.body.revision, headName: household.headName, idNumber: household.idNumber };
}

const revisionOf = async (id: string) => (await u.township.get(`/api/submissions/${id}`)).body.revision as number;
const approve = async (reviewer: TestClient, id: string, revision?: number) =>
  reviewer.post(`/api/submissions/${id}/review`, { decision: 'approve', revision: revision ?? await revisionOf(id) });
const meeting = async (ids: string[], result: 'agree' | 'disagree' = 'agree', by: TestClient = u.officer) =>
  by.post('/api/deliberation/meetings', {
    ...target, stepId: 'appraisal', heldOn: '2021-11-20', place: '高滩村村委会', host: '村支书 陈明', participantCount: 28,
    participants: '村两委成员、驻村工作队、村民代表 22 人', minutes: '逐户评议',
    results: await Promise.all(ids.map(async (id) => ({ submissionId: id, revision: await revisionOf(id), result, votesFor: 26, votesAgainst: 2 }))),
  });
const notice = async (ids: string[], startsOn = '2021-11-21') => u.officer.post('/api/deliberation/notices', {
  ...target, stepId: 'notice', startsOn, contact: '高滩村村委会，临江镇电话 023-49000000',
  submissions: await Promise.all(ids.map(async (id) => ({ submissionId: id, revision: await revisionOf(id) }))),
});
async function at(iso: string): Promise<void> {
  f.server.clock.time = Date.parse(iso);
}
const PERIOD_OVER = '2021-11-27T16:00:00Z';

describe('the campaign sets the steps', () => {
  it('refuses steps that do not fit the form, naming the field in Chinese', async () => {
    const campaign = (await f.admin.get('/api/campaigns/test-2021')).body;
    const bad = await f.admin.patch('/api/campaigns/test-2021', { revision: campaign.revision, approvalSteps: { [SAMPLE_FORM_ID]: [{ ...STEPS[1], days: 31 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(`请求字段 approvalSteps.${SAMPLE_FORM_ID}.0 不正确：第 1 步（公示）：公示天数应为 1 至 30 的整数`);
    expect((await f.admin.get('/api/campaigns/test-2021')).body.approvalSteps).toEqual({ [SAMPLE_FORM_ID]: STEPS });
  });
});

describe('the township waits for the village\'s 民主评议 and 公示', () => {
  it('refuses to approve, single and batch, with the reason, until the appraisal, the notice and its period are done', async () => {
    await at('2021-11-20T09:00:00Z');
    const s = await submitted();
    const first = await approve(u.township, s.id);
    expect(first.status).toBe(409);
    expect(first.body.error.message).toBe('等待“民主评议”：本户的评议结果尚未记录');
    expect((await u.township.get(`/api/deliberation/submissions/${s.id}`)).body.gate)
      .toEqual({ open: false, stepId: 'appraisal', reason: '等待“民主评议”：本户的评议结果尚未记录', mustReturn: false });

    const early = await notice([s.id]);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(`${s.headName}：等待“民主评议”：本户的评议结果尚未记录，不能公示`);

    const seen = await revisionOf(s.id);
    const recorded = await meeting([s.id]);
    expect(recorded.status, recorded.text).toBe(201);
    expect(await revisionOf(s.id)).toBe(seen + 1);
    const history = (await u.township.get(`/api/submissions/${s.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ action: 'deliberate', username: 'cunyuan', comment: '民主评议（2021-11-20）：同意' });
    const stale = await approve(u.township, s.id, seen);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_revision');

    const posted = await notice([s.id]);
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body.body).toMatchObject({
      title: '高滩村农户核查表（测试）公示', divisionName: '高滩村', startsOn: '2021-11-21', days: 7, endsOn: '2021-11-27',
      households: [{ submissionId: s.id, headName: s.headName, size: 2, category: '边缘易致贫户' }],
    });
    expect(JSON.stringify(posted.body)).not.toContain(s.idNumber);
    const printed = await u.county.get(`/api/deliberation/records/${posted.body.id}`);
    expect(printed.body.body.households.map((h: { headName: string }) => h.headName)).toEqual([s.headName]);

    await at('2021-11-27T15:59:00Z');
    const during = await approve(u.township, s.id);
    expect(during.status).toBe(409);
    expect(during.body.error.message).toBe('公示期至 2021-11-27 结束，期满后方可审核');
    const batch = await u.township.post('/api/approvals', { items: [{ id: s.id, revision: await revisionOf(s.id) }] });
    expect(batch.body.results).toEqual([{ id: s.id, outcome: 'refused', code: 'conflict', message: '公示期至 2021-11-27 结束，期满后方可审核' }]);

    await at(PERIOD_OVER);
    const passed = await u.township.post('/api/approvals', { items: [{ id: s.id, revision: await revisionOf(s.id) }] });
    expect(passed.body.results[0]).toMatchObject({ outcome: 'approved', waitingOn: '县级确定' });
    const final = await approve(u.county, s.id);
    expect(final.status, final.text).toBe(200);
    expect(final.body.status).toBe('approved');
  });

  it('stops a household the meeting disagreed with: the reviewer returns it, and after correction the steps start over', async () => {
    await at('2021-11-20T09:00:00Z');
    const s = await submitted();
    expect((await meeting([s.id], 'disagree')).status).toBe(201);
    const refused = await approve(u.township, s.id);
    expect(refused.body.error).toMatchObject({ code: 'conflict', message: '“民主评议”结果为不同意（2021-11-20），不能通过，请退回', details: { gate: { mustReturn: true } } });
    const returned = await u.township.post(`/api/submissions/${s.id}/review`, { decision: 'return', comment: '评议不同意', revision: await revisionOf(s.id) });
    expect(returned.status, returned.text).toBe(200);
    await at('2021-11-22T09:00:00Z');
    const body = validBody(spare[next - 1]!.id, { headName: s.headName, members: [{ name: s.headName, idNumber: s.idNumber, relation: '户主' }], A3: '边缘易致贫户', A28: 3000 });
    const again = await u.officer.put(`/api/submissions/${s.id}`, { data: body.data, explanations: body.explanations, revision: await revisionOf(s.id), submit: true });
    expect(again.status, again.text).toBe(200);
    expect((await u.township.get(`/api/deliberation/submissions/${s.id}`)).body.gate).toMatchObject({ open: false, stepId: 'appraisal' });
  });

  it('keeps the gate shut while an objection waits, and for good when it is upheld; a rejected one lets the period end', async () => {
    await at('2021-11-20T09:00:00Z');
    const upheld = await submitted();
    const rejected = await submitted();
    expect((await meeting([upheld.id, rejected.id])).status).toBe(201);
    const posted = await notice([upheld.id, rejected.id]);
    expect(posted.status, posted.text).toBe(201);
    await at('2021-11-23T02:00:00Z');
    const outside = await u.officer.post(`/api/deliberation/notices/${posted.body.id}/objections`, {
      submissionId: upheld.id, revision: await revisionOf(upheld.id), receivedOn: '2021-11-20', content: '早于公示',
    });
    expect(outside.body.error.message).toBe('请求字段 receivedOn 不正确：公示期为 2021-11-21 至 2021-11-27，异议须在公示期内收到');
    const objections: Record<string, { id: string; revision: number }> = {};
    for (const s of [upheld, rejected]) {
      const made = await u.officer.post(`/api/deliberation/notices/${posted.body.id}/objections`, {
        submissionId: s.id, revision: await revisionOf(s.id), receivedOn: '2021-11-23', content: '反映该户有商品房一套', by: '村民',
      });
      expect(made.status, made.text).toBe(201);
      objections[s.id] = made.body;
    }
    await at(PERIOD_OVER);
    expect((await approve(u.township, upheld.id)).body.error.message).toBe('“公示”期间有 1 条异议尚待核实处理');
    for (const [s, outcome] of [[upheld, 'upheld'], [rejected, 'rejected']] as const) {
      const resolved = await u.township.post(`/api/deliberation/objections/${objections[s.id]!.id}/resolve`, {
        revision: objections[s.id]!.revision, submissionRevision: await revisionOf(s.id), outcome, handling: outcome === 'upheld' ? '经核实属实' : '经核实为亲属所有',
      });
      expect(resolved.status, resolved.text).toBe(200);
    }
    expect((await approve(u.township, upheld.id)).body.error.message).toBe('“公示”期间的异议经核实成立，不能通过，请退回');
    expect((await approve(u.township, rejected.id)).status).toBe(200);
  });
});

describe('who records', () => {
  it('refuses an officer of another village and a division of the wrong level', async () => {
    await at('2021-11-20T09:00:00Z');
    const s = await submitted();
    const other = await meeting([s.id], 'agree', u.otherOfficer);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('行政区划 500118104201 不在您的范围内，不能记录其民主评议或公示');
    const township = await u.township.post('/api/deliberation/meetings', {
      ...target, divisionCode: '500118104', stepId: 'appraisal', heldOn: '2021-11-20', place: '镇', host: '镇长', participantCount: 5, participants: '', minutes: '',
      results: [{ submissionId: s.id, revision: await revisionOf(s.id), result: 'agree' }],
    });
    expect(township.body.error.message).toBe('请求字段 divisionCode 不正确：“民主评议”由村组织，应为 12 位代码');
    expect((await meeting([s.id], 'agree', u.township)).status).toBe(201);
  });
});

describe('races at the gate', () => {
  it('lets neither of two reviewers approve at once at a shut gate', async () => {
    await at('2021-11-20T09:00:00Z');
    const s = await submitted();
    expect((await meeting([s.id])).status).toBe(201);
    expect((await notice([s.id])).status).toBe(201);
    const revision = await revisionOf(s.id);
    const both = await Promise.all([approve(u.township, s.id, revision), approve(u.admin, s.id, revision)]);
    expect(both.map((r) => r.status)).toEqual([409, 409]);
    expect((await u.township.get(`/api/submissions/${s.id}`)).body).toMatchObject({ status: 'submitted', reviewLevel: 0, revision });
  });

  it('never lets an approval pass a gate a meeting is closing at the same moment', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) {
      await at('2021-11-20T09:00:00Z');
      const s = await submitted();
      expect((await meeting([s.id])).status).toBe(201);
      expect((await notice([s.id])).status).toBe(201);
      await at(PERIOD_OVER);
      const revision = await revisionOf(s.id);
      const [approval, closing] = await Promise.all([
        approve(u.township, s.id, revision),
        u.officer.post('/api/deliberation/meetings', {
          ...target, stepId: 'appraisal', heldOn: '2021-11-27', place: '村委会', host: '村支书', participantCount: 20, participants: '', minutes: '复议',
          results: [{ submissionId: s.id, revision, result: 'disagree' }],
        }),
      ]);
      // Exactly one of them is written, whichever came first.
      expect(approval.status === 200 ? closing.status : approval.status).toBe(409);
      expect(approval.status === 200 || closing.status === 201).toBe(true);
      const after = (await u.township.get(`/api/submissions/${s.id}`)).body;
      if (approval.status === 200) {
        expect(after.reviewLevel).toBe(1);
        outcomes.push('approved');
      } else {
        expect(after.reviewLevel).toBe(0);
        expect((await approve(u.township, s.id)).body.error.message).toBe('“民主评议”结果为不同意（2021-11-27），不能通过，请退回');
        outcomes.push('closed');
      }
    }
    expect(outcomes).toHaveLength(4);
  });
});

it('leaves the clock as the fixture set it', () => {
  f.server.clock.time = start;
  expect(f.server.clock.now().toISOString()).toBe('2021-11-20T09:00:00.000Z');
});
