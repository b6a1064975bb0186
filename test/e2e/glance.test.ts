// The officer's work at a glance in Chromium, at phone size, against the real server and the demo
// township: a 回头看 sheet the township returned shows on 我的待办 with the reviewer's comment, first
// in the village's list and alone under the 被退回 filter; with the network cut after 离线下载本村数据,
// 我的待办 still shows it and the sheet still opens.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, logIn, phone, startServer, toMyVillage, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
const VILLAGE = '500118104203';
const COMMENT = 'C2 收入区间与务工收入不符，请核实后重新提交';
const ANSWERS = {
  B1: false, B2: false, B3: false, B4: true, C1: false, C2: '6000-9000元', C3: '外出务工', C4: false,
  monitors: [{ D1: '任晓东', D2: '13896512345' }],
  D5: '因病', D6: ['缺劳动力'], D7: '户主2020年确诊慢性病，每月自付医药费约800元；家庭收入主要来源是务工，平均每月收入约2500元。',
  D8: '健康帮扶', D9: ['综合保障'], D10: '2021-12',
};
let returned: { id: string; headName: string };

async function session(username: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

/** 九龙村's officer submits the 回头看 sheet of a monitored household; the township returns it with a comment. */
async function submitAndReturn(): Promise<{ id: string; headName: string }> {
  const officer = await session('jiulong');
  const list = await (await fetch(`${server.url}/api/households?division=${VILLAGE}&kind=${encodeURIComponent('监测户')}`, { headers: { Cookie: officer.cookie } })).json();
  type H = { id: string; kind: string; riskEliminatedMonth?: string; address: string; headName: string; headIdNumber: string; members: unknown[]; mainRisk: string; identifiedMonth: string };
  const h = (list.items as H[]).find((x) => ['脱贫不稳定户', '边缘易致贫户'].includes(x.kind) && !x.riskEliminatedMonth)!;
  const data = { A1: h.address, A2: h.headName, A3: h.headIdNumber, A4: h.members.length, A5: h.kind, A6: h.mainRisk, A7: h.identifiedMonth, ...ANSWERS };
  const id = randomUUID();
  const created = await fetch(`${server.url}/api/forms/lookback/submissions`, {
    method: 'POST', headers: { Cookie: officer.cookie, 'X-CSRF-Token': officer.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, householdId: h.id, data, submit: true }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const township = await session('linjiang');
  const { revision } = await (await fetch(`${server.url}/api/submissions/${id}`, { headers: { Cookie: township.cookie } })).json();
  const review = await fetch(`${server.url}/api/submissions/${id}/review`, {
    method: 'POST', headers: { Cookie: township.cookie, 'X-CSRF-Token': township.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision: 'return', comment: COMMENT, revision }),
  });
  expect(review.status, await review.clone().text()).toBe(200);
  return { id, headName: h.headName };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  returned = await submitAndReturn();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });

describe('the officer\'s work at a glance', () => {
  it('shows a returned household on 我的待办 and first in the village list, filters by state, and keeps working offline', async () => {
    const context = await phone(browser, server.url);
    const page = await context.newPage();
    await logIn(page, 'jiulong');
    await page.waitForURL(/\/todo$/);
    const todo = region(page, /被退回，待修改/);
    expect(await todo.getByRole('heading').textContent()).toBe('被退回，待修改（1）');
    const item = todo.getByRole('link', { name: new RegExp(returned.headName) });
    expect(await item.textContent()).toContain(`退回意见：${COMMENT}`);
    expect(await item.getAttribute('href')).toBe(`/fill/${returned.id}`);
    await region(page, /未开始/).waitFor();

    await toMyVillage(page);
    const first = page.locator('.households .card-link').first();
    await first.getByText(returned.headName, { exact: true }).waitFor();
    expect(await first.textContent()).toMatch(new RegExp(`被退回 监测对象“回头看”信息采集表（2021）退回意见：${COMMENT}`));
    await page.getByRole('button', { name: '被退回 1' }).click();
    await page.waitForURL(/state=returned/);
    await page.waitForFunction(() => document.querySelectorAll('.households .card-link').length === 1);
    expect(await page.locator('.households .card-link strong').allTextContents()).toEqual([returned.headName]);
    await page.getByRole('button', { name: '已通过 0' }).click();
    await page.waitForURL(/state=approved/);
    await page.getByText('没有符合条件的农户').waitFor();
    const unfilled = page.getByRole('button', { name: /^未填 \d+$/ });
    const count = Number((await unfilled.textContent())!.replace(/\D/g, ''));
    await unfilled.click();
    await page.waitForURL(/state=unfilled/);
    await page.waitForFunction((n) => document.querySelectorAll('.households .card-link').length === n, count);

    // A day with no signal: the village downloaded, then the network cut.
    await page.getByRole('button', { name: /离线下载本村数据/ }).click();
    await page.getByRole('button', { name: /已下载 \d+ 户，可离线填报/ }).waitFor({ timeout: 60_000 });
    await context.setOffline(true);
    await page.getByRole('link', { name: '返回' }).click();
    await page.waitForURL(/\/todo$/);
    await page.getByText(/无网络，显示的是 .* 保存的数据/).waitFor();
    const offlineItem = region(page, /被退回，待修改/).getByRole('link', { name: new RegExp(returned.headName) });
    expect(await offlineItem.textContent()).toContain(COMMENT);
    await offlineItem.click();
    await page.waitForURL(new RegExp(`/fill/${returned.id}`));
    await page.getByRole('alert').filter({ hasText: `被退回：${COMMENT}` }).waitFor();
    await context.close();
  });
});
