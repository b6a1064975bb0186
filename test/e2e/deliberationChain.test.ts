// The identification chain with 民主评议 and 公示 as a whole flow in Chromium (issue 17): the
// administrator sets the 2021 campaign's 新识别 form to go through a village appraisal and a 7-day
// notice before the township; the village officer submits a new household's identification,
// then on the phone's 评议公示 page records the meeting (同意) and posts the notice, and opens
// the notice to print (no ID numbers). The township reviewer sees the gate's reason instead of
// 通过; once the server's clock is past the period, the township and then the county approve and
// the household exists as a monitoring object.
// The server runs in this process (the built client, the real app over HTTP, the demo township
// and the shipped forms) so that its clock can be moved: 2021-11-20 17:00 China time, then
// 2021-11-28 00:00.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/testServer';
import { buildClient, desktop, launchBrowser, logIn, phone, watchCsp } from './harness';
import cases from '../../form-definitions/poverty-identification/cases.json';
import { fillMeeting, postNotice } from './deliberationBoard';

const FORM = 'poverty-identification';
const VILLAGE = '500118104201';
let server: TestServer;
let browser: Browser;
let url = '';
let close: () => void = () => {};
let submissionId = '';
// The form's own complete case: 陈国华's household of four in 高滩村, not registered in the demo.
const household = cases[0]!.data;
const ids = household.members.map((m) => m.A4);

beforeAll(async () => {
  const [clientDir, launched] = await Promise.all([buildClient(), launchBrowser()]);
  browser = launched;
  server = await startTestServer({ demo: true, kind: 'sqlite', config: { clientDir, session: { idleMinutes: 60 * 24 * 30, maxHours: 24 * 30, secureCookie: false } } });
  const listening = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => listening.once('listening', resolve));
  url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  close = () => listening.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  close();
  await server?.close();
});

