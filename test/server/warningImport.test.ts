// Departments' warning lists (行业部门筛查预警, issue 17) through HTTP, on SQLite and
// (WNBD_TEST_STORE=postgres) PostgreSQL: a dry run that says which rows match a registered
// household (by ID number to any member, by name within the village), which do not and which are
// ambiguous, writing nothing; the import that makes each matched row a warning on its household and
// a household to verify in its village, seen by that village's officer and the reviewers only;
// bad input refused in Chinese naming the field.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { residentId, sampleHouseholds } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';
import { readResponse, type TestClient } from '../helpers/testClient';

const f = setUpFixture();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const [zhang, , liu] = sampleHouseholds();
const LI_XIULAN = zhang!.members[1]!;

function send(client: TestClient, query: string, body: string | Uint8Array) {
  return client.fetch('POST', `/api/warning-import${query}`, body, { 'Content-Type': typeof body === 'string' ? 'text/csv' : XLSX, Accept: 'application/json' }).then(readResponse);
}

const LIST = [
  ['姓名', '身份证号', '所在村', '预警原因'],
  [LI_XIULAN.name, LI_XIULAN.idNumber, '高滩村', '住院自付费用 5.2 万元'],
  ['张小军', '', '高滩村', '年度医疗费用超过 3 万元'],
  ['王桂芳', '', '高滩村', '慢性病门诊费用较高'],
  ['赵永福', '11010519491231002X', '高滩村', '大额医疗支出'],
  ['钱学文', '110105194912310021', '高滩村', '大额医疗支出'],
  [liu!.headName, '', '500118104202', '重大疾病住院'],
];

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('预警名单');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const query = (dryRun: boolean) => `?department=${encodeURIComponent('区医疗保障局')}&date=2023-03-01${dryRun ? '&dryRun=1' : ''}`;

describe('a department\'s warning list', () => {
  beforeAll(async () => {
    // A second household in 高滩村 with a member also named 王桂芳: her row cannot say which.
    await f.server.store.upsertHouseholds([{
      divisionCode: '500118104201', headName: '王建国', headIdNumber: residentId('500118', '19800316', 71), removedMembers: [],
      members: [{ name: '王建国', idNumber: residentId('500118', '19800316', 71), relation: '户主' }, { name: '王桂芳', idNumber: residentId('500118', '19520611', 82), relation: '之母' }],
    }], f.server.clock.now().toISOString());
  });

  it('shows in a dry run which rows match a household, which do not and which are ambiguous, and writes nothing', async () => {
    const answer = await send(f.admin, query(true), await workbook(LIST));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ department: '区医疗保障局', date: '2023-03-01', dryRun: true, matched: 3, unmatched: 2, ambiguous: 1, written: 0 });
    const byRow = Object.fromEntries(answer.body.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ outcome: 'matched', householdId: f.households[0]!.id, headName: '张德明', divisionCode: '500118104201' });
    expect(byRow[3]).toMatchObject({ outcome: 'matched', householdId: f.households[0]!.id });
    expect(byRow[4]).toMatchObject({ outcome: 'ambiguous', note: expect.stringContaining('王建国') });
    expect(byRow[5]).toMatchObject({ outcome: 'unmatched', note: '登记农户中没有这个身份证号' });
    expect(byRow[6]).toMatchObject({ outcome: 'unmatched', note: expect.stringContaining('身份证号') });
    expect(byRow[7]).toMatchObject({ outcome: 'matched', householdId: f.households[2]!.id, divisionCode: '500118104202' });
    expect((await f.officer.get(`/api/households/${f.households[0]!.id}/warnings`)).body.items).toEqual([]);
    expect((await f.admin.get('/api/verification-items?source=warning')).body.total).toBe(0);
  });

  it('makes each matched row a warning on its household and a household to verify in its village, seen there only', async () => {
    const answer = await send(f.admin, query(false), LIST.map((r) => r.join(',')).join('\r\n'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ dryRun: false, matched: 3, written: 3 });

    const warnings = (await f.officer.get(`/api/households/${f.households[0]!.id}/warnings`)).body.items;
    expect(warnings.map((w: { name: string; reason: string }) => [w.name, w.reason]).sort()).toEqual([
      ['张小军', '年度医疗费用超过 3 万元'], ['李秀兰', '住院自付费用 5.2 万元'],
    ]);
    expect(warnings[0]).toMatchObject({ department: '区医疗保障局', listDate: '2023-03-01' });
    expect((await f.township.get(`/api/households/${f.households[0]!.id}/warnings`)).body.items).toHaveLength(2);
    expect((await f.otherOfficer.get(`/api/households/${f.households[0]!.id}/warnings`)).status).toBe(404);

    const gaotan = (await f.officer.get('/api/verification-items?source=warning')).body.items;
    expect(gaotan.map((i: { name: string }) => i.name).sort()).toEqual(['张小军', '李秀兰']);
    expect(gaotan[0]).toMatchObject({ householdId: f.households[0]!.id, state: 'open', reason: expect.stringMatching(/^区医疗保障局（2023-03-01）：/) });
    const puan = (await f.otherOfficer.get('/api/verification-items?source=warning')).body.items;
    expect(puan.map((i: { name: string }) => i.name)).toEqual([liu!.headName]);
    expect((await f.township.get('/api/verification-items?source=warning')).body.total).toBe(3);
  });

  it('refuses bad input in Chinese, naming the field, and others than administrators', async () => {
    const csv = LIST.map((r) => r.join(',')).join('\r\n');
    const noDepartment = await send(f.admin, '?date=2023-03-01', csv);
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body.error.message).toContain('department');
    const badDate = await send(f.admin, `?department=${encodeURIComponent('区民政局')}&date=2023-02-30`, csv);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toContain('date');
    const noName = await send(f.admin, query(true), '身份证号,原因\r\n11010519491231002X,因病');
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toContain('姓名');
    const empty = await send(f.admin, query(true), '');
    expect(empty.status).toBe(400);
    expect((await send(f.officer, query(true), csv)).status).toBe(403);
    expect((await f.officer.get(`/api/households/${randomUUID()}/warnings`)).status).toBe(404);
  });
});
