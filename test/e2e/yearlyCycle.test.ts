// The yearly cycle in Chromium against the real server and the demo township (issue 13, parts 2
// and 3): an officer has an open 2023 draft; the administrator clones 2023 into 2024 (closing
// 2023), is refused opening it until each parameter and the description is confirmed, confirms
// and opens it; an officer starts a 2024 draft; a new version of 家庭成员自然增加情况表 is published
// adopted by 2024 only; the 2023 draft still says 2023 on version 1, and the 2024 draft is moved
// to version 2 from the form, which then says what changed. In each year a submission is approved
// by the township (临江镇) and then the county (永川区) on the reviewer's page, and the county
// exports each year's table: 2023's rows stay on version 1, 2024's carry version 2's new column.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import cases from '../../form-definitions/member-additions/cases.json';
import { ok, type TestClient } from '../helpers/testClient';
import { pageClient } from './api';
import { ADMIN_PASSWORD, logIn } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();

/** A JSON call made with the page's session (its cookie and CSRF token); throws with the server's answer unless it succeeded. */
async function call(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
  const api: TestClient = await pageClient(page);
  return ok(method === 'GET' ? api.get(path) : method === 'POST' ? api.post(path, body) : api.put(path, body));
}

/** An officer's draft of 家庭成员自然增加情况表 for a household of 高滩村 in a campaign, saved on the server. */
async function draftIn(officer: Page, campaignId: string, household: { id: string }) {
  return call(officer, 'POST', '/api/forms/member-additions/submissions', { id: randomUUID(), householdId: household.id, campaignId, data: {}, submit: false });
}

type Household = { id: string; headName: string; headIdNumber: string };

/** 婚入的儿媳 (from the form's first test case; its newborn falls outside later years' periods) added to a household of 高滩村 and submitted. */
async function submitIn(officer: Page, campaignId: string, household: Household, extra: object = {}) {
  const members = (cases[0]!.data as { members: unknown[] }).members.slice(0, 1);
  const data = { villageName: '高滩村', divisionCode: '500118104201', headName: household.headName, headIdNumber: household.headIdNumber, members, ...extra };
  return call(officer, 'POST', '/api/forms/member-additions/submissions', { id: randomUUID(), householdId: household.id, campaignId, data, submit: true });
}

/** A reviewer opens the submission on the reviewer's page and approves it at their level. */
async function approveOnPage(context: BrowserContext, username: string, id: string, after: string) {
  const page = await context.newPage();
  await logIn(page, username);
  await page.goto(`/review/submissions/${id}`);
  await page.getByRole('button', { name: '通过', exact: true }).click();
  await page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '通过', exact: true }).click();
  await page.getByText(after).first().waitFor();
  await page.close();
}

/** Township then county approve; the submission ends approved. */
async function approveBothLevels(officer: Page, id: string) {
  for (const [username, after] of [['linjiang', '等待县级确定'], ['yongchuan', '已通过']] as const) {
    const context = await env.desktop();
    await approveOnPage(context, username, id, after);
    await context.close();
  }
  expect((await call(officer, 'GET', `/api/submissions/${id}`)).status).toBe('approved');
}

/** The county reviewer's table of this form in one campaign, exported as XLSX from the page: its header and rows. */
async function exportYear(page: Page, year: string) {
  await page.goto('/review/forms/member-additions');
  const pick = page.getByLabel('活动');
  // Closed years stay in the picker, marked so (2023 is closed once cloned).
  const option = pick.locator('option').filter({ hasText: new RegExp(`^${year}年度`) });
  await option.waitFor({ state: 'attached' });
  await pick.selectOption({ label: (await option.textContent())! });
  await expect.poll(() => new URL(page.url()).searchParams.get('campaign') ?? pick.inputValue()).toBe(year);
  await page.getByRole('heading', { name: /^共 \d+ 份$/ }).waitFor();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await download.path())!) as never);
  const sheet = workbook.worksheets[0]!;
  const header = Array.from(sheet.getRow(1).values as unknown[], (title) => String(title ?? ''));
  const rows: Record<string, unknown>[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const values = sheet.getRow(n).values as unknown[];
    rows.push(Object.fromEntries(header.map((title, i) => [title, values[i]])));
  }
  return { header, rows };
}

