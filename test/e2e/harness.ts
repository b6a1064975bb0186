// Whole flows in a real browser: the client built once (for the whole run), the real server (server/main.ts, the
// same start-up a newcomer runs) on a free port with a fresh data directory and the demo
// township, and Debian's Chromium driven by playwright-core (no browser download here).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ROOT, startServerProcess } from '../helpers/serverProcess';

export { ROOT };
export const DEMO_PASSWORD = 'demo-pass-2021';
export const ADMIN_PASSWORD = 'admin-pass-2021';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A production build of the client into `outDir`, as `npm start` makes it (the test runner's
 * NODE_ENV=test would give React's development build); `env` adds to the build's environment.
 */
export async function buildClientInto(outDir: string, env: Record<string, string> = {}): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', ...env },
  });
}

let built: Promise<string> | null = null;

/** The client built for this run by the e2e project's global set-up (buildClientOnce.ts), or, outside it, built once per test process. */
export function buildClient(): Promise<string> {
  built ??= (async () => {
    const provided = inject('clientDir');
    if (provided) return provided;
    const outDir = mkdtempSync(join(tmpdir(), 'wnbd-client-'));
    await buildClientInto(outDir);
    return outDir;
  })();
  return built;
}

export interface RunningServer {
  url: string;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

/** server/main.ts with the built client, a fresh data directory (removed on stop) and the demo township. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const clientDir = await buildClient();
  const dataDir = mkdtempSync(join(tmpdir(), 'wnbd-e2e-'));
  try {
    const child = await startServerProcess({ DATA_DIR: dataDir, CLIENT_DIR: clientDir, ADMIN_PASSWORD, DEMO_PASSWORD, ...env });
    return {
      url: child.url, dataDir, output: child.output,
      async stop() {
        await child.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium), as .ci/run does`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** A phone-sized context: 375 px wide, touch, a mobile user agent's viewport. */
export function phone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
}

export function desktop(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export interface CspWatch {
  /** Every Content-Security-Policy violation the context's pages reported, and console errors naming the policy. */
  violations: string[];
}

/**
 * Records every CSP violation in a context's pages: the `securitypolicyviolation` events (also for
 * refused attempts the page's code caught) and Chrome's console errors about the policy.
 */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch: CspWatch = { violations: [] };
  await context.exposeBinding('__cspViolation', (_source, text: string) => {
    watch.violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|unsafe-eval/i.test(message.text())) watch.violations.push(message.text());
  });
  return watch;
}

/** From 我的待办 (an officer's first page) to 我的村, which opens the officer's village when there is one. */
export async function toMyVillage(page: Page): Promise<void> {
  await page.waitForURL(/\/todo$/);
  await page.getByRole('link', { name: /我的村/ }).click();
  await page.waitForURL(/\/villages\/\d{12}/);
}
