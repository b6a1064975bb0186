// A campaign keeps the form versions it serves (issue 13, part 2), through HTTP on the store the
// run names (SQLite, or PostgreSQL with WNBD_TEST_STORE=postgres): a new version reaches only the
// open campaigns that adopt it — by default those with no submission of the form yet — each
// adoption recorded; a submission keeps its campaign, version and that campaign's parameters;
// next year's clone moves its dates a year on and cannot open before every item is confirmed.
import { beforeAll, describe, expect, it } from 'vitest';
import { publishDraft, saveDraft } from '../helpers/drafts';
import { sampleForm, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import { ok } from '../helpers/testClient';

const f = setUpFixture();
/** 2021's draft of the first household of 高滩村. */
let draft2021: { id: string; revision: number; data: Record<string, unknown>; formVersion: number };

beforeAll(async () => {
  // 2022: a second open campaign of the sample form, with its own income line, nothing filled yet.
  await ok(f.admin.post('/api/campaigns', { id: 'test-2022', title: '2022年度（测试）', year: 2022, forms: [SAMPLE_FORM_ID], parameters: { incomeLine: 7000 } }), 201);
  // 2021 has a draft of the sample form.
  draft2021 = await ok(f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[0]!.id), campaignId: 'test-2021' }), 201);
});

const campaign = async (id: string) => (await f.admin.get(`/api/campaigns/${id}`)).body;

/** The sample form with one more field, as the next version's draft. */
function nextVersion(field: string) {
  const next = structuredClone(sampleForm);
  next.schema.properties = { ...next.schema.properties as object, [field]: { type: 'number', minimum: 0, title: `${field} 其他收入（元）` } };
  return next;
}

describe('publishing a new version', () => {
  it('lists every open campaign of the form in the dry run, with its version and submissions; those with none adopt by default', async () => {
    await saveDraft(f.admin, SAMPLE_FORM_ID, nextVersion('A29'));
    const { revision } = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
    const dry = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/publish?dryRun=1`, { revision });
    expect(dry.status).toBe(200);
    expect(dry.body.choices).toEqual([
      { id: 'test-2022', title: '2022年度（测试）', year: 2022, servedVersion: 1, submissions: 0, open: 0, adoptByDefault: true },
      { id: 'test-2021', title: '2021年度（测试）', year: 2021, servedVersion: 1, submissions: 1, open: 1, adoptByDefault: false },
    ]);
    expect(dry.body.campaigns).toEqual([{ id: 'test-2022', title: '2022年度（测试）' }]);
  });

  it('serves the new version to the campaigns that adopt it only, and records who adopted it, when, from which version', async () => {
    const published = await publishDraft(f.admin, SAMPLE_FORM_ID);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, adopted: ['test-2022'] });
    expect((await campaign('test-2021')).formVersions).toEqual({ [SAMPLE_FORM_ID]: 1 });
    const adopted = await campaign('test-2022');
    expect(adopted.formVersions).toEqual({ [SAMPLE_FORM_ID]: 2 });
    expect(adopted.adoptions).toEqual([expect.objectContaining({ formId: SAMPLE_FORM_ID, fromVersion: 1, toVersion: 2, username: 'admin', at: f.server.clock.now().toISOString() })]);
    // 2021 was made before the form's first version, which it adopted when published; nothing since.
    expect((await campaign('test-2021')).adoptions.map((a: { toVersion: number }) => a.toVersion)).toEqual([1]);
    // What officers start: each campaign's own version.
    const forms = (await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}`)).body.campaigns;
    expect(forms.map((c: { id: string; formVersion: number }) => [c.id, c.formVersion])).toEqual([['test-2022', 2], ['test-2021', 1]]);
  });

  it('fills a new submission with the version its campaign serves', async () => {
    const in2021 = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[1]!.id), campaignId: 'test-2021' });
    const in2022 = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[1]!.id), campaignId: 'test-2022' });
    expect([in2021.status, in2022.status]).toEqual([201, 201]);
    expect([in2021.body.formVersion, in2022.body.formVersion]).toEqual([1, 2]);
  });

  it('lets the administrator name the campaigns that adopt, refusing one that does not use the form', async () => {
    await saveDraft(f.admin, SAMPLE_FORM_ID, nextVersion('A30'));
    const { revision } = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
    const bad = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/publish`, { revision, adopt: ['2099'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('请求字段 adopt.0 不正确：2099 不是使用此表的开放活动');
    const published = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/publish`, { revision, adopt: ['test-2021'] });
    expect(published.body).toMatchObject({ version: 3, adopted: ['test-2021'] });
    expect((await campaign('test-2021')).formVersions[SAMPLE_FORM_ID]).toBe(3);
    expect((await campaign('test-2022')).formVersions[SAMPLE_FORM_ID]).toBe(2);
  });
});

