// The visit as evidence, in Chromium against the real server and the demo township (issue 16):
// an officer fills the 收入明细账 on a phone whose position is stubbed through the browser's own
// hooks (grantPermissions, setGeolocation), takes a camera photo carrying an EXIF GPS block
// through the photo widget's file input, draws both signatures with the mouse, takes the
// position, and submits with no network; the files survive a reload on the phone and go up with
// the queue. A phone interview needs the officer's signature alone. The township reviewer then
// sees the photo, signatures and coordinates, prints the sheet, finds the household on the
// village plot and downloads the export with files; an officer of another village may not read
// the photo.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { containsText, JPEG_WITH_GPS } from '../client/evidence/images';
import { householdOf, logInOverApi, type RegistryHousehold } from './api';
import { logIn, toMyVillage, watchCsp } from './harness';
import { answer, field, input } from './lookbackSheet';
import { sign } from './signature';
import { unsent } from './phoneQueue';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();

const GAOTAN = '500118104201';
const LEDGER = '脱贫户（易返贫致贫户）收入明细账';
const CAMPAIGN = '2023年度巩固拓展脱贫攻坚成果信息动态管理和防止返贫监测帮扶集中排查';
const POSITION = { latitude: 29.356212, longitude: 105.92731, accuracy: 12 };

/** A phone at the household's door: its position given to the app's pages through the browser's own hooks. */
async function phoneAtTheHouse(): Promise<BrowserContext> {
  const context = await env.phone();
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(POSITION);
  return context;
}