describe('a new household through 民主评议 and 公示 to a monitoring object', () => {
  it('is appraised and posted by the village on the phone, waits out the notice, then is approved by township and county', async () => {
    // The administrator puts 民主评议 and a 7-day 公示 before the township level (the campaign API).
    const admin = await server.login('admin');
    const campaign = await admin.get('/api/campaigns/2021');
    expect(campaign.status, campaign.text).toBe(200);
    const steps = [
      { id: 'appraisal', kind: 'appraisal', title: '民主评议', before: 'township' },
      { id: 'notice', kind: 'notice', title: '公示', before: 'township', days: 7 },
    ];
    const patched = await admin.patch('/api/campaigns/2021', { revision: campaign.body.revision, approvalSteps: { [FORM]: steps } });
    expect(patched.status, patched.text).toBe(200);

    // On the phone: from 我的待办 to 评议公示, the village's board.
    const phoneContext = await phone(browser, url);
    const phoneCsp = await watchCsp(phoneContext);
    const page = await phoneContext.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, 'gaotan', TEST_PASSWORD);
    await page.waitForURL(/\/todo$/);

    // The officer's identification of a household not yet registered: its answers saved as a
    // draft (the form's own complete case, standing in for typing them), submitted on the phone.
    const officer = await server.login('gaotan', TEST_PASSWORD);
    const made = await officer.post(`/api/forms/${FORM}/submissions`, { id: randomUUID(), campaignId: '2021', submit: false, data: household });
    expect(made.status, made.text).toBe(201);
    submissionId = made.body.id;
    await page.goto(`/fill/${submissionId}`);
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待').waitFor();
    expect((await officer.get(`/api/submissions/${submissionId}`)).body).toMatchObject({ status: 'submitted', reviewLevel: 0 });
    await page.goto('/todo');
    await page.getByRole('link', { name: '评议公示' }).click();
    await page.waitForURL(/\/deliberation$/);
    await page.getByRole('heading', { name: '高滩村村民委员会 · 新识别贫困户信息采集表' }).waitFor();
    const row = page.locator('.rv-table tbody tr').filter({ hasText: '陈国华' });
    await row.getByText('等待“民主评议”：本户的评议结果尚未记录').waitFor();

    // The meeting, 同意.
    await row.getByRole('checkbox', { name: '选择 陈国华' }).check();
    const meeting = await fillMeeting(page);
    expect(await meeting.getByLabel('陈国华 评议结果').inputValue()).toBe('agree');
    await meeting.getByRole('button', { name: '保存' }).click();
    await row.getByText('等待“公示”：本户尚未公示').waitFor();
    // Phone-sized: the board does not make the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The notice: 7 days from 2021-11-21, to 2021-11-27.
    await postNotice(page, row);

    // The notice to print, on the officer's own page: the household, no ID number.
    await page.getByRole('link', { name: '打印公示' }).click();
    await page.waitForURL(/\/deliberation\/notices\/.+\/print$/);
    await page.getByRole('heading', { name: '高滩村村民委员会新识别贫困户信息采集表公示' }).waitFor();
    const sheet = page.locator('.notice-sheet');
    await sheet.getByRole('cell', { name: '陈国华', exact: true }).waitFor();
    const printed = (await sheet.textContent()) ?? '';
    expect(printed).toContain('公示期为 7 天（2021-11-21 至 2021-11-27）');
    // 监测对象类别 / 主要风险 as they will be once approved: the kind from the income, A27a as the risk.
    expect(await sheet.locator('tbody tr').first().textContent()).toMatch(/^1陈国华4(边缘易致贫户|突发严重困难户) \/ 因病$/);
    expect(printed).toContain('高滩村村委会，临江镇人民政府 023-49000000');
    for (const id of ids) expect(printed).not.toContain(id);
    expect(await page.content()).not.toMatch(/\d{17}[\dX]/);
    expect(phoneCsp.violations).toEqual([]);
    expect(errors).toEqual([]);
    await phoneContext.close();

    // The township: the gate's reason in place of 通过 during the period.
    const desk = await desktop(browser, url);
    const deskCsp = await watchCsp(desk);
    const review = await desk.newPage();
    review.on('pageerror', (e) => errors.push(e.message));
    await logIn(review, 'linjiang', TEST_PASSWORD);
    await review.goto(`/review/submissions/${submissionId}`);
    await review.getByText('暂不能通过：公示期至 2021-11-27 结束，期满后方可审核').waitFor();
    expect(await review.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);

    // Past the period (2021-11-28 00:00 China time): township, then county approve.
    server.clock.time = Date.parse('2021-11-27T16:00:00Z');
    await review.reload();
    await review.getByRole('button', { name: '通过', exact: true }).click();
    await review.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '通过' }).click();
    await review.getByText('已通过，等待县级确定').waitFor();
    await review.context().clearCookies();
    await logIn(review, 'yongchuan', TEST_PASSWORD);
    await review.goto(`/review/submissions/${submissionId}`);
    await review.getByRole('button', { name: '通过', exact: true }).click();
    await review.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '通过' }).click();
    await review.getByText(/已通过/).first().waitFor();

    // The household exists as a monitoring object.
    const approved = await admin.get(`/api/submissions/${submissionId}`);
    expect(approved.body).toMatchObject({ status: 'approved' });
    const listed = await admin.get(`/api/households?division=${VILLAGE}&q=${encodeURIComponent('陈国华')}`);
    expect(listed.status, listed.text).toBe(200);
    const created = (listed.body.items as { headName: string; kind: string; id: string }[]).find((h) => h.headName === '陈国华');
    expect(created?.kind).toMatch(/^(边缘易致贫户|突发严重困难户)$/);
    expect((await admin.get(`/api/households/${created!.id}`)).body).toMatchObject({ headName: '陈国华', mainRisk: '因病' });
    expect(deskCsp.violations).toEqual([]);
    expect(errors).toEqual([]);
    await desk.close();
  }, 180_000);
});
