// A department's warning list through the chain (issue 17), in Chromium against the real server
// and the demo township: the administrator uploads 区民政局's list (an XLSX made here with exceljs)
// on 部门预警名单, checks it (匹配检查: matched and unmatched rows, nothing written), then imports
// it; the 高滩村 officer sees the warning on the household's page and the items in 重点核查户,
// closes one with a reason (已是监测对象) and visits the other: the identification form opened from
// it on the registered household, approved by the township and the county, makes it a monitoring
// object and the item 已纳入; the township reviewer sees the village's counts by source and state
// and exports the list, whose rows are the page's.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { householdsOf, logInOverApi, type RegistryHousehold } from './api';
import { ADMIN_PASSWORD, logIn, watchCsp } from './harness';
import { answerVisit, approveByTownshipAndCounty, openIdentification } from './identificationSheet';
import { field } from './lookbackSheet';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();
const GAOTAN = '500118104201';

async function departmentList(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('新增低保特困');
  for (const row of rows) sheet.addRow(row);
  const path = join(mkdtempSync(join(tmpdir(), 'wnbd-warnings-')), '区民政局新增低保名单.xlsx');
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
  return path;
}

describe('a department\'s warning list to households verified', () => {
  it('is checked, imported, seen by the officer, closed with a reason, counted and exported by the reviewer', async () => {
    const officerApi = await logInOverApi(env.server, 'gaotan');
    const village = await householdsOf(officerApi, GAOTAN);
    const monitored = village.find((h) => h.kind === '脱贫不稳定户' || h.kind === '边缘易致贫户' || h.kind === '突发严重困难户')!;
    const ordinary = village.find((h) => h.kind === '脱贫户') as RegistryHousehold;
    expect(monitored && ordinary).toBeTruthy();
    expect(ordinary.members).toHaveLength(3);
    const file = await departmentList([
      ['姓名', '身份证号', '村', '原因'],
      [monitored.headName, monitored.headIdNumber, '高滩村村民委员会', '新纳入农村低保'],
      [ordinary.headName, ordinary.headIdNumber, GAOTAN, '新纳入特困供养，年医疗自付 2.4 万元'],
      ['查无此人', '', GAOTAN, '因灾房屋受损'],
    ]);

    // The administrator: a dry run, then the import.
    const adminContext = await env.desktop();
    const csp = await watchCsp(adminContext);
    const admin = await adminContext.newPage();
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.goto('/admin/warnings/import');
    await admin.getByLabel('发出名单的部门').fill('区民政局');
    await admin.getByLabel('名单日期').fill('2023-03-15');
    await admin.getByLabel('选择文件').setInputFiles(file);
    await admin.getByRole('button', { name: '匹配检查' }).click();
    await admin.getByRole('status').filter({ hasText: '检查结果：已匹配 2 行，未匹配 1 行，不确定 0 行' }).waitFor();
    const rows = admin.locator('table.warning-rows tbody tr');
    await expect(rows.nth(0).locator('td').nth(4).textContent()).resolves.toBe('已匹配');
    await expect(rows.nth(2).locator('td').nth(4).textContent()).resolves.toBe('未匹配');
    expect((await officerApi.get(`/api/households/${ordinary.id}/warnings`)).body.items).toEqual([]);
    await admin.getByRole('button', { name: '导入' }).click();
    await admin.getByRole('status').filter({ hasText: '已导入 2 条预警，已加入各村重点核查户' }).waitFor();

    // The officer: the warning on the household's page, the items in 重点核查户; one closed with a reason.
    const officer = await (await env.phone()).newPage();
    await logIn(officer, 'gaotan');
    await officer.goto(`/households/${ordinary.id}`);
    const warnings = officer.locator('section.household-warnings');
    await warnings.getByText('区民政局').waitFor();
    await expect(warnings.textContent()).resolves.toContain('新纳入特困供养，年医疗自付 2.4 万元');
    await officer.goto(`/villages/${GAOTAN}/verification`);
    const card = (name: string) => officer.locator('li.verification-item').filter({ hasText: name });
    await card(ordinary.headName).getByText('区民政局（2023-03-15）：新纳入特困供养').waitFor();
    await card(monitored.headName).getByText('部门预警').waitFor();
    await card(monitored.headName).getByRole('button', { name: '关闭' }).click();
    await card(monitored.headName).getByRole('radio', { name: '已是监测对象' }).check();
    await card(monitored.headName).getByRole('button', { name: '确认关闭' }).click();
    await card(monitored.headName).waitFor({ state: 'detached' });
    await officer.getByRole('button', { name: '已关闭', exact: true }).click();
    await card(monitored.headName).getByText('关闭原因：已是监测对象').waitFor();

    // The other is visited: the identification form on the registered household (its members
    // pre-filled from the registry): a 脱贫户 whose 人均纯收入 (15000 + 1200) / 3 = 5400 元 is under
    // the 2023 line of 7000 元, so 脱贫不稳定户 with no warning to explain.
    await officer.getByRole('button', { name: '待核查', exact: true }).click();
    const submissionId = await openIdentification(officer, card(ordinary.headName));
    await field(officer, '/members/0').waitFor();
    await answerVisit(officer, '脱贫不稳定户', { A28: '15000', A29: '0', A30: '0', A31: '1200', A32: '0', A35: '0', A36: '26000' });
    await field(officer, '/A27').getByRole('checkbox', { name: '因病', exact: true }).click();
    await expect(field(officer, '/A34').locator('output').textContent()).resolves.toBe('5,400 元');
    await officer.getByRole('button', { name: '正式提交' }).click();
    await officer.getByText('此表已提交，正在等待').waitFor({ timeout: 30_000 });
    await approveByTownshipAndCounty(() => env.desktop(), submissionId);
    expect((await officerApi.get<RegistryHousehold>(`/api/households/${ordinary.id}`)).body.kind).toBe('脱贫不稳定户');

    // The township reviewer: the village's counts, and the export.
    const reviewerContext = await env.desktop();
    const reviewer = await reviewerContext.newPage();
    await logIn(reviewer, 'linjiang');
    await reviewer.goto(`/review/verification?division=${GAOTAN}`);
    const warningCounts = reviewer.locator('table.verification-counts tr').filter({ has: reviewer.getByRole('rowheader', { name: '部门预警' }) });
    await expect.poll(() => warningCounts.locator('td').allTextContents()).toEqual(['0', '1', '1', '—']);
    await reviewer.locator('label.rv-pick').filter({ has: reviewer.getByText('状态', { exact: true }) }).locator('select').selectOption('');
    const table = reviewer.locator('table.rv-table tbody tr');
    await table.filter({ hasText: monitored.headName }).getByText('已关闭（已是监测对象）').waitFor();
    const shown = await table.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

    const downloading = reviewer.waitForEvent('download');
    await reviewer.getByRole('button', { name: '导出 XLSX' }).click();
    const download = await downloading;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('重点核查户');
    const header = sheet.getRow(1).values as unknown[];
    const exported = [];
    for (let n = 2; n <= sheet.rowCount; n++) {
      const values = sheet.getRow(n).values as unknown[];
      exported.push([values[header.indexOf('姓名')], values[header.indexOf('状态')]]);
    }
    expect(exported.sort()).toEqual(shown.map((r) => [r[1], r[4]!.replace(/（.*）$/, '')]).sort());
    expect(exported).toEqual(expect.arrayContaining([[monitored.headName, '已关闭'], [ordinary.headName, '已纳入']]));
    expect(csp.violations).toEqual([]);
  }, 240_000);
});
