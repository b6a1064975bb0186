// A county registering its villages in Chromium against the real server started with DEMO=0: the
// administrator picks 重庆市 › 市辖区 › 永川区 from the official list and registers it, sees the
// tree, merges a village into another with an adjustment sheet (checked, then applied), and gives
// a new officer a village picked from the registered tree on the users page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, logIn, watchCsp } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser({ DEMO: '0' });

describe('an administrator registers the county', () => {
  it('imports 永川区 from the official list, adjusts it with a sheet, and picks an officer\'s village from the tree', async () => {
    const context = await env.desktop();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    await page.getByRole('link', { name: /行政区划/ }).click();
    await page.waitForURL(/\/admin\/divisions$/);
    await page.getByText('尚未登记任何行政区划').waitFor();

    await page.getByRole('combobox', { name: /^省/ }).selectOption({ label: '重庆市' });
    await page.getByRole('combobox', { name: /^市/ }).selectOption({ label: '市辖区' });
    await page.getByRole('combobox', { name: /^县（区）/ }).selectOption({ label: '永川区' });
    await page.getByRole('button', { name: '登记“永川区”及其全部下级' }).click();
    await page.getByText('已登记“永川区”：共 293 个区划，新增 293 个，已登记的 0 个保持不变。').waitFor();
    await page.getByRole('combobox', { name: /^县（区）/ }).locator('option', { hasText: '永川区（已登记）' }).waitFor({ state: 'attached' });

    const tree = page.locator('.registered-tree');
    await tree.getByRole('button', { name: '展开 双石镇' }).click();
    await tree.getByText('太平村村民委员会').waitFor();

    // Merge 响滩子村 into 太平村 and rename 太平村: checked first, then applied.
    const sheet = join(env.server.dataDir, '调整表.csv');
    writeFileSync(sheet, '\uFEFF代码,名称,上级代码,并入\n500118113206,太平村,500118113,\n500118113208,响滩子村村民委员会,500118113,500118113206\n');
    await page.getByLabel('选择调整表（XLSX、ODS、XLS 或 CSV）').setInputFiles(sheet);
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByText('检查通过：共 2 行，新增 0 个，改名 1 个，合并 1 个（将迁入 0 户），不变 0 个。').waitFor();
    await page.getByRole('button', { name: '调整', exact: true }).click();
    await page.getByText('已调整：新增 0 个，改名 1 个，合并 1 个，迁入 0 户。').waitFor();
    await tree.getByText('太平村', { exact: true }).waitFor();
    expect(await tree.getByText('响滩子村村民委员会').count()).toBe(0);
    await page.getByRole('cell', { name: '并入', exact: true }).waitFor();

    // The users page picks the new officer's village from the registered tree.
    await page.goto('/admin/users');
    const form = page.locator('form.admin-form').first();
    await form.getByLabel('用户名').fill('taiping');
    await form.getByLabel(/初始密码/).fill('taiping-pass-1');
    await form.getByRole('searchbox').fill('太平村');
    await form.getByRole('checkbox', { name: /太平村/ }).check();
    await form.getByRole('button', { name: '创建用户' }).click();
    await page.getByText('已创建用户 taiping').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'taiping' }).first();
    await expect(row.textContent()).resolves.toContain('永川区 双石镇 太平村');
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