describe('POST /api/campaigns/:id/adopt', () => {
  it('exports a campaign with the columns of the versions it served, not another campaign\'s newer one', async () => {
    // 2021 serves version 3 (A30), having served 1; 2022 serves version 2 (A29), having served 1.
    const header = async (campaignId: string) => {
      const response = await f.server.app.request(`/api/forms/${SAMPLE_FORM_ID}/export?format=csv&campaign=${campaignId}`, { headers: { Cookie: f.admin.cookie } });
      expect(response.status).toBe(200);
      return (await response.text()).replace(/^\uFEFF/, '').split('\r\n')[0]!;
    };
    const [of2021, of2022] = [await header('test-2021'), await header('test-2022')];
    expect(of2021).toContain('A30 其他收入（元）');
    expect(of2021).not.toContain('A29');
    expect(of2022).toContain('A29 其他收入（元）');
    expect(of2022).not.toContain('A30');
  });

  it('adopts a published version later, from the revision read; two adoptions from the same revision at once: one is stored, the other told', async () => {
    const { revision } = await campaign('test-2022');
    const outcomes = await Promise.all([3, 1].map((version) => f.admin.post('/api/campaigns/test-2022/adopt', { formId: SAMPLE_FORM_ID, version, revision })));
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    const lost = outcomes.find((o) => o.status === 409)!;
    expect(lost.body.error).toMatchObject({ code: 'stale_revision', message: `该活动已被他人修改（当前版本 ${revision + 1}），请刷新后再改` });
    const won = outcomes.find((o) => o.status === 200)!.body;
    const after = await campaign('test-2022');
    expect(after.formVersions[SAMPLE_FORM_ID]).toBe(won.formVersions[SAMPLE_FORM_ID]);
    expect(after.adoptions.at(-1)).toMatchObject({ fromVersion: 2, toVersion: won.formVersions[SAMPLE_FORM_ID] });
    expect(after.adoptions).toHaveLength(2);
  });

  it('refuses a version that does not exist, one already served, and a form the campaign does not use, naming the field', async () => {
    const { revision, formVersions } = await campaign('test-2022');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ formId: SAMPLE_FORM_ID, version: 9 }, 400, `请求字段 version 不正确：表单 ${SAMPLE_FORM_ID} 没有第 9 版`],
      [{ formId: SAMPLE_FORM_ID, version: formVersions[SAMPLE_FORM_ID] }, 400, `请求字段 version 不正确：活动“2022年度（测试）”已在使用第 ${formVersions[SAMPLE_FORM_ID]} 版`],
      [{ formId: 'lookback', version: 1 }, 400, '请求字段 formId 不正确：活动“2022年度（测试）”不使用表单 lookback'],
    ];
    for (const [body, status, message] of cases) {
      const response = await f.admin.post('/api/campaigns/test-2022/adopt', { ...body, revision });
      expect(response.status, message).toBe(status);
      expect(response.body.error.message).toBe(message);
    }
    expect((await f.officer.post('/api/campaigns/test-2022/adopt', { formId: SAMPLE_FORM_ID, version: 1, revision })).status).toBe(403);
  });
});

