// Campaigns administered through HTTP: next year's campaign cloned from this year's (forms,
// parameters, divisions), parameters checked against what the forms declare, open and closed,
// the divisions covered — and what officers then see.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();

/** A change as the campaign page makes it: from the revision just read. */
async function change(id: string, body: Record<string, unknown>) {
  const { revision } = (await f.admin.get(`/api/campaigns/${id}`)).body;
  return f.admin.patch(`/api/campaigns/${id}`, { ...body, revision });
}

describe('GET /api/campaigns/:id', () => {
  it('shows a campaign with the parameters its forms declare and the forms\' titles', async () => {
    const response = await f.admin.get('/api/campaigns/2021');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: '2021', year: 2021, status: 'open', parameters: { incomeLine: 6000 } });
    expect(response.body.parameterDeclarations.incomeLine).toMatchObject({ type: 'number', forms: expect.arrayContaining(['monitoring-object', 'income-ledger']) });
    expect(response.body.formTitles['member-additions']).toBe('已脱贫户、易返贫致贫户家庭成员自然增加情况表');
  });

  it('is for administrators, about campaigns that exist', async () => {
    expect((await f.officer.get('/api/campaigns/2021')).status).toBe(403);
    expect((await f.admin.get('/api/campaigns/1999')).status).toBe(404);
  });
});

describe('POST /api/campaigns', () => {
  it('clones the 2021 回头看 into 2022 with its forms and parameters (dates a year on, to be confirmed), and closes the old one when asked', async () => {
    const response = await f.admin.post('/api/campaigns', { id: '2022-lookback', title: '2022年监测对象“回头看”', year: 2022, cloneFrom: '2021-lookback', closeSource: true });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: '2022-lookback', title: '2022年监测对象“回头看”', year: 2022, status: 'closed', forms: ['lookback'], divisions: [],
      parameters: { incomeLine: 6000, referenceDate: '2022-04-20', incomePeriodStart: '2021-04-21', incomePeriodEnd: '2022-04-20' },
    });
    expect((await f.admin.get('/api/campaigns/2021-lookback')).body.status).toBe('closed');
    const all = ['description', 'parameters.incomeLine', 'parameters.incomePeriodStart', 'parameters.incomePeriodEnd', 'parameters.referenceDate'];
    expect(await change('2022-lookback', { status: 'open', confirm: all })).toMatchObject({ status: 200 });
    const officerSees = (await f.officer.get('/api/campaigns')).body.items.map((c: { id: string }) => c.id);
    expect(officerSees).toContain('2022-lookback');
    expect(officerSees).not.toContain('2021-lookback');
    // Reviewers still review and export last year's campaign once it is closed.
    const reviewerSees = (await f.township.get('/api/campaigns')).body.items.map((c: { id: string; status: string }) => [c.id, c.status]);
    expect(reviewerSees).toEqual(expect.arrayContaining([['2022-lookback', 'open'], ['2021-lookback', 'closed']]));
  });

  it('creates a campaign from scratch, open everywhere by default', async () => {
    const response = await f.admin.post('/api/campaigns', { id: 'test-2022', title: '2022年度（测试）', year: 2022, forms: [SAMPLE_FORM_ID], parameters: { incomeLine: 6500 } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'open', divisions: [], description: '' });
  });

  it('refuses bad input with the field named, and a taken id', async () => {
    const base = { id: 'x-2022', title: '测试', year: 2022, forms: [SAMPLE_FORM_ID], parameters: { incomeLine: 6500 } };
    const cases: [unknown, string][] = [
      [{ ...base, id: 'X 2022' }, '请求字段 id 不正确：活动编号为小写字母、数字和短横线（如 2022-lookback）'],
      [{ ...base, parameters: {} }, '请求字段 parameters.incomeLine 不正确：表单 household-check 需要参数 incomeLine（收入线（元/人·年）），活动未提供'],
      [{ ...base, parameters: { incomeLine: '六千' } }, '请求字段 parameters.incomeLine 不正确：参数 incomeLine（收入线（元/人·年））应为数字'],
      [{ ...base, forms: ['nope'] }, '请求字段 forms.0 不正确：表单 nope 不存在'],
      [{ ...base, forms: [SAMPLE_FORM_ID, SAMPLE_FORM_ID] }, `请求字段 forms.1 不正确：表单 ${SAMPLE_FORM_ID} 重复列出`],
      [{ ...base, divisions: ['500118104299'] }, '请求字段 divisions.0 不正确：行政区划 500118104299 不存在'],
      [{ ...base, divisions: ['5001'.repeat(4)] }, '请求字段 divisions.0 不正确：应为 2、4、6、9 或 12 位行政区划代码'],
      [{ ...base, cloneFrom: '1999' }, '请求字段 cloneFrom 不正确：活动 1999 不存在'],
      [{ ...base, year: 20222 }, '请求字段 year 不正确'],
      [{ ...base, title: ' ' }, '请求字段 title 不正确：活动名称不能为空'],
    ];
    for (const [body, message] of cases) {
      const response = await f.admin.post('/api/campaigns', body);
      expect(response.status, message).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
    expect((await f.admin.post('/api/campaigns', { ...base, id: '2021' })).status).toBe(409);
    expect((await f.admin.get('/api/campaigns/x-2022')).status).toBe(404);
  });

  it('is for administrators', async () => {
    expect((await f.township.post('/api/campaigns', { id: 'y-2022', title: '测试', year: 2022, cloneFrom: '2021' })).status).toBe(403);
  });
});

