import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@engine';
import { publishDraft } from '../helpers/drafts';
import { openCsvAsSpreadsheet, shownRows } from '../helpers/openCsvAsSpreadsheet';
import { review } from '../helpers/review';
import { residentId, sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import type { TestClient } from '../helpers/testServer';

const f = setUpFixture();
const FORM = 'household-progress';
const KINDS = ['脱贫户', '边缘易致贫户'];
const progress = `/api/forms/${FORM}/progress`;
const household: Record<string, { id: string; headName: string; idNumber: string }> = {};

/** The sample form, filled by 脱贫户 and 边缘易致贫户 each campaign. */
const progressForm: FormDefinition = { ...sampleForm, id: FORM, title: '农户核查进度表（测试）', appliesTo: { kinds: ['脱贫户', '边缘易致贫户'] } };

const extra = [
  { divisionCode: '500118104201', headName: '孙甲', kind: '脱贫户' },
  { divisionCode: '500118104201', headName: '孙乙', kind: '脱贫户' },
  { divisionCode: '500118104201', headName: '孙丙', kind: '边缘易致贫户' },
  { divisionCode: '500118104202', headName: '孙丁', kind: '脱贫户', phone: '02349112233' },
  { divisionCode: '500118106201', headName: '钱戊', kind: '脱贫户' },
].map((h, i) => ({ ...h, headIdNumber: residentId('500118', '19750101', 200 + i), members: [{ name: h.headName, idNumber: residentId('500118', '19750101', 200 + i), relation: '户主' }] }));

async function fill(client: TestClient, name: string, submit: boolean, formId = FORM, data: Record<string, unknown> = {}) {
  const h = household[name]!;
  const response = await client.post(`/api/forms/${formId}/submissions`, {
    ...validBody(h.id, { headName: h.headName, members: [{ name: h.headName, idNumber: h.idNumber, relation: '户主' }], ...data }),
    campaignId: formId === FORM ? 'progress-2021' : undefined, submit,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

beforeAll(async () => {
  await f.server.store.upsertDivisions([{ code: '500118106', name: '何埂镇', parentCode: '500118' }, { code: '500118106201', name: '青龙村', parentCode: '500118106' }]);
  expect((await f.admin.post('/api/forms', { definition: progressForm })).status).toBe(201);
  expect((await publishDraft(f.admin, FORM)).status).toBe(201);
  await f.server.store.createCampaign({
    id: 'progress-2021', title: '2021年度进度（测试）', year: 2021, description: '', parameters: { incomeLine: 6000 },
    forms: [FORM], status: 'open', divisions: [], createdAt: f.server.clock.now().toISOString(),
  });
  const imported = await f.admin.post('/api/households', extra);
  expect(imported.status, imported.text).toBe(200);
  sampleHouseholds().forEach((h, i) => { household[h.headName] = { id: f.households[i]!.id, headName: h.headName, idNumber: h.headIdNumber }; });
  extra.forEach((h, i) => { household[h.headName] = { id: imported.body.ids[i], headName: h.headName, idNumber: h.headIdNumber }; });

  await fill(f.officer, '张德明', true);
  await fill(f.officer, '孙甲', false);
  // Its final approval keeps the household's kind (A3 sets it): still expected.
  const approved = await fill(f.officer, '孙丙', true, FORM, { A3: '边缘易致贫户' });
  await review(f.township, approved, { decision: 'approve' });
  await review(f.county, approved, { decision: 'approve' });
  const returned = await fill(f.otherOfficer, '刘大勇', true);
  await review(f.township, returned, { decision: 'return', comment: '请核实收入' });
  await fill(f.officer, '王桂芳', true);
  await fill(f.admin, '钱戊', true);
  await fill(f.officer, '孙乙', true, SAMPLE_FORM_ID);
});

const counts = (expected: number, missing: number, draft: number, submitted: number, returned: number, approved: number) =>
  ({ expected, missing, draft, submitted, returned, approved });

describe('GET /api/forms/:formId/progress', () => {
  it('counts per village and township: households expected against drafts, submitted, returned, approved, and missing', async () => {
    const response = await f.township.get(`${progress}?campaign=progress-2021`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      form: { id: FORM, title: '农户核查进度表（测试）' }, campaign: { id: 'progress-2021', title: '2021年度进度（测试）', year: 2021 }, kinds: KINDS,
    });
    expect(response.body.townships).toEqual([{
      code: '500118104', name: '临江镇', ...counts(6, 2, 1, 2, 1, 1),
      villages: [
        { code: '500118104201', name: '高滩村', ...counts(4, 1, 1, 2, 0, 1) },
        { code: '500118104202', name: '普安村', ...counts(2, 1, 0, 0, 1, 0) },
      ],
    }]);
    expect(response.body.total).toEqual(counts(6, 2, 1, 2, 1, 1));
    expect(response.body.byKind).toEqual([
      { kind: '脱贫户', ...counts(4, 2, 1, 1, 0, 0) },
      { kind: '边缘易致贫户', ...counts(2, 0, 0, 0, 1, 1) },
      { kind: '一般农户', ...counts(0, 0, 0, 1, 0, 0) },
    ]);
  });

  it('agrees with the registry and the submissions as the store lists them one by one', async () => {
    const { store } = f.server;
    const scope = ['500118104'];
    const body = (await f.township.get(`${progress}?campaign=progress-2021`)).body;
    const expected = await store.listHouseholds({ scope, kinds: KINDS }, { page: 1, pageSize: 200 });
    let missing = 0;
    for (const h of expected.items) if (!(await store.findSubmissionFor(FORM, 'progress-2021', h.id))) missing++;
    expect(body.total.expected).toBe(expected.total);
    expect(body.total.missing).toBe(missing);
    for (const status of ['draft', 'submitted', 'returned', 'approved'] as const) {
      const listed = await store.listSubmissions({ scope, formId: FORM, campaignId: 'progress-2021', status }, { page: 1, pageSize: 1 });
      expect(body.total[status], status).toBe(listed.total);
    }
  });

  it('shows a county every township, and an officer only their village', async () => {
    const county = (await f.county.get(progress)).body;
    expect(county.campaign.id).toBe('progress-2021');
    expect(county.townships.map((t: { name: string; expected: number; submitted: number }) => [t.name, t.expected, t.submitted])).toEqual([['临江镇', 6, 2], ['何埂镇', 1, 1]]);
    expect(county.total).toEqual(counts(7, 2, 1, 3, 1, 1));
    const officer = (await f.officer.get(progress)).body;
    expect(officer.townships).toEqual([{ code: '500118104', name: '临江镇', ...counts(4, 1, 1, 2, 0, 1), villages: [{ code: '500118104201', name: '高滩村', ...counts(4, 1, 1, 2, 0, 1) }] }]);
    const village = (await f.county.get(`${progress}?division=500118104202`)).body;
    expect(village.townships[0].villages.map((v: { name: string }) => v.name)).toEqual(['普安村']);
  });

  it('counts only what was filled for a form that no household kind is expected to fill', async () => {
    const body = (await f.township.get(`/api/forms/${SAMPLE_FORM_ID}/progress`)).body;
    expect(body.kinds).toBeNull();
    expect(body.total).toEqual(counts(0, 0, 0, 1, 0, 0));
    expect(body.byKind).toEqual([{ kind: '脱贫户', ...counts(0, 0, 0, 1, 0, 0) }]);
  });

  it('answers a bad campaign or division with a Chinese message naming the field, and an unknown form with 404', async () => {
    expect((await f.township.get(`${progress}?campaign=nope`)).body.error.message).toBe('请求字段 campaign 不正确：活动 nope 不存在');
    expect((await f.township.get(`${progress}?campaign=test-2021`)).body.error.message).toBe('请求字段 campaign 不正确：活动“2021年度（测试）”不使用此表');
    const division = await f.township.get(`${progress}?division=5001181`);
    expect(division.status).toBe(400);
    expect(division.body.error.message).toMatch(/^请求字段 division 不正确/);
    expect((await f.township.get('/api/forms/nope/progress')).status).toBe(404);
  });
});

describe('GET /api/forms/:formId/progress/missing', () => {
  it('lists the expected households with no submission, household by household, by village', async () => {
    const body = (await f.township.get(`${progress}/missing?campaign=progress-2021`)).body;
    expect(body.total).toBe(2);
    expect(body.items.map((h: { villageName: string; headName: string; kind: string }) => [h.villageName, h.headName, h.kind])).toEqual([
      ['高滩村', '孙乙', '脱贫户'], ['普安村', '孙丁', '脱贫户'],
    ]);
    expect(body.items[0]).toMatchObject({ id: household.孙乙!.id, headIdNumber: household.孙乙!.idNumber, memberCount: 1 });
    const second = (await f.township.get(`${progress}/missing?pageSize=1&page=2`)).body;
    expect(second.items.map((h: { headName: string }) => h.headName)).toEqual(['孙丁']);
    expect((await f.township.get(`/api/forms/${SAMPLE_FORM_ID}/progress/missing`)).body).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /api/forms/:formId/progress/export', () => {
  const csvDownload = (query: string) => f.server.app.request(`${progress}/export?format=csv${query}`, { headers: { Cookie: f.township.cookie } });

  it('exports the progress table as CSV, with township subtotals and the total', async () => {
    const response = await f.township.get(`${progress}/export?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('农户核查进度表（测试）-填报进度-进度汇总-2021-11-20.csv'));
    const cells = openCsvAsSpreadsheet(new Uint8Array(await (await csvDownload('')).arrayBuffer()));
    const rows = shownRows(cells);
    expect(rows).toEqual([
      ['乡镇', '村', '行政区划代码', '应填户数', '未填户数', '草稿', '已提交待审核', '已退回', '已通过', '已填合计', '填报率'],
      ['临江镇', '高滩村', '500118104201', '4', '1', '1', '2', '0', '1', '4', '75.0%'],
      ['临江镇', '普安村', '500118104202', '2', '1', '0', '0', '1', '0', '1', '50.0%'],
      ['临江镇', '（乡镇合计）', '500118104', '6', '2', '1', '2', '1', '1', '5', '66.7%'],
      ['总计', '', '', '6', '2', '1', '2', '1', '1', '5', '66.7%'],
    ]);
    expect(cells.slice(1).map((r) => r.at(-1))).toEqual([0.75, 0.5, 0.667, 0.667].map((value) => ({ type: 'number', value, shown: expect.any(String), percent: true })));
  });

  it('exports the missing households as CSV whose ID numbers, codes and phones a spreadsheet opens as typed', async () => {
    const cells = openCsvAsSpreadsheet(new Uint8Array(await (await csvDownload('&table=missing')).arrayBuffer()));
    expect(cells[0]!.map((c) => c.shown)).toEqual(['乡镇', '村', '行政区划代码', '户主姓名', '户主证件号码', '户类型', '联系电话', '家庭住址']);
    expect(cells.slice(1).map((r) => [r[1]!.shown, r[3]!.shown])).toEqual([['高滩村', '孙乙'], ['普安村', '孙丁']]);
    const ding = cells[2]!;
    expect([ding[2], ding[4], ding[6]]).toEqual([
      { type: 'text', value: '500118104202', shown: '500118104202' },
      { type: 'text', value: household.孙丁!.idNumber, shown: household.孙丁!.idNumber },
      { type: 'text', value: '02349112233', shown: '02349112233' },
    ]);
  });

  it('exports all three tables as one XLSX workbook', async () => {
    const raw = await f.server.app.request(`${progress}/export?format=xlsx`, { headers: { Cookie: f.township.cookie } });
    expect(raw.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await raw.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['进度汇总', '按户类型', '未填农户']);
    expect(workbook.getWorksheet('按户类型')!.getRow(2).values).toEqual([undefined, '脱贫户', 4, 2, 1, 1, 0, 0, 2, 0.5]);
    for (const name of ['进度汇总', '按户类型']) {
      const sheet = workbook.getWorksheet(name)!;
      const header = sheet.getRow(1).values as unknown[];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const cell = row.getCell(header.indexOf('填报率'));
        const expected = row.getCell(header.indexOf('应填户数')).value;
        expect([cell.type, cell.numFmt], `${name} ${cell.address}`).toEqual([expected === 0 ? ExcelJS.ValueType.Null : ExcelJS.ValueType.Number, '0.0%']);
      });
    }
    expect(workbook.getWorksheet('进度汇总')!.getRow(4).getCell(11).value).toBe(4 / 6);
    expect(workbook.getWorksheet('未填农户')!.rowCount).toBe(3);
  });

  it('refuses an unknown table or format with a Chinese message naming the field', async () => {
    expect((await f.township.get(`${progress}/export?format=pdf`)).body.error.message).toBe('请求字段 format 不正确：应为 csv 或 xlsx');
    expect((await f.township.get(`${progress}/export?format=csv&table=x`)).body.error.message).toBe('请求字段 table 不正确：应为 summary、kinds 或 missing');
  });
});
