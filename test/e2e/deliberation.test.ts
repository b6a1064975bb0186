// 民主评议 and 公示 as a whole flow in Chromium (issue 17 part 4): the campaign sets a village
// appraisal and a 7-day notice before the township approves; an officer has submitted a
// household's form. The township reviewer finds 通过 replaced by the reason, records the
// village's meeting and posts the notice on the 评议公示 page, prints the notice (its household
// listed, no ID number), and — once the server's clock is past the period — approves.
// The server runs in this process (the built client, the real app over HTTP) so that its clock
// can be moved: 2021-11-20 17:00 China time, then 2021-11-28 00:00.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { createFixture, validBody, type Fixture } from '../helpers/serverFixture';
import { TEST_PASSWORD } from '../helpers/testServer';
import { buildClient, desktop, launchBrowser, logIn, watchCsp } from './harness';
import { fillMeeting, postNotice } from './deliberationBoard';

let fixture: Fixture;
let browser: Browser;
let url = '';
let close: () => void = () => {};
let submission = { id: '', headName: '', idNumber: '' };

beforeAll(async () => {
  const [clientDir, launched] = await Promise.all([buildClient(), launchBrowser()]);
  browser = launched;
  fixture = await createFixture({ config: { clientDir, session: { idleMinutes: 60 * 24 * 30, maxHours: 24 * 30, secureCookie: false } } });
  const server = serve({ fetch: fixture.server.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  const campaign = (await fixture.admin.get('/api/campaigns/test-2021')).body;
  const steps = [
    { id: 'appraisal', kind: 'appraisal', title: '民主评议', before: 'township' },
    { id: 'notice', kind: 'notice', title: '公示', before: 'township', days: 7 },
  ];
  expect((await fixture.admin.patch('/api/campaigns/test-2021', { revision: campaign.revision, approvalSteps: { [SAMPLE_FORM_ID]: steps } })).status).toBe(200);
  const household = fixture.households[0]!;
  const body = { ...validBody(household.id), submit: true };
  const made = await fixture.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body);
  expect(made.status, made.text).toBe(201);
  submission = { id: made.body.id, headName: household.headName, idNumber: (body.data.members as { idNumber: string }[])[0]!.idNumber };
}, 240_000);

afterAll(async () => {
  await browser?.close();
  close();
  await fixture?.server.close();
});

describe('民主评议 and 公示 before the township approves', () => {
  it('records the meeting, posts and prints the notice, and approves once the period is over', async () => {
    const context = await desktop(browser, url);
    const csp = await watchCsp(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, 'xiangzhen', TEST_PASSWORD);

    // 通过 is replaced by why the township may not approve yet.
    await page.goto(`/review/submissions/${submission.id}`);
    await page.getByText('暂不能通过：等待“民主评议”：本户的评议结果尚未记录').waitFor();
    expect(await page.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);

    // The village's meeting, on the 评议公示 page.
    await page.goto('/review/deliberation');
    await page.getByRole('link', { name: '评议公示' }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.getByRole('navigation', { name: '地区' }).getByRole('button', { name: /^高滩村/ }).click();
    await page.waitForURL(/division=500118104201/);
    await page.getByRole('checkbox', { name: `选择 ${submission.headName}` }).check();
    const meeting = await fillMeeting(page);
    await meeting.getByRole('button', { name: '保存' }).click();
    const row = page.locator('.rv-table tbody tr').filter({ hasText: submission.headName });
    await row.getByText('等待“公示”：本户尚未公示').waitFor();

    // The notice: 7 days from 2021-11-21, to 2021-11-27.
    await postNotice(page, row);

    // The printed notice lists the household, without its ID number.
    await page.getByRole('link', { name: '打印公示' }).click();
    await page.waitForURL(/\/review\/deliberation\/notices\/.+\/print/);
    await page.getByRole('heading', { name: '高滩村农户核查表（测试）公示' }).waitFor();
    const sheet = page.locator('.notice-sheet');
    await sheet.getByRole('cell', { name: submission.headName, exact: true }).waitFor();
    expect(await sheet.textContent()).toContain('公示期为 7 天（2021-11-21 至 2021-11-27）');
    expect(await sheet.textContent()).not.toContain(submission.idNumber);

    // Still shut during the period; open once the server's clock passes it. The history shows what the village recorded.
    await page.goto(`/review/submissions/${submission.id}`);
    await page.locator('.rv-history').getByText('意见：公示：2021-11-21 至 2021-11-27（7 天）').waitFor();
    await page.getByText('暂不能通过：公示期至 2021-11-27 结束，期满后方可审核').waitFor();
    fixture.server.clock.time = Date.parse('2021-11-27T16:00:00Z');
    await page.reload();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过，等待县级确定').waitFor();
    expect((await fixture.township.get(`/api/submissions/${submission.id}`)).body).toMatchObject({ status: 'submitted', reviewLevel: 1 });
    expect(csp.violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