describe('PATCH /api/campaigns/:id', () => {
  it('changes the income line the rules read, and a new submission is computed with it', async () => {
    const response = await change('test-2022', { parameters: { incomeLine: 500 } });
    expect(response.status).toBe(200);
    expect(response.body.parameters).toEqual({ incomeLine: 500 });
    await change('test-2021', { status: 'closed' });
    const created = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[0]!.id, { A3: '脱贫不稳定户', A28: 3000 }), campaignId: 'test-2022' });
    expect(created.status).toBe(201);
    expect(created.body.campaignId).toBe('test-2022');
    expect(created.body.warnings).toEqual([expect.objectContaining({ path: '/A3', message: 'A3 监测对象类别：人均纯收入 1000 元不低于收入线 500 元，应为突发严重困难户' })]);
    const refused = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[1]!.id), id: randomUUID(), campaignId: 'test-2021' });
    expect(refused.status).toBe(409);
  });

  it('limits a campaign to divisions: officers elsewhere no longer see it', async () => {
    expect((await change('test-2022', { divisions: ['500118104202'] })).status).toBe(200);
    const forms = (await f.officer.get('/api/forms')).body.items.map((i: { id: string }) => i.id);
    expect(forms).not.toContain(SAMPLE_FORM_ID);
    expect((await f.otherOfficer.get('/api/forms')).body.items.map((i: { id: string }) => i.id)).toContain(SAMPLE_FORM_ID);
    await change('test-2022', { divisions: [] });
  });

  it('refuses a parameter of the wrong type and keeps the campaign as it was', async () => {
    const response = await change('test-2022', { parameters: { incomeLine: '' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('请求字段 parameters.incomeLine 不正确：参数 incomeLine（收入线（元/人·年））应为数字');
    expect(response.body.error.details).toEqual([{ field: 'parameters.incomeLine', message: '参数 incomeLine（收入线（元/人·年））应为数字' }]);
    expect((await f.admin.get('/api/campaigns/test-2022')).body.parameters).toEqual({ incomeLine: 500 });
    expect((await change('test-2022', { status: 'paused' })).status).toBe(400);
  });

  it('answers with the revision, one more at each change; a change from an older one is refused with 409 and not written', async () => {
    const read = (await f.admin.get('/api/campaigns/test-2022')).body;
    const first = await f.admin.patch('/api/campaigns/test-2022', { revision: read.revision, title: '2022年度（改名）' });
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(read.revision + 1);
    const stale = await f.admin.patch('/api/campaigns/test-2022', { revision: read.revision, parameters: { incomeLine: 9000 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: 'stale_revision', message: `该活动已被他人修改（当前版本 ${read.revision + 1}），请刷新后再改`, details: { revision: read.revision + 1 },
    });
    expect((await f.admin.get('/api/campaigns/test-2022')).body).toMatchObject({ title: '2022年度（改名）', parameters: { incomeLine: 500 }, revision: read.revision + 1 });
    expect((await f.admin.get('/api/campaigns')).body.items.find((c: { id: string }) => c.id === 'test-2022').revision).toBe(read.revision + 1);
  });

  it('needs the revision the change was made from', async () => {
    const response = await f.admin.patch('/api/campaigns/test-2022', { title: '没有版本' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('revision');
  });

  it('is for administrators, on campaigns that exist', async () => {
    expect((await f.officer.patch('/api/campaigns/test-2022', { title: '改名', revision: 1 })).status).toBe(403);
    expect((await f.admin.patch('/api/campaigns/1999', { title: '改名', revision: 1 })).status).toBe(404);
  });
});
