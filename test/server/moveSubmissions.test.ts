// Drafts and returned submissions move to a new version (issue 13, part 3), through HTTP on the
// store the run names: 冉光明's 回头看 answers (the form's first shipped case) in the 2021 回头看
// campaign, which adopts a 2024 version (test/helpers/lookback2024.ts). Moved with the adoption,
// a draft and a returned submission carry their answers by code, keep the removed D6's answer in
// their history and tell the officer what changed; a phone's draft follows the adoption's choice
// when it is sent; a phone's edit made before the move is moved too; an adoption and an
// officer's save at once lose nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishDraft, saveDraft } from '../helpers/drafts';
import { loadCases } from '../helpers/forms';
import { lookback2024 } from '../helpers/lookback2024';
import { residentId } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';

const f = setUpFixture();
const ran = loadCases('lookback').find((c) => c.name.startsWith('完整有效：风险未消除的边缘易致贫户（冉光明'))!;
const CAMPAIGN = '2021-lookback';

beforeAll(async () => {
  // The 2021 cases name D6 and the 2021 brackets: the 2024 version is published without them.
  await f.admin.put('/api/forms/lookback/cases', { cases: [] });
});

const create = (household: number, extra: Record<string, unknown> = {}) =>
  f.officer.post('/api/forms/lookback/submissions', { id: randomUUID(), householdId: f.households[household]!.id, campaignId: CAMPAIGN, data: ran.data, submit: false, ...extra });
const read = async (id: string) => (await f.officer.get(`/api/submissions/${id}`)).body;

async function publish2024(body: Record<string, unknown>) {
  expect((await saveDraft(f.admin, 'lookback', lookback2024())).status).toBe(200);
  const { revision } = (await f.admin.get('/api/forms/lookback/draft')).body;
  return f.admin.post('/api/forms/lookback/publish', { revision, ...body });
}

describe('an adoption that moves open drafts and returned submissions', () => {
  let draftId: string;
  let returnedId: string;
  let submittedId: string;
  /** A phone's draft saved once before the move, edited since on the phone. */
  let phone: { id: string; revision: number };

  beforeAll(async () => {
    draftId = (await create(0)).body.id;
    const returned = await create(1, { submit: true, explanations: {} });
    expect(returned.status, returned.text).toBe(201);
    returnedId = returned.body.id;
    expect((await f.township.post(`/api/submissions/${returnedId}/review`, { decision: 'return', comment: '请核实 C2', revision: 1 })).status).toBe(200);
    const submitted = await f.otherOfficer.post('/api/forms/lookback/submissions', { id: randomUUID(), householdId: f.households[2]!.id, campaignId: CAMPAIGN, data: ran.data, submit: true });
    submittedId = submitted.body.id;
    phone = { id: draftId, revision: (await read(draftId)).revision };
    const published = await publish2024({ adopt: [CAMPAIGN], moveOpen: true });
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ version: 2, adopted: [CAMPAIGN], moved: 2 });
  });

  it('moves the draft and the returned submission to the new version, answers carried by code', async () => {
    for (const id of [draftId, returnedId]) {
      const moved = await read(id);
      expect(moved.formVersion).toBe(2);
      expect(moved.data).toMatchObject({ A2: '冉光明', D5: '因病', D8: ['健康帮扶'], B1: '否', monitors: [{ D1: '任晓东', D2: '13896512345' }, { D1: '谢红梅', D2: '15123874402' }] });
      expect(moved.data).not.toHaveProperty('D6');
      expect(moved.data).not.toHaveProperty('C2');
    }
    expect((await read(returnedId)).status).toBe('returned');
    // A submitted one waits on its review with the version it was submitted on.
    expect((await f.township.get(`/api/submissions/${submittedId}`)).body.formVersion).toBe(1);
  });

  it('keeps the removed D6\'s answer in the history and tells the officer what changed', async () => {
    const moved = await read(draftId);
    const event = moved.history.at(-1);
    expect(event).toMatchObject({ action: 'move', username: 'admin', comment: '由第 1 版迁移到第 2 版' });
    expect(event.changes).toContainEqual({ field: '/D6', from: ['缺劳动力'], note: '新版本删除了“D6 其他风险”，原答案保存在此' });
    expect(moved.moveNotice).toMatchObject({ fromVersion: 1, toVersion: 2, username: 'admin' });
    expect(moved.moveNotice.items).toEqual(expect.arrayContaining([
      { field: '/C2', from: '6000-9000元', note: '“C2 估计该户2024年人均收入处于”：新版本的选项中没有“6000-9000元”，请重新填写' },
      { field: '/C5', note: '新增必填项“C5 该户2024年是否享受低保”，请填写' },
      { field: '/D8', from: '健康帮扶', to: ['健康帮扶'], note: '“D8 已规划的帮扶措施：主要措施”的类型或选项已改变，答案已转换' },
    ]));
  });

  it('moves a phone\'s edit made on the old version before the move, and keeps it a draft', async () => {
    const edited = { ...ran.data, D7: `${ran.data.D7 as string}（本机补充：2021年11月已申请临时救助）` };
    const saved = await f.officer.put(`/api/submissions/${phone.id}`, { data: edited, revision: phone.revision, formVersion: 1, submit: true, explanations: {} });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ formVersion: 2, status: 'draft' });
    expect(saved.body.data.D7).toContain('本机补充');
    expect(saved.body.data).not.toHaveProperty('D6');
    expect(saved.body.moveNotice.items).toContainEqual(expect.objectContaining({ field: '/D6', from: ['缺劳动力'] }));
    // An edit from before a change that was no move is stale as always.
    const stale = await f.officer.put(`/api/submissions/${phone.id}`, { data: edited, revision: phone.revision, formVersion: 1 });
    expect(stale.status).toBe(409);
  });

  it('moves a draft a phone kept and sends only now, filled on the old version', async () => {
    const late = await f.otherOfficer.post('/api/forms/lookback/submissions', { id: randomUUID(), householdId: f.households[2]!.id, campaignId: CAMPAIGN, data: ran.data, submit: true, formVersion: 1 });
    // 普安村's household already has a submission in this campaign (one per household).
    expect(late.status).toBe(409);
    const household = (await f.admin.post('/api/households', [{ divisionCode: '500118104201', headName: '冉光明', headIdNumber: ran.data.A3, kind: '边缘易致贫户', members: [] }])).body.ids[0];
    const sent = await f.officer.post('/api/forms/lookback/submissions', { id: randomUUID(), householdId: household, campaignId: CAMPAIGN, data: ran.data, submit: true, formVersion: 1 });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body).toMatchObject({ formVersion: 2, status: 'draft' });
    expect(sent.body.moveNotice.items).toContainEqual(expect.objectContaining({ field: '/D6', from: ['缺劳动力'] }));
    lateId = sent.body.id;
  });
});

