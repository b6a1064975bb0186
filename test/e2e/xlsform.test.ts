// A form written in Excel, in Chromium against the real server and the demo township: the
// administrator downloads the shipped 回头看 form from the builder as a workbook, edits it as an
// administrator would (a question with its English label, a hint, a condition and a check with
// its message), imports a broken copy first (the report names the sheet, row and column; nothing
// is saved), then the good one (the report passes, it is saved as the draft and published as
// version 2); an officer then fills version 2 on a phone: the question follows its condition and
// its check speaks Chinese.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok } from '../helpers/testClient';
import { householdOf, pageClient } from './api';
import { ADMIN_PASSWORD, logIn, toMyVillage } from './harness';
import { answer, field, input, openLookback } from './lookbackSheet';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A question as an XLSForm expression names it: ${A4}. */
const ref = (name: string) => `\${${name}}`;

/** The downloaded workbook with one question added after C4 in the survey sheet, as Excel would save it. */
async function withQuestion(original: Buffer, relevant: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(original as unknown as ArrayBuffer);
  const survey = book.getWorksheet('survey')!;
  const header = (survey.getRow(1).values as unknown[]).map(String);
  let c4 = 0;
  survey.eachRow((row, n) => { if (row.getCell(header.indexOf('name')).value === 'C4') c4 = n; });
  expect(c4).toBeGreaterThan(0);
  const cells: Record<string, string> = {
    type: 'integer', name: 'C5', label: 'C5 外出务工人数', 'label::en': 'C5 Members working away from home',
    hint: '在外务工半年以上的家庭成员人数。', relevant, constraint: `. >= 1 and . <= ${ref('A4')}`,
    constraint_message: 'C5 外出务工人数：应在 1 到家庭人口数（{{A4}}）之间',
    'constraint_message::en': 'C5 Members working away: between 1 and the household size ({{A4}})',
  };
  // Columns the download lacks (the English ones) go at the end of the header.
  for (const column of Object.keys(cells)) if (!header.includes(column)) survey.getRow(1).getCell(header.push(column) - 1).value = column;
  const values: unknown[] = [];
  for (const [column, value] of Object.entries(cells)) values[header.indexOf(column)] = value;
  survey.insertRow(c4 + 1, values);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Chooses a workbook in the builder's 从 Excel 导入 and waits for the report on the page. */
async function upload(page: Page, buffer: Buffer) {
  await page.getByLabel('从 Excel 导入').setInputFiles({ name: '回头看.xlsx', mimeType: XLSX, buffer });
  const report = page.getByRole('region', { name: 'Excel 导入报告' });
  await report.waitFor();
  return report;
}

describe('an administrator writes a question in Excel', () => {
  it('downloads 回头看, imports a broken workbook (refused, where) then a good one, publishes; an officer fills it', async () => {
    const context = await env.desktop();
    const page = await context.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    await page.goto('/admin/forms/lookback/edit');
    await page.getByText('从第 1 版开始（尚未修改）').waitFor();

    // 下载为 Excel: the shipped form as a workbook, one row per field.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载为 Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('lookback.xlsx');
    const original = readFileSync((await download.path())!);

    // A condition naming a field the form does not have: refused at its cell, nothing saved.
    const report = await upload(page, await withQuestion(original, `${ref('C33')} = '外出务工'`));
    await expect(report.getByRole('status').textContent()).resolves.toBe('不能导入：有 1 处错误，未作任何修改。');
    const problems = await report.locator('.xlsform-problems tbody tr.error').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^survey · 第 24 行 · relevant.*C33/);
    expect(await report.getByRole('button', { name: '保存为草稿' }).count()).toBe(0);
    const api = await pageClient(page);
    expect((await ok(api.get('/api/forms/lookback/draft'))).definition).toBeNull();
    await report.getByRole('button', { name: '关闭报告' }).click();

    // Corrected: every check and the form's test cases pass; saved as the draft; published.
    const good = await upload(page, await withQuestion(original, `${ref('C3')} = '外出务工'`));
    await expect(good.getByRole('status').textContent()).resolves.toBe('可以导入：工作簿、定义检查和全部测试用例都通过。');
    await expect(good.textContent()).resolves.toContain('其他语言：en');
    expect(await good.locator('.xlsform-cases li.error').count()).toBe(0);
    expect(await good.locator('.xlsform-cases li.passed').count()).toBeGreaterThan(0);
    await good.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByText(/已从 Excel 导入并保存为草稿/).waitFor();
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '检查并准备发布' }).click();
    const check = page.getByRole('region', { name: '发布检查' });
    await check.waitFor();
    expect(await check.locator('.changes li').allTextContents()).toEqual(expect.arrayContaining(['新增字段 C5 外出务工人数', '新增显示条件：C5 外出务工人数']));
    await check.getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布第 2 版').first().waitFor();
    const published = await ok(api.get('/api/forms/lookback/versions/2'));
    expect(published.definition.translations.en).toMatchObject({
      'field:C5.title': 'C5 Members working away from home', 'rule:C5-constraint.message': 'C5 Members working away: between 1 and the household size ({{A4}})',
    });
    await context.close();

    // An officer fills version 2 on a phone.
    const phoneContext = await env.phone();
    const officer = await phoneContext.newPage();
    await logIn(officer, 'gaotan');
    await toMyVillage(officer);
    const target = await householdOf(officer, '500118104201', '边缘易致贫户');
    await openLookback(officer, target.headName);
    await expect(officer.getByText('第 2 版').count()).resolves.toBe(1);
    expect(await field(officer, '/C5').count()).toBe(0);
    await answer(officer, '/C3', '外出务工');
    await expect(field(officer, '/C5').locator('label').first().textContent()).resolves.toContain('C5 外出务工人数');
    await expect(field(officer, '/C5').textContent()).resolves.toContain('在外务工半年以上的家庭成员人数。');
    await input(officer, '/C5').fill('0');
    await input(officer, '/C5').blur();
    const members = target.members.length;
    await expect(field(officer, '/C5').getByRole('alert').textContent()).resolves.toBe(`C5 外出务工人数：应在 1 到家庭人口数（${members}）之间`);
    await input(officer, '/C5').fill('1');
    await input(officer, '/C5').blur();
    await expect.poll(() => field(officer, '/C5').getByRole('alert').count()).toBe(0);
    // Left blank, it is not checked (it is not required): as in ODK.
    await input(officer, '/C5').fill('');
    await input(officer, '/C5').blur();
    await expect.poll(() => field(officer, '/C5').getByRole('alert').count()).toBe(0);
    await answer(officer, '/C3', '发展产业');
    await expect.poll(() => field(officer, '/C5').count()).toBe(0);
    await phoneContext.close();
  });
});
