// The whole chain from a resident's phone to a household included (issue 17), in Chromium against
// the real server and the demo township, with the shipped campaigns and forms: a resident opens
// /apply/500118 on a phone, applies (the page solves the proof-of-work) and keeps the receipt; the
// 高滩村 officer finds the application in 重点核查户, opens the identification form from it (the
// applicant as 户主, the applied-for risk ticked), completes and submits it; the township, then the
// county approve it on the reviewer's page; the household is a monitoring object, the item is
// 已纳入, and the resident's status page, by receipt and ID number, says 已纳入监测.
import { describe, expect, it } from 'vitest';
import { logInOverApi, type RegistryHousehold } from './api';
import { logIn, watchCsp } from './harness';
import { answerHead, answerVisit, approveByTownshipAndCounty, openIdentification } from './identificationSheet';
import { field, input } from './lookbackSheet';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser({ APPLY_DIFFICULTY: '8' });
const GAOTAN = '500118104201';
/** 刘建华, born 1978-03-04 in 永川, a man: a valid number (GB 11643 check digit) no one in the demo has. */
const LIU = '500118197803042116';

describe('from a resident\'s phone to a household included', () => {
  it('applies, is verified, identified, approved twice, and the status page says 已纳入监测', async () => {
    // The resident, on a phone, with no account.
    const residentContext = await env.phone();
    const csp = await watchCsp(residentContext);
    const resident = await residentContext.newPage();
    await resident.goto('/apply/500118');
    await resident.getByLabel('所在村').selectOption(GAOTAN);
    await resident.getByLabel('申请人姓名').fill('刘建华');
    await resident.locator('form.wn-form').getByLabel('身份证号').fill(LIU);
    await resident.getByLabel('联系电话').fill('13908231234');
    await resident.getByLabel('遇到的主要困难（风险）').selectOption('因病');
    await resident.getByLabel('家庭困难情况说明').fill('今年三月妻子确诊尿毒症，每周透析三次，自付医药费每月约三千元，本人不能外出务工。');
    await resident.getByRole('radio', { name: '是' }).click();
    await resident.getByRole('button', { name: '提交申请' }).click();
    const receipt = (await resident.getByTestId('receipt').textContent({ timeout: 30_000 }))!;
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);

    // The officer of 高滩村: the application waits in 重点核查户; the identification form opens from it.
    const officerContext = await env.phone();
    const officer = await officerContext.newPage();
    await logIn(officer, 'gaotan');
    await officer.goto(`/villages/${GAOTAN}/verification`);
    const card = officer.locator('li.verification-item').filter({ hasText: '刘建华' });
    await card.getByText('自主申请（因病）').waitFor();
    const submissionId = await openIdentification(officer, card);
    // Pre-filled from the application: the applicant as 户主 of the village, 因病 ticked in A27.
    await expect(input(officer, '/divisionCode').inputValue()).resolves.toBe(GAOTAN);
    await expect(field(officer, '/members/0').locator('summary').textContent()).resolves.toContain('刘建华');
    await expect(field(officer, '/A27').getByRole('checkbox', { name: '因病' }).isChecked()).resolves.toBe(true);

    await field(officer, '/address').getByRole('button', { name: '更正' }).click();
    await input(officer, '/address').fill('重庆市永川区临江镇高滩村3组12号');
    await answerHead(officer);
    await answerVisit(officer, '突发严重困难户', { A28: '36000', A29: '0', A30: '0', A31: '1200', A32: '0', A35: '0', A36: '26000' });
    await officer.getByRole('button', { name: '正式提交' }).click();
    await officer.getByText('此表已提交，正在等待').waitFor({ timeout: 30_000 });
    await officer.goto(`/villages/${GAOTAN}/verification`);
    await officer.locator('li.verification-item').filter({ hasText: '刘建华' }).getByText('已打开识别表').waitFor();

    // The township, then the county, on the reviewer's page.
    await approveByTownshipAndCounty(() => env.desktop(), submissionId);

    // A monitoring object of 高滩村 now; its item 已纳入.
    const api = await logInOverApi(env.server, 'gaotan');
    const households = (await api.get<{ items: RegistryHousehold[] }>(`/api/households?division=${GAOTAN}&q=${encodeURIComponent('刘建华')}`)).body.items;
    expect(households).toEqual([expect.objectContaining({ headName: '刘建华', kind: '突发严重困难户' })]);
    await officer.goto(`/villages/${GAOTAN}/verification`);
    await officer.getByRole('button', { name: '已纳入', exact: true }).click();
    await officer.locator('li.verification-item').filter({ hasText: '刘建华' }).waitFor();

    // The resident reads the status with the receipt and the ID number.
    await resident.locator('#status-receipt').fill(receipt);
    await resident.locator('#status-id').fill(LIU);
    await resident.getByRole('button', { name: '查询' }).click();
    await resident.getByRole('status').filter({ hasText: '已纳入监测' }).waitFor();
    expect(csp.violations).toEqual([]);
  }, 240_000);
});
