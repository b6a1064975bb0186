// The township reviewer's day at a desk, in Chromium against the real server and the demo
// township: the villages' officers have submitted their 回头看 sheets (through the API here);
// the reviewer narrows the table to one village, returns one sheet with a comment, approves
// another from the table, exports the filtered table as XLSX (its rows must be the table's), and
// reads the progress page, whose counts are checked against the database itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { householdsOf, logInOverApi, submitLookback } from './api';
import { logIn, watchCsp } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();
const VILLAGE = '500118104201';
const KINDS = ['脱贫不稳定户', '边缘易致贫户'];

/** Each village's officer submits the 回头看 sheet of its monitored households whose risk remains. */
beforeAll(async () => {
  for (const [username, village] of [['gaotan', '500118104201'], ['puan', '500118104202'], ['jiulong', '500118104203']]) {
    const officer = await logInOverApi(env.server, username!);
    for (const h of (await householdsOf(officer, village!)).filter((x) => KINDS.includes(x.kind) && !x.riskEliminatedMonth)) await submitLookback(officer, h);
  }
});

/** The table's rows as the reviewer sees them: id, head, status and what it waits on. */
async function tableRows(page: Page): Promise<{ id: string; head: string; status: string; waiting: string }[]> {
  return page.locator('.rv-table tbody tr').evaluateAll((rows) => rows.map((tr) => ({
    id: tr.getAttribute('data-id') ?? '',
    head: tr.querySelector('.rv-head')?.textContent ?? '',
    status: tr.querySelector('.badge')?.textContent ?? '',
    waiting: tr.querySelector('.rv-waiting')?.textContent ?? '',
  })));
}

describe('a township reviewer at a desk', () => {
  it('narrows to a village, returns one sheet with a comment, approves another, exports what the table shows, and reads the progress', async () => {
    const context = await env.desktop();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'linjiang');
    await page.waitForURL(/\/review\/forms\//);
    await page.getByLabel('表单').selectOption({ label: '监测对象“回头看”信息采集表' });
    await page.waitForURL(/\/review\/forms\/lookback/);
    await page.getByRole('heading', { name: '共 6 份' }).waitFor();

    // The area tree: 临江镇's three villages, two sheets each; 高滩村 narrows the table to its two.
    const tree = page.getByRole('navigation', { name: '地区' });
    await tree.getByRole('button', { name: /^高滩村村民委员会\s*2$/ }).click();
    await page.waitForURL(new RegExp(`division=${VILLAGE}`));
    await page.getByRole('heading', { name: '共 2 份' }).waitFor();
    const before = await tableRows(page);
    expect(before.map((r) => r.waiting)).toEqual(['等待乡镇审核 · 待您审核', '等待乡镇审核 · 待您审核']);
    const [toReturn, toApprove] = before;

    // Return the first with a comment: required, and said so in Chinese when missing.
    await page.getByRole('link', { name: toReturn!.head, exact: true }).click();
    await page.waitForURL(new RegExp(`/review/submissions/${toReturn!.id}`));
    await page.locator('[data-pointer="/A2"] output').filter({ hasText: toReturn!.head }).waitFor();
    await page.getByText('修改和审核记录').waitFor();
    await page.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '退回给信息员修改' });
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByRole('alert').filter({ hasText: '退回时须写明退回原因' }).waitFor();
    await dialog.getByLabel('退回原因（必填）').fill('C2 收入区间与务工收入不符，请核实后重新提交');
    await dialog.getByRole('button', { name: '退回' }).click();
    await page.getByText('已退回，等待信息员修改').waitFor();
    await page.getByText('已退回：C2 收入区间与务工收入不符，请核实后重新提交 · 待信息员修改').waitFor();
    expect(await page.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);

    // Back in the table, still narrowed to the village: the returned sheet waits on its officer.
    await page.getByRole('link', { name: '返回列表' }).click();
    await page.waitForURL(new RegExp(`/review/forms/lookback\\?division=${VILLAGE}`));
    await expect.poll(async () => (await tableRows(page)).find((r) => r.id === toReturn!.id)?.waiting)
      .toBe('待信息员修改：C2 收入区间与务工收入不符，请核实后重新提交');

    // Approve the other from the table.
    await page.getByRole('checkbox', { name: `选择 ${toApprove!.head}` }).check();
    await page.getByRole('button', { name: '批量通过' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('已通过 1 份').waitFor();
    await expect.poll(async () => (await tableRows(page)).find((r) => r.id === toApprove!.id)?.waiting).toBe('等待县级确定');
    const shown = await tableRows(page);
    expect(shown.map((r) => r.status).sort()).toEqual(['已提交', '已退回']);

    // Export the filtered table from the page: the workbook's rows are the table's.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const download = await downloading;
    await page.getByText(/已导出 2 行/).waitFor();
    expect(download.suggestedFilename()).toMatch(/^监测对象“回头看”信息采集表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    const column = (title: string) => header.indexOf(title);
    const exported = [];
    for (let n = 2; n <= sheet.rowCount; n++) {
      const values = sheet.getRow(n).values as unknown[];
      exported.push({ id: values[column('提交编号')], head: values[column('户主姓名')], status: values[column('状态')], village: values[column('村')] });
    }
    expect(exported.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
      shown.map((r) => ({ id: r.id, head: r.head, status: r.status, village: '高滩村村民委员会' })).sort((a, b) => a.id.localeCompare(b.id)),
    );

    // Progress of the form in the village, against the database itself.
    await page.getByRole('link', { name: '填报进度' }).click();
    await page.waitForURL(new RegExp(`/review/progress/lookback\\?division=${VILLAGE}`));
    const row = page.locator(`tr[data-code="${VILLAGE}"]`);
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).slice(1);
    const db = new Database(join(env.server.dataDir, 'wanneng.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const expected = db.prepare(`SELECT COUNT(*) AS n FROM households WHERE division_code = ? AND kind IN (?, ?)`).get(VILLAGE, ...KINDS) as { n: number };
      const missing = db.prepare(`SELECT COUNT(*) AS n FROM households h WHERE h.division_code = ? AND h.kind IN (?, ?)
        AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.household_id = h.id AND s.form_id = 'lookback')`).get(VILLAGE, ...KINDS) as { n: number };
      const byStatus = Object.fromEntries((db.prepare(`SELECT status, COUNT(*) AS n FROM submissions WHERE form_id = 'lookback' AND division_code = ? GROUP BY status`)
        .all(VILLAGE) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
      const count = (status: string) => String(byStatus[status] ?? 0);
      expect(expected.n).toBe(4);
      expect(missing.n).toBe(2);
      expect(cells.slice(0, 6)).toEqual([String(expected.n), String(missing.n), count('draft'), count('submitted'), count('returned'), count('approved')]);
      expect(cells.slice(0, 6)).toEqual(['4', '2', '0', '1', '1', '0']);
    } finally {
      db.close();
    }
    const missingList = page.getByRole('heading', { name: '未填农户（2）' }).locator('..');
    expect(await missingList.locator('tbody tr').count()).toBe(2);
    // Submissions shown in the officers' renderer, from the version's precompiled validators.
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
