// Opening the officer's form against a plain @rjsf/core page, side by side in one run (issue 12,
// part 5): from navigation to the first field on the page, cold HTTP cache (a new browser context
// each time, service workers blocked so nothing comes from the app's own cache), at normal CPU and
// under 4x CPU throttling. The app opens a 10-member household's monitoring-object submission
// saved on the server (/fill/:id: a phone that has never opened it); the reference
// (bench/reference/) renders the same definition with rjsf's own ajv validator compiled in the
// page and the same data inline in the page. A third row opens the app's form again on the same
// phone (its draft and compiled form kept), the HTTP cache cleared. Rounds alternate app and
// reference so both meet the same noise; medians are printed with the range.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { ROOT } from '../test/e2e/harness';
import { fmt } from './measure';

const ROUNDS = Number(process.env.BENCH_OPEN_ROUNDS ?? 7);
/** The first control of the first field: E1 (是/否 buttons in the app, a checkbox in plain rjsf). */
const FIRST_FIELD = 'form input, form select, form textarea, form [role="radiogroup"]';

/** Records, in the page, the frame in which the first field is laid out (ms since navigation start). */
const FIRST_FIELD_SCRIPT = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstFieldSeen) return;
    const field = document.querySelector(${JSON.stringify(FIRST_FIELD)});
    if (!field) return;
    window.__firstFieldSeen = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      if (field.getBoundingClientRect().height > 0) window.__firstField = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

export interface RunningReference {
  url: string;
  stop(): Promise<void>;
}

/** Builds bench/reference as the app is built (production React) and serves it with the data inline. */
export async function startReference(data: unknown): Promise<RunningReference> {
  const outDir = mkdtempSync(join(tmpdir(), 'wnbd-reference-'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'bench', 'reference', 'vite.config.ts'), '--outDir', outDir, '--logLevel', 'error'], {
    cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' },
  });
  const assets = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  const gzipped = assets.reduce((sum, name) => sum + gzipSync(readFileSync(join(outDir, 'assets', name))).length, 0);
  console.log(`reference page (plain @rjsf/core, its ajv validator compiled in the page): ${assets.length} script(s), ${fmt(gzipped / 1024, 1)} KB gzipped`);
  const inline = `<script id="data" type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
  const page = readFileSync(join(outDir, 'index.html'), 'utf8').replace('<!--DATA-->', inline);
  const app = new Hono();
  app.use('/assets/*', serveStatic({ root: outDir }));
  app.get('/', (c) => c.html(page));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Opening {
  /** Navigation start to the frame the first field is laid out in. */
  ms: number;
  /** The requests the page made before it, in order of start: path, start and end (ms). */
  requests: [string, number, number][];
}

/** Opens a URL in a fresh context (cold HTTP cache) or an existing one, and times the first field. */
async function open(browser: Browser, url: string, rate: number, options: BrowserContextOptions): Promise<Opening> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block', ...options,
  });
  await context.addInitScript(FIRST_FIELD_SCRIPT);
  try {
    return await openIn(context, url, rate);
  } finally {
    await context.close();
  }
}

/** Opens a URL in a context whose pages run FIRST_FIELD_SCRIPT, its HTTP cache cleared first. */
async function openIn(context: BrowserContext, url: string, rate: number): Promise<Opening> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: the app's Content-Security-Policy forbids evaluating strings in the page.
  await page.waitForFunction(() => (window as unknown as { __firstField?: number }).__firstField !== undefined, undefined, { polling: 100, timeout: 60_000 });
  const result = await page.evaluate(`(() => ({
    ms: window.__firstField,
    requests: performance.getEntriesByType('resource').filter((e) => e.startTime < window.__firstField)
      .map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd]),
  }))()`) as Opening;
  await page.close();
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function row(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label}: median ${fmt(median(times), 0)} ms (${fmt(sorted[0]!, 0)}–${fmt(sorted[sorted.length - 1]!, 0)})`;
}

/**
 * Measures and prints both, side by side. `appUrl` is the fill page of a submission the logged-in
 * `storageState` (the officer's cookies) may open.
 */
export async function measureOpenForm(browser: Browser, appUrl: string, referenceUrl: string, storageState: BrowserContextOptions['storageState']): Promise<void> {
  // The officer's phone that opened the form once already: its draft (and what the app keeps of the form) on it.
  const phone = await browser.newContext({
    viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block', storageState,
  });
  await phone.addInitScript(FIRST_FIELD_SCRIPT);
  await openIn(phone, appUrl, 1);
  for (const rate of [1, 4]) {
    const app: Opening[] = [];
    const again: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      reference.push((await open(browser, referenceUrl, rate, {})).ms);
      app.push(await open(browser, appUrl, rate, { storageState }));
      again.push((await openIn(phone, appUrl, rate)).ms);
    }
    const appMs = app.map((o) => o.ms);
    const label = rate === 1 ? 'normal CPU' : `${rate}x CPU throttling`;
    console.log(`navigation to first field, ${label}, cold HTTP cache, ${ROUNDS} rounds:`);
    console.log(`  ${row('this app, first opening on the phone ', appMs)}   ratio to reference ${fmt(median(appMs) / median(reference), 2)}   target ≤ 1.00`);
    console.log(`  ${row('this app, opened again (draft kept)  ', again)}   ratio to reference ${fmt(median(again) / median(reference), 2)}`);
    console.log(`  ${row('reference: plain @rjsf/core, inline  ', reference)}`);
    if (rate === 1) {
      const typical = app.find((o) => o.ms === median(appMs)) ?? app[0]!;
      const api = typical.requests.filter(([path]) => path.startsWith('/api/') || path.startsWith('/assets/'));
      console.log(`  the app's requests before its first field (median run; start–end ms): ${api.map(([path, start, end]) => `${path.replace(/\/api\/(submissions|forms)\/[^/]+/, '/api/$1/…')} ${fmt(start, 0)}–${fmt(end, 0)}`).join(', ')}`);
    }
  }
  await phone.close();
}