describe('a submission keeps its campaign, its version and its campaign\'s parameters', () => {
  it('is computed with its own campaign\'s income line after that campaign is closed and another changed', async () => {
    // 2021's line is 6000: 12000 yuan for 3 members (4000 each) is below it, so no warning; 2022's line moves to 3000.
    const other = await campaign('test-2022');
    expect((await f.admin.patch('/api/campaigns/test-2022', { revision: other.revision, parameters: { incomeLine: 3000 } })).status).toBe(200);
    const own = await campaign('test-2021');
    expect((await f.admin.patch('/api/campaigns/test-2021', { revision: own.revision, status: 'closed' })).status).toBe(200);
    const saved = await f.officer.put(`/api/submissions/${draft2021.id}`, { data: { ...draft2021.data, A28: 12000 }, revision: draft2021.revision });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ campaignId: 'test-2021', formVersion: draft2021.formVersion, warnings: [] });
    const read = (await f.officer.get(`/api/submissions/${draft2021.id}`)).body;
    expect(read.campaign).toEqual({ id: 'test-2021', title: '2021年度（测试）', year: 2021, status: 'closed', parameters: { incomeLine: 6000 }, formVersion: 3 });
  });
});

describe('next year\'s campaign cloned from this year\'s', () => {
  const title = '2024年度巩固拓展脱贫攻坚成果信息动态管理和防止返贫监测帮扶集中排查';

  it('moves every date a year on, keeps the versions, marks every parameter and the description to confirm, and stays closed', async () => {
    const cloned = await f.admin.post('/api/campaigns', { id: '2024', title, year: 2024, cloneFrom: '2023' });
    expect(cloned.status).toBe(201);
    expect(cloned.body).toMatchObject({
      status: 'closed', forms: (await campaign('2023')).forms, formVersions: (await campaign('2023')).formVersions,
      parameters: { incomeLine: 7000, incomePeriodStart: '2023-10-01', incomePeriodEnd: '2024-09-30', referenceDate: '2024-09-30' },
      unconfirmed: ['description', 'parameters.incomeLine', 'parameters.incomePeriodEnd', 'parameters.incomePeriodStart', 'parameters.referenceDate'],
    });
  });

  it('refuses to open while anything is unconfirmed, naming each item in Chinese', async () => {
    const { revision } = await campaign('2024');
    const refused = await f.admin.patch('/api/campaigns/2024', { revision, status: 'open' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('unconfirmed_campaign');
    const message: string = refused.body.error.message;
    expect(message).toMatch(new RegExp(`^活动“${title}”还有 5 项待确认，不能开放：活动说明、监测收入线（元/人·年）（incomeLine）、`));
    for (const name of ['incomePeriodStart', 'incomePeriodEnd', 'referenceDate']) expect(message).toContain(`（${name}）`);
    expect(message).toMatch(/。请逐项核对并确认后再开放$/);
    expect((await campaign('2024')).revision).toBe(revision);
  });

  it('counts an item confirmed when named, or when the administrator changes its value, and opens once none is left', async () => {
    let { revision } = await campaign('2024');
    const some = await f.admin.patch('/api/campaigns/2024', { revision, confirm: ['parameters.incomePeriodStart', 'parameters.incomePeriodEnd'], parameters: { ...(await campaign('2024')).parameters, incomeLine: 7300 } });
    expect(some.status).toBe(200);
    expect(some.body.unconfirmed).toEqual(['description', 'parameters.referenceDate']);
    revision = some.body.revision;
    const stillRefused = await f.admin.patch('/api/campaigns/2024', { revision, status: 'open', confirm: ['parameters.referenceDate'] });
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body.error.message).toContain('还有 1 项待确认，不能开放：活动说明。');
    const unknown = await f.admin.patch('/api/campaigns/2024', { revision, confirm: ['parameters.nope'] });
    expect(unknown.body.error.message).toBe('请求字段 confirm.0 不正确：parameters.nope 不是待确认的项目');
    const opened = await f.admin.patch('/api/campaigns/2024', { revision, status: 'open', confirm: ['parameters.referenceDate'], description: '2024 年度：收入计算周期 2023-10-01 至 2024-09-30。' });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', unconfirmed: [], parameters: { incomeLine: 7300, referenceDate: '2024-09-30' } });
  });

  it('refuses a clone asked to open at once', async () => {
    const refused = await f.admin.post('/api/campaigns', { id: '2025', title: '2025年度', year: 2025, cloneFrom: '2024', status: 'open' });
    expect(refused.status).toBe(422);
    expect((await f.admin.get('/api/campaigns/2025')).status).toBe(404);
  });
});
