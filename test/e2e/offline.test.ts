// The officer with little or no signal, in Chromium against the real server and the demo
// township: the app opened cold with no network, a form never opened online after 离线下载,
// a connection cut in the middle of a send, the server failing once, a session that ended while
// offline, a phone handed from one officer to another, and two tabs of one officer. Each ends with the server holding exactly one copy of
// the submission and nothing left unsent on the phone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { CHROMIUM, DEMO_PASSWORD, logIn, toMyVillage } from './harness';
import { fillRemainingBranch, input, openLookback } from './lookbackSheet';
import { unsent } from './phoneQueue';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();

const VILLAGES = { gaotan: '500118104201', puan: '500118104202', jiulong: '500118104203' } as const;

/** A household of the officer's village whose risk remains (the 回头看 sheet's D5-D10 branch). */
async function household(page: Page, village: string, kind: string): Promise<{ id: string; headName: string }> {
  const response = await page.request.get(`/api/households?division=${village}&kind=${encodeURIComponent(kind)}`);
  const found = ((await response.json()).items as { id: string; headName: string; riskEliminatedMonth?: string }[]).find((h) => !h.riskEliminatedMonth);
  if (!found) throw new Error(`no ${kind} in ${village}`);
  return found;
}

async function fillSheet(page: Page): Promise<void> {
  await fillRemainingBranch(page);
  await input(page, '/D7').fill('户主 2020 年确诊慢性病，每月自付医药费约 800 元，家庭收入主要靠儿子外出务工。');
}

/** The household's 回头看 submissions on the server. */
async function lookbacksOf(page: Page, householdId: string): Promise<{ id: string; status: string }[]> {
  const detail = await (await page.request.get(`/api/households/${householdId}`)).json();
  return (detail.submissions as { id: string; formId: string; status: string }[]).filter((s) => s.formId === 'lookback');
}

/** Exactly one submitted copy on the server, nothing left on the phone, and the form saying so. */
async function allSent(page: Page, householdId: string): Promise<void> {
  await page.getByText('此表已提交，正在等待审核').waitFor({ timeout: 60_000 });
  await expect.poll(() => unsent(page), { timeout: 20_000 }).toBe(0);
  const copies = await lookbacksOf(page, householdId);
  expect(copies.map((c) => c.status)).toEqual(['submitted']);
  expect(new URL(page.url()).pathname).toBe(`/fill/${copies[0]!.id}`);
}

