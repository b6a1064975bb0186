// The service worker in Chromium against the real server: what a first visit keeps on the phone
// (the officer's app, the fill page included; not the administrator's pages; never /api/*), and a
// new version deployed while an officer has the app: the server restarted on the same port and
// data with a new build, the page says 有新版本，点击更新, and the tap brings the new version in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildClientInto, launchBrowser, logIn, phone, startServer, watchCsp, type RunningServer } from './harness';

const NEXT_VERSION = 'e2e-next';

/** The client built again as another deployment would be: the same code, another version. */
async function buildNextVersion(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'wnbd-client-next-'));
  await buildClientInto(outDir, { APP_VERSION: NEXT_VERSION });
  return outDir;
}

let server: RunningServer;
let browser: Browser;
let nextBuild: string;
const dataDir = mkdtempSync(join(tmpdir(), 'wnbd-e2e-update-'));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir }), launchBrowser()]);
  nextBuild = await buildNextVersion();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (nextBuild) rmSync(nextBuild, { recursive: true, force: true });
});

/** Once the worker is installed and has taken the page (as after an officer's first visit). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

function version(page: Page): Promise<string | null> {
  return page.locator('meta[name="app-version"]').getAttribute('content');
}

describe('the service worker', () => {
  it('keeps the officer\'s app on the phone, the fill page included, and leaves the administrator\'s pages and /api to the network', async () => {
    const context = await phone(browser, server.url);
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await controlled(page);
    const precached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('workbox-precache'));
      return name ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname) : [];
    });
    expect(precached).toContain('/index.html');
    expect(precached.some((path) => /^\/assets\/FillPage-.*\.js$/.test(path))).toBe(true);
    expect(precached.filter((path) => /AdminApp|ReviewerApp/.test(path))).toEqual([]);

    // A page of the app comes from the phone; an API address opened as a page from the server.
    expect((await page.goto('/villages'))!.fromServiceWorker()).toBe(true);
    const api = (await page.goto('/api/openapi.json'))!;
    expect(api.fromServiceWorker()).toBe(false);
    expect(api.headers()['content-type']).toMatch(/json/);
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it('offers a newly deployed version with 有新版本，点击更新, and the tap runs it', async () => {
    const context = await phone(browser, server.url);
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await logIn(page, 'gaotan');
    await page.waitForURL(/\/todo$/);
    await controlled(page);
    const first = await version(page);
    expect(first).not.toBe(NEXT_VERSION);
    await page.reload();
    await page.getByRole('link', { name: /我的村/ }).waitFor();
    expect(await page.getByRole('button', { name: '有新版本，点击更新' }).count()).toBe(0);

    // The new version deployed: the server restarted with the new build, same port and data.
    const port = new URL(server.url).port;
    await server.stop();
    server = await startServer({ DATA_DIR: dataDir, PORT: port, CLIENT_DIR: nextBuild });
    expect(server.url).toBe(`http://127.0.0.1:${port}`);

    // The app opened again is the kept one, which finds the new worker waiting and says so.
    await page.reload();
    const update = page.getByRole('button', { name: '有新版本，点击更新' });
    await update.waitFor({ timeout: 30_000 });
    expect(await version(page)).toBe(first);

    await Promise.all([page.waitForEvent('load'), update.click()]);
    await expect.poll(() => version(page), { timeout: 20_000 }).toBe(NEXT_VERSION);
    await page.getByRole('link', { name: /我的村/ }).waitFor();
    expect(await page.getByRole('button', { name: '有新版本，点击更新' }).count()).toBe(0);
    // Still signed in, on the page the officer was on, under the new worker.
    expect(new URL(page.url()).pathname).toBe('/todo');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
