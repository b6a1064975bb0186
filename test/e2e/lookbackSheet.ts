// The officer's steps on the 回头看 sheet in Chromium, shared by the e2e flows: fields by JSON
// Pointer, opening a household's sheet, and filling the branch where the risk remains.
import type { Page } from 'playwright-core';

export const field = (page: Page, pointer: string) => page.locator(`[data-pointer="${pointer}"]`);
export const input = (page: Page, pointer: string) => page.locator(`[id="root${pointer}"]`);

/** From a village's list: the household headed by headName, then its 回头看 sheet. */
export async function openLookback(page: Page, headName: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(headName) }).first().click();
  await page.waitForURL(/\/households\//);
  await page.getByRole('link', { name: /监测对象“回头看”信息采集表/ }).first().click();
  await page.waitForURL(/\/fill\//);
  await field(page, '/riskState').waitFor();
}

export async function answer(page: Page, pointer: string, option: string): Promise<void> {
  await field(page, pointer).getByRole('radio', { name: option, exact: true }).click();
}

/** B1–D10 of a household whose risk remains, all but the D7 narrative. */
export async function fillRemainingBranch(page: Page): Promise<void> {
  for (const [pointer, option] of [['/B1', '否'], ['/B2', '否'], ['/B3', '否'], ['/B4', '是'], ['/C1', '否'], ['/C4', '否']]) await answer(page, pointer!, option!);
  await answer(page, '/C2', '6000-9000元');
  await answer(page, '/C3', '外出务工');
  await input(page, '/monitors/0/D1').fill('周志勇');
  await input(page, '/monitors/0/D2').fill('13508321234');
  await input(page, '/D5').selectOption({ label: '因病' });
  await input(page, '/D8').selectOption({ label: '健康帮扶' });
  await input(page, '/D10').fill('2021-12');
}