describe('a county\'s second year', () => {
  it('clones 2023 into 2024, confirms it, publishes a version 2024 alone adopts; a 2023 draft stays 2023, a 2024 draft moves; each year approved at both levels and exported on its own columns', async () => {
    const officerContext = await env.phone();
    const officer = await officerContext.newPage();
    await logIn(officer, 'gaotan');
    const households = (await call(officer, 'GET', '/api/households?division=500118104201')).items as Household[];
    const draft2023 = await draftIn(officer, '2023', households[0]!);
    expect(draft2023.formVersion).toBe(1);

    // 2023's submission, approved by the township and then the county.
    const approved2023 = await submitIn(officer, '2023', households[2]!);
    expect(approved2023).toMatchObject({ status: 'submitted', formVersion: 1 });
    await approveBothLevels(officer, approved2023.id);

    // The administrator clones 2023 into 2024, closing 2023.
    const adminContext = await env.desktop();
    const admin = await adminContext.newPage();
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.goto('/admin/campaigns');
    const row2023 = admin.locator('.campaign-list > li').filter({ hasText: '2023年度' });
    await row2023.getByRole('button', { name: '复制为下一年' }).click();
    const clone = admin.getByRole('form', { name: /复制 2023年度/ });
    await expect(clone.getByLabel('活动编号（如 2022-lookback）').inputValue()).resolves.toBe('2024');
    await clone.getByLabel(/同时关闭/).check();
    await clone.getByRole('button', { name: '复制', exact: true }).click();
    await admin.waitForURL(/\/admin\/campaigns\/2024$/);

    // Dates a year on, everything marked to confirm; opening is refused until it is.
    const parameter = (name: string) => admin.locator('.parameter-fields label').filter({ hasText: name }).locator('input');
    await expect(parameter('referenceDate').inputValue()).resolves.toBe('2024-09-30');
    await expect(parameter('incomePeriodStart').inputValue()).resolves.toBe('2023-10-01');
    await admin.getByText('复制自上一年：还有 5 项待确认').waitFor();
    await admin.getByRole('radio', { name: /^开放/ }).check();
    await admin.getByRole('button', { name: '保存' }).click();
    await expect(admin.getByRole('alert').textContent()).resolves.toMatch(/还有 5 项待确认，不能开放：活动说明、.*incomeLine/);
    while (await admin.getByRole('button', { name: '确认无误' }).count()) await admin.getByRole('button', { name: '确认无误' }).first().click();
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByText('已保存').waitFor();
    expect(await admin.getByText('待确认', { exact: true }).count()).toBe(0);

    // An officer starts a 2024 draft (version 1, as 2024 serves it).
    const draft2024 = await draftIn(officer, '2024', households[1]!);
    expect(draft2024.formVersion).toBe(1);

    // Version 2 of the form: one more required field, published adopted by 2024 only.
    const latest = await call(admin, 'GET', '/api/forms/member-additions');
    const next = structuredClone(latest.definition);
    next.schema.properties.B9 = { type: 'string', title: 'B9 增加人员是否已落户（2024 年新增）', enum: ['是', '否'] };
    next.schema.required = [...next.schema.required, 'B9'];
    const { revision } = await call(admin, 'GET', '/api/forms/member-additions/draft');
    await call(admin, 'PUT', '/api/forms/member-additions/draft', { definition: next, revision });
    // The shipped cases predate B9: the administrator gives each its answer, as the builder's cases tab would.
    const { cases } = await call(admin, 'GET', '/api/forms/member-additions/cases');
    await call(admin, 'PUT', '/api/forms/member-additions/cases', { cases: cases.map((c: { data: object }) => ({ ...c, data: { ...c.data, B9: '是' } })) });
    await admin.goto('/admin/forms/member-additions/edit');
    await admin.getByRole('tab', { name: '发布' }).click();
    await admin.getByRole('button', { name: '检查并准备发布' }).click();
    const choices = admin.getByRole('group', { name: /哪些开放的活动采用新版本/ });
    await choices.waitFor();
    const in2024 = choices.getByLabel(/^2024年度/);
    const in2021 = choices.getByLabel(/^2021年度/);
    // 2024 already has a draft: it adopts only when named; 2021 has none of this form: ticked by default. 2023 is closed.
    await expect(in2024.isChecked()).resolves.toBe(false);
    await expect(in2021.isChecked()).resolves.toBe(true);
    expect(await choices.getByLabel(/^2023年度/).count()).toBe(0);
    await in2024.check();
    await in2021.uncheck();
    const moveOpen = choices.getByLabel(/迁移到新版本/);
    if (await moveOpen.isChecked()) await moveOpen.uncheck();
    await admin.getByRole('button', { name: '确认发布' }).click();
    await admin.getByText('采用新版本的活动：2024').waitFor();
    const campaign2024 = await call(admin, 'GET', '/api/campaigns/2024');
    expect(campaign2024.formVersions['member-additions']).toBe(2);
    expect(campaign2024.adoptions.at(-1)).toMatchObject({ formId: 'member-additions', fromVersion: 1, toVersion: 2, username: 'admin' });
    expect((await call(admin, 'GET', '/api/campaigns/2021')).formVersions['member-additions']).toBe(1);
    await adminContext.close();

    // The 2023 draft, its campaign closed: still 2023, still version 1.
    await officer.goto(`/fill/${draft2023.id}`);
    const meta = officer.locator('.form-meta');
    await meta.getByText('第 1 版').waitFor();
    await expect(meta.textContent()).resolves.toContain('2023年度');
    expect(await meta.getByText(/2024/).count()).toBe(0);
    expect(await officer.getByRole('button', { name: /迁移到第/ }).count()).toBe(0);

    // The 2024 draft is offered the move; moved, it shows version 2 and what changed.
    await officer.goto(`/fill/${draft2024.id}`);
    await officer.getByRole('button', { name: '迁移到第 2 版' }).click();
    const notice = officer.getByRole('region', { name: /此表已由第 1 版迁移到第 2 版/ });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('新增必填项“B9 增加人员是否已落户（2024 年新增）”，请填写');
    await meta.getByText('第 2 版').waitFor();
    expect((await call(officer, 'GET', `/api/submissions/${draft2024.id}`)).formVersion).toBe(2);
    expect((await call(officer, 'GET', `/api/submissions/${draft2023.id}`)).formVersion).toBe(1);

    // 2024's submission, on version 2 (B9 answered), approved by both levels.
    const approved2024 = await submitIn(officer, '2024', households[3]!, { B9: '是' });
    expect(approved2024).toMatchObject({ status: 'submitted', formVersion: 2 });
    await approveBothLevels(officer, approved2024.id);
    await officerContext.close();

    // The county exports each year: 2023 holds its approved submission on version 1, 2024 its own with B9.
    const countyContext = await env.desktop();
    const county = await countyContext.newPage();
    await logIn(county, 'yongchuan');
    const year2023 = await exportYear(county, '2023');
    const year2024 = await exportYear(county, '2024');
    const approvedIds = (rows: Record<string, unknown>[]) => rows.filter((r) => r['状态'] === '已通过').map((r) => r['提交编号']);
    expect(approvedIds(year2023.rows)).toEqual([approved2023.id]);
    expect(approvedIds(year2024.rows)).toEqual([approved2024.id]);
    expect(year2023.rows.map((r) => r['提交编号'])).not.toContain(approved2024.id);
    expect(year2024.header.some((title) => title.includes('B9'))).toBe(true);
    expect(year2023.header.some((title) => title.includes('B9'))).toBe(false);
    await countyContext.close();
  });
});
