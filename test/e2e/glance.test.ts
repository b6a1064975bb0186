// The officer's work at a glance in Chromium, at phone size, against the real server and the demo
// township: a 回头看 sheet the township returned shows on 我的待办 with the reviewer's comment, first
// in the village's list and alone under the 被退回 filter; with the network cut after 离线下载本村数据,
// 我的待办 still shows it and the sheet still opens.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logInOverApi, householdsOf, returnSubmission, submitLookback } from './api';
import { logIn, toMyVillage } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();
const VILLAGE = '500118104203';
const COMMENT = 'C2 收入区间与务工收入不符，请核实后重新提交';
let returned: { id: string; headName: string };

/** 九龙村's officer submits the 回头看 sheet of a monitored household; the township returns it with a comment. */
beforeAll(async () => {
  const officer = await logInOverApi(env.server, 'jiulong');
  const h = (await householdsOf(officer, VILLAGE, '监测户')).find((x) => ['脱贫不稳定户', '边缘易致贫户'].includes(x.kind) && !x.riskEliminatedMonth)!;
  const id = await submitLookback(officer, h);
  await returnSubmission(await logInOverApi(env.server, 'linjiang'), id, COMMENT);
  returned = { id, headName: h.headName };
});

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });

describe('the officer\'s work at a glance', () => {
  it('shows a returned household on 我的待办 and first in the village list, filters by state, and keeps working offline', async () => {
    const context = await env.phone();
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
