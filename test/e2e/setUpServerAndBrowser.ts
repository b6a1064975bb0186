// A browser-flow test file's server and Chromium: started in its beforeAll, ended in its
// afterAll, and contexts on that server, so that no test file writes the life cycle again.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { desktop, launchBrowser, phone, startServer, type RunningServer } from './harness';

/** A test file's server and browser, up before its first test and ended after its last. */
export interface ServerAndBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new phone-sized context on the server (see `phone`). */
  phone(): Promise<BrowserContext>;
  /** A new desktop context on the server (see `desktop`). */
  desktop(): Promise<BrowserContext>;
}

/**
 * Starts a server (with `serverEnv` beyond the defaults, e.g. `{ DEMO: '0' }`) and Chromium in
 * the file's `beforeAll` and ends both in its `afterAll`. A `beforeAll` written after the call
 * runs once both are up. Read `server` and `browser` inside tests and hooks, not at load.
 */
export function setUpServerAndBrowser(serverEnv: Record<string, string> = {}): ServerAndBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const up = <T,>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the ${name} starts in beforeAll: read it inside a test or hook`);
    return value;
  };
  beforeAll(async () => {
    // Each kept as soon as it is up, so that afterAll ends it even when the other failed.
    await Promise.all([
      startServer(serverEnv).then((s) => { server = s; }),
      launchBrowser().then((b) => { browser = b; }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() { return up(server, 'server'); },
    get browser() { return up(browser, 'browser'); },
    phone() { return phone(this.browser, this.server.url); },
    desktop() { return desktop(this.browser, this.server.url); },
  };
}