let lateId: string;

/** The 2024 version again with one more optional field, as the next version. */
function withField(code: string) {
  const next = lookback2024();
  (next.schema.properties as Record<string, unknown>)[code] = { type: 'string', title: `${code} 备注` };
  return next;
}

describe('an adoption that keeps open drafts where they are', () => {
  beforeAll(async () => {
    expect((await saveDraft(f.admin, 'lookback', withField('E1'))).status).toBe(200);
    const published = await publishDraft(f.admin, 'lookback');
    // The campaign has submissions: by default it does not adopt; it adopts by its own request, moving nothing.
    expect(published.body.adopted).toEqual([]);
    const { revision } = (await f.admin.get(`/api/campaigns/${CAMPAIGN}`)).body;
    const adopted = await f.admin.post(`/api/campaigns/${CAMPAIGN}/adopt`, { formId: 'lookback', version: 3, revision, moveOpen: false });
    expect(adopted.status, adopted.text).toBe(200);
    expect(adopted.body.formVersions.lookback).toBe(3);
  });

  it('leaves the drafts on their version, and a phone\'s draft of that version stays on it when sent', async () => {
    expect((await read(lateId)).formVersion).toBe(2);
    const household = (await f.admin.post('/api/households', [{ divisionCode: '500118104201', headName: '任德福', headIdNumber: residentId('500118', '19550210', 61), kind: '脱贫不稳定户', members: [] }])).body.ids[0];
    const sent = await f.officer.post('/api/forms/lookback/submissions', { id: randomUUID(), householdId: household, campaignId: CAMPAIGN, data: (await read(lateId)).data, formVersion: 2 });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body.formVersion).toBe(2);
  });

  it('moves one on the officer\'s request (POST /move), from the revision they saw', async () => {
    const before = await read(lateId);
    expect(before.campaign.formVersion).toBe(3);
    expect((await f.officer.post(`/api/submissions/${lateId}/move`, { revision: before.revision + 1 })).status).toBe(409);
    const moved = await f.officer.post(`/api/submissions/${lateId}/move`, { revision: before.revision });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ formVersion: 3, moveNotice: { fromVersion: 2, toVersion: 3, username: 'cunyuan' } });
    expect(moved.body.data.D7).toBe(before.data.D7);
    const again = await f.officer.post(`/api/submissions/${lateId}/move`, { revision: moved.body.revision });
    expect(again.body.error.message).toBe('此表已是活动现用的第 3 版，无需迁移');
    expect((await f.township.post(`/api/submissions/${lateId}/move`, { revision: moved.body.revision })).status).toBe(403);
  });

  it('loses nothing when an adoption that moves open drafts and an officer\'s save from before it happen at once', async () => {
    const before = await read(lateId);
    expect((await saveDraft(f.admin, 'lookback', withField('E2'))).status).toBe(200);
    const { revision } = (await f.admin.get('/api/forms/lookback/draft')).body;
    const edited = { ...before.data, D7: `${before.data.D7 as string}（同时修改）` };
    const [published, saved] = await Promise.all([
      f.admin.post('/api/forms/lookback/publish', { revision, adopt: [CAMPAIGN], moveOpen: true }),
      f.officer.put(`/api/submissions/${lateId}`, { data: edited, revision: before.revision, formVersion: 3 }),
    ]);
    expect(published.status, published.text).toBe(201);
    expect(saved.status, saved.text).toBe(200);
    const after = await read(lateId);
    expect(after.formVersion).toBe(4);
    expect(after.data.D7).toContain('（同时修改）');
  });
});