/** From the officer's village to the household's 收入明细账 of the 2023 campaign, a new draft. */
async function openLedger(page: Page, headName: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(headName) }).first().click();
  await page.waitForURL(/\/households\//);
  await page.getByRole('link', { name: new RegExp(LEDGER) }).first().click();
  await page.getByRole('button', { name: new RegExp(CAMPAIGN) }).click();
  await page.waitForURL(/\/fill\//);
  await field(page, '/officerSignature').waitFor();
}

/** An image shown and loaded from its source (scrolled into view: thumbnails load lazily). */
async function loadedImage(image: Locator): Promise<void> {
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
}

/** The ledger's own answers: an income above the line, so no warning asks for an explanation. */
async function fillIncome(page: Page): Promise<void> {
  await input(page, '/L19').fill('48000');
  await input(page, '/L19').blur();
}

interface Sent { id: string; data: Record<string, unknown>; status: string }

/** The household's 收入明细账 on the server, as the page's session reads it. */
async function ledgerOf(page: Page, householdId: string): Promise<Sent | undefined> {
  const detail = await (await page.request.get(`/api/households/${householdId}`)).json();
  const summary = (detail.submissions as { id: string; formId: string }[]).find((s) => s.formId === 'income-ledger');
  return summary ? (await page.request.get(`/api/submissions/${summary.id}`)).json() : undefined;
}

/** The bytes carry an APP1 EXIF block (its 'Exif\0\0' signature), as a camera writes it. */
function hasExifSegment(bytes: Uint8Array): boolean {
  return containsText(bytes, 'Exif\0\0');
}

interface Visit { household: RegistryHousehold; submissionId: string; photo: string; headSignature: string; officerSignature: string; photoBytes: Buffer }
/** The first test's visit, read by the reviewer's and the other village's tests. */
let visited: Visit | undefined;
/** The household the second test interviewed by phone (no position taken). */
let interviewed: RegistryHousehold | undefined;
const visit = (): Visit => {
  if (!visited) throw new Error('the officer\'s visit (the first test) did not complete');
  return visited;
};

describe('the visit as evidence', () => {
  it('keeps the photo, both signatures and the position on the phone offline, through a reload, and sends them with the submission', async () => {
    const context = await phoneAtTheHouse();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const household = await householdOf(page, GAOTAN, '脱贫不稳定户');
    const uploads: string[] = [];
    context.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/api/attachments/')) uploads.push(decodeURIComponent(new URL(request.url()).pathname.split('/').pop()!));
    });
    await openLedger(page, household.headName);
    await fillIncome(page);

    // A camera photo with the position in its EXIF, through the 拍照 input.
    expect(hasExifSegment(JPEG_WITH_GPS)).toBe(true);
    const photoField = field(page, '/housePhotos');
    await photoField.locator('input[type=file][capture]').setInputFiles({ name: 'IMG_20231012_101500.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(JPEG_WITH_GPS) });
    await loadedImage(photoField.locator('img'));

    await sign(page, '/headSignature');
    await sign(page, '/officerSignature');

    await field(page, '/location').getByRole('button', { name: '获取位置' }).click();
    await expect.poll(() => field(page, '/location').textContent()).toContain('29.356212');

    // No network: saved and submitted on the phone, queued.
    await context.setOffline(true);
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('已排队：恢复网络后自动正式提交').waitFor();
    expect(await unsent(page)).toBe(1);

    // A reload with no network: the draft and its files are still on the phone.
    await page.reload();
    for (const pointer of ['/housePhotos', '/headSignature', '/officerSignature']) await loadedImage(field(page, pointer).locator('img'));

    // The network returns: the queue uploads the files, then the submission.
    expect(uploads).toEqual([]);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByText('此表已提交，正在等待审核').waitFor({ timeout: 60_000 });
    await expect.poll(() => unsent(page), { timeout: 20_000 }).toBe(0);

    const sent = (await ledgerOf(page, household.id))!;
    expect(sent.status).toBe('submitted');
    const [photo] = sent.data.housePhotos as [string];
    const headSignature = sent.data.headSignature as string;
    const officerSignature = sent.data.officerSignature as string;
    expect(photo).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(headSignature).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(officerSignature).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(headSignature).not.toBe(officerSignature);
    expect(uploads.sort()).toEqual([photo, headSignature, officerSignature].sort());
    expect(sent.data.location).toMatch(/^geo:29\.356212,105\.92731\d*;u=12;t=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const stored = await page.request.get(`/api/attachments/${photo}`);
    expect(stored.status()).toBe(200);
    expect(stored.headers()['content-type']).toBe('image/jpeg');
    const photoBytes = await stored.body();
    expect([photoBytes[0], photoBytes[1]]).toEqual([0xff, 0xd8]);
    expect(hasExifSegment(photoBytes)).toBe(false);
    const signature = await page.request.get(`/api/attachments/${headSignature}`);
    expect(signature.status()).toBe(200);
    expect(signature.headers()['content-type']).toBe('image/png');
    expect(csp.violations).toEqual([]);
    visited = { household, submissionId: sent.id, photo, headSignature, officerSignature, photoBytes };
    await context.close();
  });

  it('submits a phone interview with the officer\'s signature alone', async () => {
    const context = await phoneAtTheHouse();
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    const household = await householdOf(page, GAOTAN, '边缘易致贫户');
    await openLedger(page, household.headName);
    await fillIncome(page);
    await answer(page, '/phoneInterview', '是');
    // No visit: no position or photos asked for.
    await expect.poll(() => field(page, '/location').count()).toBe(0);
    await expect.poll(() => field(page, '/housePhotos').count()).toBe(0);
    // The officer's signature is still required, the head's no longer.
    await page.getByRole('button', { name: '正式提交' }).click();
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('采集人尚未签字');
    expect(summary).not.toContain('户主尚未签字');
    await sign(page, '/officerSignature');
    await page.getByRole('button', { name: '正式提交' }).click();
    await page.getByText('此表已提交，正在等待审核').waitFor({ timeout: 60_000 });
    const sent = (await ledgerOf(page, household.id))!;
    expect(sent.status).toBe('submitted');
    expect(sent.data).toMatchObject({ phoneInterview: true });
    expect(sent.data).not.toHaveProperty('headSignature');
    expect(sent.data.officerSignature).toMatch(/^[0-9a-f]{64}\.png$/);
    interviewed = household;
    await context.close();
  });

  it('shows the township reviewer the photo, signatures and position, on the screen, the printed sheet and the village plot, and exports them with the files', async () => {
    const { household, submissionId, photo, headSignature, officerSignature, photoBytes } = visit();
    const context = await env.desktop();
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'linjiang');

    // The submission read-only: the thumbnail loaded (full size on tap), both signatures, the coordinates.
    await page.goto(`/review/submissions/${submissionId}`);
    const photoField = field(page, '/housePhotos');
    await loadedImage(photoField.locator('img'));
    await expect(photoField.locator('img').getAttribute('src')).resolves.toBe(`/api/attachments/${photo}`);
    await photoField.getByRole('button', { name: '查看照片 1 大图' }).click();
    await loadedImage(page.getByRole('dialog').locator('img'));
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    for (const [pointer, reference] of [['/headSignature', headSignature], ['/officerSignature', officerSignature]] as const) {
      await loadedImage(field(page, pointer).locator('img'));
      await expect(field(page, pointer).locator('img').getAttribute('src')).resolves.toBe(`/api/attachments/${reference}`);
    }
    await expect(field(page, '/location').textContent()).resolves.toMatch(/29\.356212.*105\.92731/);

    // The paper sheet: the drawn signatures as images, the position written out.
    await page.goto(`/review/submissions/${submissionId}/print`);
    const sheet = page.locator('.print-sheet, main').first();
    await sheet.getByText(LEDGER).first().waitFor();
    for (const reference of [headSignature, officerSignature]) await loadedImage(page.locator(`img[src="/api/attachments/${reference}"]`));
    await expect(sheet.textContent()).resolves.toMatch(/29\.356212/);

    // The village's plot: the household's dot.
    await page.goto(`/review/forms/income-ledger?division=${GAOTAN}`);
    await page.getByText('本村农户位置图').click();
    await page.locator(`circle[data-household="${household.headName}"]`).waitFor();
    expect(await page.locator('.rv-plot-svg circle').count()).toBe(1);
    if (interviewed) await page.getByRole('region', { name: '未采集位置' }).getByRole('link', { name: interviewed.headName }).waitFor();

    // 导出（含照片和签字）: a native download, the workbook and the household's files.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出（含照片和签字）' }).click()]);
    const zipPath = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const names = Object.keys(zip.files);
    const workbookName = names.find((n) => n.endsWith('.xlsx'));
    expect(workbookName).toBeDefined();
    const photoEntry = names.find((n) => n.endsWith(`/${household.headName}-${household.headIdNumber}/${photo}`));
    expect(photoEntry, names.join('\n')).toMatch(new RegExp(`^高滩村[^/]*/${household.headName}-${household.headIdNumber}/${photo}$`));
    expect(Buffer.from(await zip.file(photoEntry!)!.async('uint8array')).equals(photoBytes)).toBe(true);
    expect(names).toContain(photoEntry!.replace(photo, headSignature));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await zip.file(workbookName!)!.async('arraybuffer'));
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(cell.text); })));
    const photoCell = cells.find((text) => text.includes(photo));
    expect(photoCell).toMatch(new RegExp(`^${photo} https?://[^ ]+/api/attachments/${photo}$`));
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it('refuses the photo to an officer of another village', async () => {
    const { photo } = visit();
    const puan = await logInOverApi(env.server, 'puan');
    expect((await puan.fetch('GET', `/api/attachments/${photo}`)).status).toBe(403);
    const gaotan = await logInOverApi(env.server, 'gaotan');
    expect((await gaotan.fetch('GET', `/api/attachments/${photo}`)).status).toBe(200);
  });
});