/** The app is kept by its service worker (installed, its files cached), as after a first visit. */
async function appKept(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** Logged in as a village's officer, at the village's list, in a page the service worker controls. */
async function atVillageKept(page: Page, officer: keyof typeof VILLAGES): Promise<void> {
  await logIn(page, officer);
  await toMyVillage(page);
  await page.waitForURL(new RegExp(`/villages/${VILLAGES[officer]}`));
  await appKept(page);
  await page.reload();
}

/** Send requests carrying a submit, as the page makes them. */
const isSubmit = (route: Route) => {
  const request = route.request();
  return request.method() !== 'GET' && (request.postDataJSON() as { submit?: boolean } | null)?.submit === true;
};

describe('an officer with little or no signal', () => {
  it('opens the app cold with no network, fills the 回头看 sheet, and the submit queued offline is sent when the network returns', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'wnbd-profile-'));
    const options = {
      executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], baseURL: env.server.url,
      viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    };
    let context: BrowserContext = await chromium.launchPersistentContext(profile, options);
    try {
      // Once online: log in, see the household and open its sheet (kept on the phone), close the app.
      let page = context.pages()[0] ?? (await context.newPage());
      await logIn(page, 'gaotan');
      await toMyVillage(page);
      await page.waitForURL(/\/villages\/500118104201/);
      await appKept(page);
      const target = await household(page, VILLAGES.gaotan, '边缘易致贫户');
      await openLookback(page, target.headName);
      await context.close();

      // The phone restarted with no signal: the worker serves the app, the phone the data.
      context = await chromium.launchPersistentContext(profile, options);
      await context.setOffline(true);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await toMyVillage(page);
      await page.waitForURL(/\/villages\/500118104201/);
      await page.getByText(/当前无网络/).waitFor();
      expect(await page.getByText('登录已过期').count()).toBe(0);
      await openLookback(page, target.headName);
      await fillSheet(page);
      await page.getByRole('button', { name: '正式提交' }).click();
      await page.getByText('已排队：恢复网络后自动正式提交').waitFor();
      expect(await unsent(page)).toBe(1);

      // The network returns: the app fetches the token it never had and sends; the open form follows.
      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await allSent(page, target.id);
      expect(await page.getByRole('button', { name: '正式提交' }).count()).toBe(0);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('fills offline a form never opened online, after 离线下载本村数据, and sends it', async () => {
    const context = await env.phone();
    let page = await context.newPage();
    await atVillageKept(page, 'gaotan');
    const target = await household(page, VILLAGES.gaotan, '脱贫不稳定户');
    await page.getByRole('button', { name: /离线下载本村数据/ }).click();
    await page.getByText(/已下载 \d+ 户，可离线填报/).waitFor();
    await page.close();

    // A new start of the app with no signal: nothing but what the download kept.
    await context.setOffline(true);
    page = await context.newPage();
    await page.goto(`/villages/${VILLAGES.gaotan}?kind=${encodeURIComponent('脱贫不稳定户')}`);
    await openLookback(page, target.headName);
    await fillSheet(page);
    await input(page, '/monitors/0/D2').fill('1350832');
    // Validated on the phone, with the version's validators kept by the worker.
    await page.getByRole('button', { name: '正式提交' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toMatch(/D2 监测责任人联系电话/);
    await input(page, '/monitors/0/D2').fill('13508321234');
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('已排队：恢复网络后自动正式提交').waitFor();

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await allSent(page, target.id);
    await context.close();
  });

  it('keeps a submit whose connection was cut after the server got it, and sends it again by itself without a second copy', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'puan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104202/);
    const target = await household(page, VILLAGES.puan, '边缘易致贫户');
    await openLookback(page, target.headName);
    await fillSheet(page);
    let cut = 0;
    await page.route(/\/api\/(forms\/lookback\/submissions|submissions\/[^/]+)$/, async (route) => {
      if (cut === 0 && isSubmit(route)) {
        cut++;
        await route.fetch(); // the server has it; its answer never arrives
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: '正式提交' }).click();
    const notice = page.locator('.banner.queue');
    await notice.getByText('等待重试').waitFor();
    await expect(notice.textContent()).resolves.toMatch(/网络中断，没有传到服务器。将在 .* 自动重试/);
    await page.goto(`/villages/${VILLAGES.puan}`);
    await page.locator('.households .queue-line').getByText('等待重试').waitFor();
    expect(cut).toBe(1);

    // Retried by itself after the pause; the server answers the repeat as the first time.
    await page.goBack();
    await allSent(page, target.id);
    expect(await page.locator('.banner.queue').count()).toBe(0);
    await context.close();
  });

  it('keeps a submit the server failed with a 500, and 立即重试 sends it', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'puan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104202/);
    const target = await household(page, VILLAGES.puan, '脱贫不稳定户');
    await openLookback(page, target.headName);
    await fillSheet(page);
    let failed = 0;
    await page.route(/\/api\/(forms\/lookback\/submissions|submissions\/[^/]+)$/, async (route) => {
      if (failed === 0 && isSubmit(route)) {
        failed++;
        return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: '服务器内部错误' } }) });
      }
      return route.continue();
    });
    await page.getByRole('button', { name: '正式提交' }).click();
    const notice = page.locator('.banner.queue');
    await notice.getByText('等待重试').waitFor();
    await expect(notice.textContent()).resolves.toMatch(/服务器内部错误。将在 .* 自动重试，也可以点“立即重试”/);
    // Said by the buttons too, where the officer tapped.
    await expect(page.locator('.action-bar .save-state').textContent()).resolves.toMatch(/^服务器内部错误。将在/);
    expect(await lookbacksOf(page, target.id)).toEqual([]);
    expect(await unsent(page)).toBe(1);
    await notice.getByRole('button', { name: '立即重试' }).click();
    await allSent(page, target.id);
    expect(failed).toBe(1);
    await context.close();
  });

  it('asks the officer to log in again when the session ended while offline, then sends by itself', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'jiulong');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104203/);
    const target = await household(page, VILLAGES.jiulong, '边缘易致贫户');
    await openLookback(page, target.headName);
    await context.setOffline(true);
    await fillSheet(page);
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('已排队：恢复网络后自动正式提交').waitFor();
    // The session ends meanwhile (its cookie gone, as after the idle timeout).
    await context.clearCookies();

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const notice = page.locator('.banner.queue');
    await notice.getByText('需重新登录').waitFor();
    await expect(notice.textContent()).resolves.toContain('登录已过期：请重新登录，登录后自动上传。本机的数据不会丢失');
    expect(await unsent(page)).toBe(1);
    await notice.getByRole('button', { name: '重新登录' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByText('登录已过期，请重新登录。未提交的数据仍保存在本机。').waitFor();
    await page.getByLabel('用户名').fill('jiulong');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/fill\//);
    await allSent(page, target.id);
    await context.close();
  });

  it('keeps an officer\'s queued save on a phone handed to another officer, and sends it when the first signs in again', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await atVillageKept(page, 'gaotan');
    const target = await household(page, VILLAGES.gaotan, '突发严重困难户');
    await openLookback(page, target.headName);
    await context.setOffline(true);
    await fillSheet(page);
    // Saved, not submitted: this household's category (突发严重困难户) is one the sheet asks to correct first.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => unsent(page)).toBe(1);
    // 退出 with no signal, and the phone goes to 普安村's officer, who signs in once the network is back.
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').waitFor();
    const sends: string[] = [];
    context.on('request', (request) => {
      if (request.method() !== 'GET' && /\/submissions/.test(request.url())) sends.push(request.url());
    });
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await logIn(page, 'puan');
    await page.getByText('本机还有高滩村信息员的 1 份表未上传，需其本人登录后自动上传，不会丢失').waitFor();
    await page.getByRole('link', { name: /我的村/ }).click();
    await page.waitForURL(/\/villages\/500118104202/);
    await page.locator('.households li').first().waitFor();
    expect(await page.locator('.households .queue-line').count()).toBe(0);
    expect(sends).toEqual([]);
    expect(await unsent(page)).toBe(1);

    // 普安村's officer hands the phone back: 高滩村's signs in and the queue sends the sheet.
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').waitFor();
    await logIn(page, 'gaotan');
    await expect.poll(() => unsent(page), { timeout: 30_000 }).toBe(0);
    expect((await lookbacksOf(page, target.id)).map((c) => c.status)).toEqual(['draft']);
    expect(sends).toHaveLength(1);
    await context.close();
  });

  it('sends a submit once when the officer has two tabs open', async () => {
    const context = await env.phone();
    const first = await context.newPage();
    await logIn(first, 'jiulong');
    await toMyVillage(first);
    await first.waitForURL(/\/villages\/500118104203/);
    const target = await household(first, VILLAGES.jiulong, '脱贫不稳定户');
    const second = await context.newPage();
    await second.goto(`/villages/${VILLAGES.jiulong}`);
    await second.locator('.households li').first().waitFor();
    const sends: string[] = [];
    context.on('request', (request) => {
      if (request.method() !== 'GET' && /\/submissions/.test(request.url())) sends.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    // The tab in front is the one filling (a tab behind gets no animation frames to click on).
    await first.bringToFront();
    await openLookback(first, target.headName);
    await context.setOffline(true);
    await fillSheet(first);
    await first.getByRole('button', { name: '正式提交' }).click();
    await first.getByText('已排队：恢复网络后自动正式提交').waitFor();
    await second.locator('.households .queue-line').getByText('待上传').waitFor();
    sends.length = 0;

    // Both tabs hear the network return, and both work the queue.
    await context.setOffline(false);
    await Promise.all([first, second].map((p) => p.evaluate(() => window.dispatchEvent(new Event('online')))));
    await allSent(first, target.id);
    await expect.poll(() => second.locator('.households .queue-line').count()).toBe(0);
    expect(sends).toHaveLength(1);
    await context.close();
  });
});
