// Next year's forms without writing code, in Chromium against the real server and the demo
// township: an administrator clones the 2021 回头看 campaign into 2022, raises the income line
// to 6500, confirms what the clone left to confirm and opens it, adds through the builder a 是/否 field, a text field shown only when it is 是 and a
// computed field (a formula reading the income line), and publishes; an officer fills the new
// version on a phone and submits; the administrator's export carries the new fields.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { householdOf } from './api';
import { ADMIN_PASSWORD, logIn, watchCsp, toMyVillage } from './harness';
import { answer, field, input } from './lookbackSheet';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();

/** The builder's editor panel. */
const editor = (page: Page): Locator => page.locator('.builder-editor');

/** Adds a field at the end of a section of the builder's tree and names it. */
async function addField(page: Page, section: string, label: string, type: string): Promise<void> {
  await page.getByRole('list', { name: `${section} 的字段` }).getByRole('button', { name: '添加字段' }).click();
  await editor(page).getByLabel('名称', { exact: true }).fill(label);
  await editor(page).getByRole('combobox', { name: /^类型/ }).selectOption({ label: type });
}

describe('an administrator prepares the 2022 回头看', () => {
  it('clones the campaign, changes the income line, builds three fields, publishes; an officer fills them; the export has them', async () => {
    const context = await env.desktop();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);

    // Clone 2021 回头看 into 2022, closing the old one.
    await page.goto('/admin/campaigns');
    const lookback2021 = page.locator('.campaign-list > li').filter({ hasText: '2021-lookback' });
    await lookback2021.getByRole('button', { name: '复制为下一年' }).click();
    const clone = page.getByRole('form', { name: /复制 2021年监测对象/ });
    await expect(clone.getByLabel('活动编号（如 2022-lookback）').inputValue()).resolves.toBe('2022-lookback');
    await expect(clone.getByLabel('活动名称').inputValue()).resolves.toBe('2022年监测对象“回头看”');
    await clone.getByLabel(/同时关闭/).check();
    await clone.getByRole('button', { name: '复制', exact: true }).click();
    await page.waitForURL(/\/admin\/campaigns\/2022-lookback$/);

    // The income line the rules will read.
    const incomeLine = page.locator('.parameter-fields label').filter({ hasText: 'incomeLine' }).locator('input');
    await expect(incomeLine.inputValue()).resolves.toBe('6000');
    await incomeLine.fill('6500');
    // A clone stays closed until each parameter and the description is confirmed (the changed line counts as confirmed).
    while (await page.getByRole('button', { name: '确认无误' }).count()) await page.getByRole('button', { name: '确认无误' }).first().click();
    await page.getByRole('radio', { name: /^开放/ }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();

    // The builder, starting from version 1.
    await page.goto('/admin/forms/lookback/edit');
    await page.getByText('从第 1 版开始（尚未修改）').waitFor();
    await page.getByRole('button', { name: '添加参数：收入线' }).click();

    const income = '3. 收入情况（C）';
    await addField(page, income, '是否有家庭成员外出务工', '是/否');
    await expect(editor(page).getByLabel('编码', { exact: true }).inputValue()).resolves.toBe('C5');

    await addField(page, income, '外出务工人员姓名', '文字');
    await editor(page).getByRole('button', { name: '添加条件' }).click();
    await editor(page).getByLabel('条件 1 的字段').selectOption({ label: 'C5 是否有家庭成员外出务工' });
    await editor(page).getByLabel('条件 1 的比较').selectOption({ label: '是' });
    await editor(page).getByLabel('条件 1 的值').selectOption({ label: '是' });

    await addField(page, income, '预估人均收入（元）', '金额（元）');
    await addField(page, income, '预估人均收入与收入线之差（元）', '数字');
    await editor(page).getByLabel(/^只读/).check();
    const formula = editor(page).getByLabel('计算公式');
    await formula.fill('C7 - C9');
    await expect(editor(page).getByRole('alert').first().textContent()).resolves.toBe('没有字段 C9');
    await formula.fill('C7 - 收入线');
    await editor(page).getByText('结果：数字').waitFor();
    await page.getByText('没有错误').waitFor();

    // The preview computes it with the campaign's line.
    await page.getByRole('tab', { name: '预览' }).click();
    await page.locator('.builder-side').getByLabel('活动参数').selectOption({ label: '2022年监测对象“回头看”' });
    const preview = page.getByRole('region', { name: '预览' });
    await preview.locator('[id="root/C7"]').waitFor();
    expect(await preview.locator('[data-pointer="/C6"]').count()).toBe(0);
    await preview.locator('[data-pointer="/C5"]').getByRole('radio', { name: '是' }).click();
    await preview.locator('[data-pointer="/C6"]').waitFor();
    await preview.locator('[id="root/C7"]').fill('8000');
    await expect.poll(() => preview.locator('[data-pointer="/C8"] output').textContent()).toBe('1,500');

    // The shipped cases run on the draft in the page, with the validators the server precompiled for it.
    await page.getByRole('tab', { name: /^测试用例/ }).click();
    await page.getByRole('button', { name: '运行全部测试用例' }).click();
    await page.getByText(/^全部通过（共 \d+ 项）$/).waitFor();

    // Publish: saved, checked (every 回头看 case under 2022's parameters), the changes listed.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(/草稿已保存/).waitFor();
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '检查并准备发布' }).click();
    const check = page.getByRole('region', { name: '发布检查' });
    await check.waitFor();
    const changes = await check.locator('.changes li').allTextContents();
    expect(changes).toEqual(expect.arrayContaining([
      '新增字段 C5 是否有家庭成员外出务工', '新增字段 C6 外出务工人员姓名', '新增字段 C7 预估人均收入（元）',
      '新增字段 C8 预估人均收入与收入线之差（元）', '新增计算公式：C8 预估人均收入与收入线之差（元）', '新增显示条件：C6 外出务工人员姓名',
      '新增活动参数 incomeLine（收入线）',
    ]));
    await expect(check.textContent()).resolves.toContain('2022年监测对象“回头看”');
    await check.getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布第 2 版').first().waitFor();
    // The builder checked, previewed and ran the draft evaluating no code: nothing broke the CSP.
    expect(csp.violations).toEqual([]);
    await context.close();

    // An officer fills version 2 in the 2022 campaign.
    const phoneContext = await env.phone();
    const officer = await phoneContext.newPage();
    await logIn(officer, 'gaotan');
    await toMyVillage(officer);
    await officer.waitForURL(/\/villages\/500118104201/);
    const target = await householdOf(officer, '500118104201', '边缘易致贫户');
    await officer.goto(`/households/${target.id}`);
    await officer.getByRole('link', { name: /监测对象“回头看”信息采集表/ }).click();
    await officer.waitForURL(/\/fill\//);
    await field(officer, '/C5').waitFor();
    await expect(officer.getByText('第 2 版').count()).resolves.toBe(1);
    for (const [pointer, option] of [['/B1', '否'], ['/B2', '否'], ['/B3', '否'], ['/B4', '是'], ['/C1', '否'], ['/C4', '否']] as const) await answer(officer, pointer, option);
    await answer(officer, '/C2', '6000-9000元');
    await answer(officer, '/C3', '外出务工');
    expect(await field(officer, '/C6').count()).toBe(0);
    await answer(officer, '/C5', '是');
    await input(officer, '/C6').fill('冉小兵');
    await input(officer, '/C7').fill('8000');
    await expect.poll(() => field(officer, '/C8').locator('output').textContent()).toBe('1,500');
    await input(officer, '/monitors/0/D1').fill('周志勇');
    await input(officer, '/monitors/0/D2').fill('13508321234');
    await input(officer, '/D5').selectOption({ label: '因病' });
    await input(officer, '/D7').fill('户主患慢性病多年，每月自付医药费约 600 元，儿子在县城务工，收入不稳定。');
    await input(officer, '/D8').selectOption({ label: '健康帮扶' });
    // 2022's reference date is 2022-04-20 (the clone moved it a year on): the plan ends after it.
    await input(officer, '/D10').fill('2022-12');
    await officer.getByRole('button', { name: '正式提交' }).click();
    await officer.getByText('此表已提交，正在等待').waitFor();
    await phoneContext.close();

    // The export of the 2022 campaign has the new columns and the officer's values.
    const exporter = await env.desktop();
    const admin = await exporter.newPage();
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    const download = admin.waitForEvent('download');
    await admin.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/api/forms/lookback/export?format=csv&campaign=2022-lookback';
      a.download = '';
      document.body.append(a);
      a.click();
    });
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const [header, ...rows] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['C5 是否有家庭成员外出务工', 'C6 外出务工人员姓名', 'C8 预估人均收入与收入线之差（元）']));
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.split(',');
    expect(cells[columns.indexOf('C6 外出务工人员姓名')]).toBe('冉小兵');
    expect(cells[columns.indexOf('C8 预估人均收入与收入线之差（元）')]).toBe('1500');
    await exporter.close();
  });
});
