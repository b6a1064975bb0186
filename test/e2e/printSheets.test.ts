// The signed paper sheet in Chromium (issue 16): three 回头看 sheets of 高滩村, submitted by the
// village's officer and approved by the township and the county (through the API here); the
// township reviewer narrows the table to the village, opens 打印本村已通过的表, and the browser's
// print to PDF on A4 gives one page a sheet; one submission's 打印 gives one page.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, desktop, launchBrowser, logIn, startServer, watchCsp, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
const VILLAGE = '500118104201';
const ANSWERS = {
  B1: false, B2: false, B3: false, B4: true, C1: false, C2: '6000-9000元', C3: '外出务工', C4: false,
  monitors: [{ D1: '任晓东', D2: '13896512345' }],
  D5: '因病', D6: ['缺劳动力'], D7: '户主2020年确诊慢性病，每月自付医药费约800元；家庭收入主要来源是务工，平均每月收入约2500元。',
  D8: '健康帮扶', D9: ['综合保障'], D10: '2021-12',
};

async function call(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const response = await fetch(`${server.url}${path}`, {
    method, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** 高滩村's officer submits three 回头看 sheets; the township, then the county, approves each. */
async function threeApproved(): Promise<string[]> {
  type H = { id: string; kind: string; riskEliminatedMonth?: string; address: string; headName: string; headIdNumber: string; members: unknown[]; mainRisk: string; identifiedMonth: string };
  const list = await call('gaotan', 'GET', `/api/households?division=${VILLAGE}&pageSize=50`);
  const households = (list.body.items as H[]).filter((h) => ['脱贫不稳定户', '边缘易致贫户'].includes(h.kind)).slice(0, 3);
  expect(households).toHaveLength(3);
  const ids: string[] = [];
  for (const h of households) {
    // A household whose risk was eliminated answers 风险已消除户 (A8, D3) instead of the difficulties.
    const eliminated = h.riskEliminatedMonth ? { A8: h.riskEliminatedMonth, D3: '产业帮扶' } : {};
    const data = { A1: h.address, A2: h.headName, A3: h.headIdNumber, A4: h.members.length, A5: h.kind, A6: h.mainRisk, A7: h.identifiedMonth, ...ANSWERS, ...eliminated };
    const created = await call('gaotan', 'POST', '/api/forms/lookback/submissions', { id: randomUUID(), householdId: h.id, data, submit: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let revision = created.body.revision as number;
    for (const reviewer of ['linjiang', 'yongchuan']) {
      const reviewed = await call(reviewer, 'POST', `/api/submissions/${created.body.id}/review`, { decision: 'approve', revision });
      expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
      revision = reviewed.body.revision as number;
    }
    ids.push(created.body.id as string);
  }
  return ids;
}

/** Pages of a PDF Chromium wrote: its page objects. */
function pagesOf(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

async function printed(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  return pagesOf(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
}

let approved: string[];
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  approved = await threeApproved();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the printed sheets on A4', () => {
  it('prints a village\'s approved sheets one a page, and one submission on one page', async () => {
    const context = await desktop(browser, server.url);
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'linjiang');
    await page.goto(`/review/forms/lookback?division=${VILLAGE}`);
    await page.getByRole('link', { name: '打印本村已通过的表' }).click();
    await page.waitForURL(/\/review\/print\?/);
    await page.getByText('共 3 份，每份一页（A4）').waitFor();
    expect(await page.getByRole('article').count()).toBe(3);
    await expect(page.getByRole('article').first().textContent()).resolves.toContain('填报单位：重庆市永川区临江镇高滩村');
    expect(await printed(page)).toBe(3);
    // Under print media each sheet but the last ends its page: three pages are one sheet each.
    const breaks = await page.locator('article.print-sheet').evaluateAll((sheets) => sheets.map((sheet) => getComputedStyle(sheet).breakAfter));
    expect(breaks).toEqual(['page', 'page', 'auto']);
    await expect(page.locator('.print-bar').isVisible()).resolves.toBe(false);

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`/review/submissions/${approved[0]}`);
    await page.getByRole('link', { name: '打印', exact: true }).click();
    await page.waitForURL(/\/print$/);
    await page.getByRole('article').waitFor();
    expect(await printed(page)).toBe(1);
    expect(csp.violations).toEqual([]);
    await context.close();
  }, 120_000);
});
