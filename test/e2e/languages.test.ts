// An officer switches a form to English on a phone (issue 18), in Chromium against the real
// server and the demo township: the member-additions form, which ships with English, shows its
// labels, options and the app's buttons in English, the engine's messages too, and the phone
// remembers the choice through a reload.
import { describe, expect, it } from 'vitest';
import { logIn, toMyVillage } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();

describe('a form in English on a phone', () => {
  it('switches the member-additions form to English and keeps it so', async () => {
    const context = await env.phone();
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.waitForURL(/\/villages\/500118104201/);
    await page.locator('a[href^="/households/"]').first().click();
    await page.waitForURL(/\/households\//);
    await page.getByRole('link', { name: /家庭成员自然增加情况表/ }).first().click();
    // The form is open in two campaigns: the officer picks 2021's.
    await page.getByRole('button', { name: /2021年度防返贫监测/ }).click();
    await page.waitForURL(/\/fill\//);

    const picker = page.getByRole('combobox', { name: '语言' });
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual(['中文', 'English']);
    await page.getByText('A1 姓名').first().waitFor();

    await picker.selectOption('en');
    await page.getByText('A1 Name').first().waitFor();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Natural additions to the members/);
    await expect(page.getByRole('radio', { name: 'Female' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: 'Added members' }).count()).resolves.toBeGreaterThan(0);
    expect(await page.getByText('A1 姓名').count()).toBe(0);

    // The engine's messages are English too: submitting the empty row lists what is required.
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('A1 Name: is required');

    await page.reload();
    await page.getByText('A1 Name').first().waitFor();
    await expect(page.getByRole('combobox', { name: 'Language' }).inputValue()).resolves.toBe('en');
    await context.close();
  });
});
