// The officer's and reviewers' steps on the identification form (易返贫致贫户信息采集表,
// monitoring-object) in Chromium, shared by the chain flows: a field set the way its widget takes
// it, the answers of a visit, and an approval on the reviewer's page.
import type { BrowserContext, Page } from 'playwright-core';
import { logIn } from './harness';
import { field, input } from './lookbackSheet';
import { sign } from './signature';

/** Sets one field the way its widget takes it: a button of a choice, an option, or typing. */
export async function set(page: Page, pointer: string, value: string): Promise<void> {
  const at = field(page, pointer);
  // Shown first (a member's row renders its fields once opened), then asked which widget it has.
  await at.waitFor();
  if (await at.locator('[role="radiogroup"]').count()) return at.getByRole('radio', { name: value, exact: true }).click();
  if (await at.locator('select').count()) {
    await at.locator('select').first().selectOption({ label: value });
    return;
  }
  await input(page, pointer).fill(value);
}

/**
 * What the visit finds, for the household as a whole: none of the 10 不纳入情形, 三保障 and water
 * secure, the year's money, the contact; then the household head and the officer sign (双签字确认).
 */
export async function answerVisit(page: Page, category: string, money: Record<string, string>): Promise<void> {
  for (const e of ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E10', 'A1', 'A23', 'A24', 'A25']) await set(page, `/${e}`, '否');
  await set(page, '/A3', category);
  for (const [key, value] of Object.entries(money)) await set(page, `/${key}`, value);
  await set(page, '/A55', '周志勇');
  await set(page, '/A55_phone', '13508321234');
  await sign(page, '/headSignature');
  await sign(page, '/officerSignature');
}

/** The one member of a new household, the head, as the visit finds him. */
export async function answerHead(page: Page): Promise<void> {
  await field(page, '/members/0').locator('summary').click();
  const answers: [string, string][] = [
    ['A6', '男'], ['A9', '汉族'], ['A10', '群众'], ['A11', '初中'], ['A12', '非在校生'], ['A13', '健康'], ['A14', '普通劳动力'],
    ['A17', '是'], ['A18', '是'], ['A19', '是'], ['A20', '否'], ['A21', '否'], ['A22', '否'],
  ];
  for (const [key, value] of answers) await set(page, `/members/0/${key}`, value);
}

/** From an item's card in 重点核查户: the identification form in the 2023 campaign. Answers the submission's id. */
export async function openIdentification(page: Page, card: ReturnType<Page['locator']>): Promise<string> {
  await card.getByRole('link', { name: '打开易返贫致贫户信息采集表' }).click();
  await page.getByRole('heading', { name: '选择填报活动' }).waitFor();
  await page.getByRole('button', { name: /^2023年度/ }).click();
  await page.waitForURL(/\/fill\//);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A reviewer approves a submission on its page and waits for what the page says then. */
export async function approveOnPage(page: Page, id: string, said: string): Promise<void> {
  await page.goto(`/review/submissions/${id}`);
  await page.getByRole('button', { name: '通过', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '审核通过' });
  await dialog.getByRole('button', { name: '通过', exact: true }).click();
  await page.getByText(said).first().waitFor();
}

/** The township's reviewer (临江镇), then the county's (永川区), each on a desktop of their own, approve a submission on its page. */
export async function approveByTownshipAndCounty(desktop: () => Promise<BrowserContext>, id: string): Promise<void> {
  const township = await (await desktop()).newPage();
  await logIn(township, 'linjiang');
  await approveOnPage(township, id, '已通过，等待县级确定');
  const county = await (await desktop()).newPage();
  await logIn(county, 'yongchuan');
  await approveOnPage(county, id, '已通过');
}
