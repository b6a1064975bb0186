// The officer's day on a phone, in Chromium against the real server and the demo township:
// the 回头看 sheet filled through one branch, a validation error met and fixed, submitted; a
// draft surviving a reload; work done offline sent when the network returns; a returned
// submission corrected and resubmitted; a warning explained (核实说明) before submitting, read by
// the township reviewer, who returns it pointing at a field and then approves it.
import { describe, expect, it } from 'vitest';
import { VALIDATORS_REVISION } from '@engine';
import { householdOf, logInOverApi, returnSubmission } from './api';
import { logIn, watchCsp, toMyVillage } from './harness';
import { answer, field, fillRemainingBranch, input, openLookback } from './lookbackSheet';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();

describe('an officer on a phone', () => {
  it('fills the 回头看 sheet through the unresolved-risk branch, meets and fixes an error, and submits, under a CSP it never violates', async () => {
    const context = await env.phone();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    const modules: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('/validators.js')) modules.push(`${r.status()} ${r.headers()['content-type']}`);
    });
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104201/);
    await page.getByRole('button', { name: '边缘易致贫户' }).click();
    const target = await householdOf(page, '500118104201', '边缘易致贫户');
    await openLookback(page, target.headName);

    // The registry's values are pre-filled for verification, and the branch follows A8.
    await expect(field(page, '/A2').locator('output').textContent()).resolves.toBe(target.headName);
    await field(page, '/A2').getByRole('button', { name: '核实无误' }).click();
    await expect(field(page, '/riskState').locator('output').textContent()).resolves.toBe('未消除风险：填写 D5-D10');
    expect(await page.locator('#section-risk-eliminated').count()).toBe(0);
    expect(await page.locator('#section-risk-remaining').count()).toBe(1);

    await fillRemainingBranch(page);
    await input(page, '/D7').fill('户主患病');
    await input(page, '/D7').blur();
    await expect(field(page, '/D7').getByRole('alert').textContent()).resolves.toMatch(/D7 家庭困难现状描述.*20/);

    await page.getByRole('button', { name: '正式提交' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('D7');
    await summary.getByRole('button', { name: /D7/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('root/D7');

    await input(page, '/D7').fill('户主冉光明 2020 年确诊慢性肾病，每月自付医药费约 800 元，家庭收入主要靠儿子外出务工，每月约 3000 元。');
    await expect(field(page, '/D7').getByRole('alert').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待').waitFor();

    const submissions = await (await page.request.get(`/api/households/${target.id}`)).json();
    const sent = submissions.submissions.find((s: { formId: string }) => s.formId === 'lookback');
    expect(sent.status).toBe('submitted');
    const detail = await (await page.request.get(`/api/submissions/${sent.id}`)).json();
    expect(detail.data).toMatchObject({ A2: target.headName, D5: '因病', riskState: '未消除风险：填写 D5-D10', monitors: [{ D1: '周志勇', D2: '13508321234' }] });
    expect(detail.data).not.toHaveProperty('D3');
    // The form's validators came precompiled from the server: the page evaluated no code.
    expect(modules.length).toBeGreaterThan(0);
    for (const answer of modules) expect(answer).toMatch(/^200 text\/javascript/);
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it('keeps a draft on the phone through a reload', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\//);
    const target = await householdOf(page, '500118104201', '脱贫不稳定户');
    await openLookback(page, target.headName);
    await answer(page, '/B3', '是');
    await input(page, '/D7').fill('房屋年久失修，雨季漏雨，需要危房改造。');
    await page.getByText(/已保存在本机/).waitFor();
    await page.reload();
    await field(page, '/D7').waitFor();
    expect(await input(page, '/D7').inputValue()).toBe('房屋年久失修，雨季漏雨，需要危房改造。');
    expect(await field(page, '/B3').getByRole('radio', { name: '是' }).getAttribute('aria-checked')).toBe('true');
    await context.close();
  });

  it('keeps working with no signal, says so, and sends the submission when the network returns', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'puan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104202/);
    const target = await householdOf(page, '500118104202', '边缘易致贫户');
    await openLookback(page, target.headName);

    await context.setOffline(true);
    await page.getByText(/当前无网络/).waitFor();
    await fillRemainingBranch(page);
    await input(page, '/D7').fill('2021 年 3 月遭受冰雹，玉米和烤烟减产七成，家庭经营收入锐减。');
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('已排队：恢复网络后自动正式提交').waitFor();

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => {
      const detail = await (await page.request.get(`/api/households/${target.id}`)).json();
      return detail.submissions.find((s: { formId: string }) => s.formId === 'lookback')?.status;
    }, { timeout: 20_000 }).toBe('submitted');
    await context.close();
  });

  it('opens with no signal after one visit, showing the village as it was kept', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104201/);
    await page.locator('.households li').first().waitFor();
    // Ready means installed: the app and its files are kept on the phone.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator('.households li').first().waitFor();
    const names = await page.locator('.households li strong').allTextContents();

    await context.setOffline(true);
    await page.reload();
    await page.getByText(/无网络，显示的是/).waitFor();
    expect(await page.locator('.households li strong').allTextContents()).toEqual(names);
    await page.locator('.households li a').first().click();
    await page.getByText(/当前无网络/).waitFor();
    await context.close();
  });

  it('fills a form with no signal after the village was downloaded, its validators kept on the phone', async () => {
    const context = await env.phone();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104201/);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.getByRole('button', { name: /离线下载本村数据/ }).click();
    await page.getByText(/已下载 \d+ 户，可离线填报/).waitFor();
    // Kept by the service worker, not only in the browser's cache (which may let it go).
    const kept = `/api/forms/lookback/versions/1/validators.js?r=${VALIDATORS_REVISION}`;
    await expect.poll(() => page.evaluate(async (url) => !!(await caches.match(url)), kept)).toBe(true);
    const target = await householdOf(page, '500118104201', '脱贫不稳定户', true);

    await context.setOffline(true);
    await openLookback(page, target.headName);
    await input(page, '/monitors/0/D2').fill('1350832');
    // Validated on the phone, with the version's precompiled validators the worker kept.
    await page.getByRole('button', { name: '正式提交' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toMatch(/D2 监测责任人联系电话/);
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it('corrects and resubmits a submission the township returned with a comment', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'jiulong');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104203/);
    const target = await householdOf(page, '500118104203', '脱贫不稳定户');
    await openLookback(page, target.headName);
    await fillRemainingBranch(page);
    await input(page, '/D7').fill('家中两位老人长期患病，劳动力不足，收入来源单一。');
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待').waitFor();
    const submissionId = new URL(page.url()).pathname.split('/').pop()!;

    // The township reviewer returns it (through the API here; the reviewer's pages have their own flow).
    await returnSubmission(await logInOverApi(env.server, 'linjiang'), submissionId, 'C2 收入区间与务工收入不符，请核实后重报');

    await page.goto(`/households/${target.id}`);
    await page.getByText('被退回：C2 收入区间与务工收入不符，请核实后重报').waitFor();
    await page.getByRole('link', { name: /监测对象“回头看”信息采集表/ }).first().click();
    await page.locator('.banner.returned').waitFor();
    await answer(page, '/C2', '9000-13500元');
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待').waitFor();
    const detail = await (await page.request.get(`/api/submissions/${submissionId}`)).json();
    expect(detail).toMatchObject({ status: 'submitted', data: { C2: '9000-13500元' } });
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['submit', 'return']));
    await context.close();
  });

  it('explains a warning before submitting; the township reviewer reads it, returns the sheet pointing at a field, then approves it', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'jiulong');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104203/);
    const target = await householdOf(page, '500118104203', '边缘易致贫户');
    await openLookback(page, target.headName);
    await fillRemainingBranch(page);
    await input(page, '/D7').fill('户主儿子在县城务工，收入不稳定，家中有一名慢性病老人需长期服药。');

    // The warning shows as soon as its rule holds, nothing left or submitted, and goes when it no longer holds.
    const c1Warning = field(page, '/C1').locator('.issue.warning');
    await answer(page, '/C1', '是');
    await c1Warning.filter({ hasText: '新四类人员' }).waitFor();
    await answer(page, '/C1', '否');
    await c1Warning.waitFor({ state: 'detached' });
    await answer(page, '/C1', '是');
    await c1Warning.waitFor();

    // 正式提交 lists the warnings and asks for an explanation of each before sending anything.
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText(/还有 \d+ 条提示未填写核实说明/).waitFor();
    const summary = page.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('新四类人员');
    const boxes = summary.getByLabel(/核实说明/);
    const explanation = '经入户核实，家中无“新四类人员”，收入来源为务工，已核实';
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill(explanation);
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待').waitFor();
    const submissionId = new URL(page.url()).pathname.split('/').pop()!;
    const sent = await (await page.request.get(`/api/submissions/${submissionId}`)).json();
    expect(sent.explanations['c1-new-four']).toBe(explanation);

    // The township reviewer reads the explanation beside the form, marks C2 and returns the sheet.
    const desk = await env.desktop();
    const review = await desk.newPage();
    await logIn(review, 'linjiang');
    await review.goto(`/review/submissions/${submissionId}`);
    await review.getByText(`核实说明：${explanation}`).first().waitFor();
    await review.locator('[data-pointer="/C2"]').getByRole('button', { name: '标注' }).click();
    await review.locator('textarea[id="note-/C2"]').fill('收入区间与务工收入不符，请核实');
    await review.getByRole('button', { name: '退回', exact: true }).click();
    const returning = review.getByRole('dialog', { name: '退回给信息员修改' });
    await expect(returning.textContent()).resolves.toContain('收入区间与务工收入不符，请核实');
    await returning.getByLabel('退回原因（必填）').fill('请按标注修改后重新提交');
    await returning.getByRole('button', { name: '退回' }).click();
    await review.getByText('已退回，等待信息员修改').waitFor();

    // The officer sees the note at C2 and at the top, corrects C2 and submits again: the explanation stands.
    await page.goto(`/fill/${submissionId}`);
    await page.getByRole('region', { name: '审核员标注了 1 处需要修改：' }).waitFor();
    await field(page, '/C2').getByText('审核意见：收入区间与务工收入不符，请核实').waitFor();
    await answer(page, '/C2', '9000-13500元');
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待').waitFor();

    // Before approving, the dialog lists the warning with the officer's explanation.
    await review.reload();
    await review.getByRole('button', { name: '通过', exact: true }).click();
    const approving = review.getByRole('dialog', { name: '审核通过' });
    const read = approving.getByRole('region', { name: /通过前请阅读信息员的核实说明/ });
    await expect(read.textContent()).resolves.toContain('新四类人员');
    await expect(read.textContent()).resolves.toContain(`核实说明：${explanation}`);
    await approving.getByRole('button', { name: '通过' }).click();
    await review.getByText('已通过，等待县级确定').waitFor();
    const approved = await (await page.request.get(`/api/submissions/${submissionId}`)).json();
    expect(approved).toMatchObject({ status: 'submitted', reviewLevel: 1, explanations: { 'c1-new-four': explanation }, fieldNotes: [] });
    expect(approved.history.find((e: { action: string }) => e.action === 'return').fieldNotes).toEqual([{ path: '/C2', note: '收入区间与务工收入不符，请核实' }]);
    await desk.close();
    await context.close();
  });
});
