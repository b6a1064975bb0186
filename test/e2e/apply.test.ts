// A resident applies on a phone in Chromium, with no account (纳入监测申请, issue 17): opens the
// county's link, fills the published form (its village picked from the county's villages), agrees
// to the 授权承诺书, sends it (the page solves the proof-of-work), keeps the receipt, and reads the
// status with the receipt and the ID number; the administrator finds the county's link with its QR
// code drawn in the page and downloads it; all under the app's Content-Security-Policy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, logIn, watchCsp } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser({ APPLY_DIFFICULTY: '8' });

describe('a resident applies on a phone', () => {
  it('applies, keeps the receipt and reads the status', async () => {
    const context = await env.phone();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await page.goto('/apply/500118');
    await page.getByRole('heading', { name: /纳入监测申请/ }).waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('还有内容需要修改').waitFor();

    await page.getByLabel('所在村').selectOption({ index: 1 });
    await page.getByLabel('申请人姓名').fill('刘建华');
    await page.locator('form.wn-form').getByLabel('身份证号').fill('500118197803042116');
    await page.getByLabel('联系电话').fill('13908231234');
    await page.getByLabel('遇到的主要困难（风险）').selectOption('因病');
    await page.getByLabel('家庭困难情况说明').fill('今年三月妻子确诊尿毒症，每周透析三次，自付医药费每月约三千元，本人不能外出务工。');
    // The 授权承诺书: 是 (agreed), the form's only yes/no.
    await page.getByText(/同意授权依法查询/).first().waitFor();
    await page.getByRole('radio', { name: '是' }).click();
    await page.getByRole('button', { name: '提交申请' }).click();
    const receipt = (await page.getByTestId('receipt').textContent({ timeout: 30_000 }))!;
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);

    await page.locator('#status-receipt').fill(receipt);
    await page.locator('#status-id').fill('500118197803042116');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('status').filter({ hasText: '已受理' }).waitFor();
    await page.locator('#status-id').fill('500118198506123029');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有找到这件申请').waitFor();
    expect(csp.violations).toEqual([]);
  }, 120_000);

  it('shows the administrator the county’s link to publish, with its QR code to download', async () => {
    const context = await env.desktop();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    await page.getByRole('heading', { name: '农户网上申请链接' }).waitFor();
    const link = page.getByRole('link', { name: /\/apply\/500118$/ });
    const url = (await link.getAttribute('href'))!;
    const qr = page.getByRole('img', { name: `永川区申请链接 ${url} 的二维码` });
    expect(await qr.getAttribute('data-url')).toBe(url);
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(120);
    const downloading = page.waitForEvent('download');
    await page.locator('li').filter({ has: link }).getByRole('button', { name: '下载二维码（SVG，可打印）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('永川区-纳入监测申请二维码.svg');
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(csp.violations).toEqual([]);
  }, 60_000);
});
