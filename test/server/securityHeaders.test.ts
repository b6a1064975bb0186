import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let admin: TestClient;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'wnbd-client-'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index.js"></script>');
  writeFileSync(join(clientDir, 'assets', 'index.js'), 'console.log(1)');
  server = await startTestServer({ demo: true, config: { clientDir } });
  admin = await server.login('admin');
});
afterAll(async () => {
  await server.close();
  rmSync(clientDir, { recursive: true, force: true });
});

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values];
  }));
}

/** What every answer must carry, whatever it is. */
function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy');
  expect(csp, what).toBeTruthy();
  const policy = directives(csp!);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'self'"]);
  expect(policy.get('form-action'), what).toEqual(["'self'"]);
  expect(policy.get('connect-src'), what).toEqual(["'self'"]);
  expect(policy.get('worker-src'), what).toEqual(["'self'"]);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(headers.get('x-powered-by'), what).toBeNull();
  // The location field may ask for the phone's position, from the app's own pages only; the rest stays off.
  expect(headers.get('permissions-policy'), what).toBe('camera=(), microphone=(), geolocation=(self), payment=(), usb=()');
}

describe('security headers', () => {
  it('come with every answer: API data, errors of every kind, the app page, its files and the validator modules', async () => {
    const anonymous = (path: string, init?: RequestInit) => server.app.request(path, init);
    const answers: [string, Response | { status: number; headers: Headers }][] = [
      ['health', await anonymous('/api/health')],
      ['openapi', await anonymous('/api/openapi.json')],
      ['401', await anonymous('/api/forms')],
      ['404 api', await anonymous('/api/nothing-here')],
      ['415/400 login', await anonymous('/api/session', { method: 'POST', body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })],
      ['403 csrf', await anonymous('/api/users', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })],
      ['422', await admin.put('/api/forms/lookback/draft', { definition: { id: 'lookback' }, revision: 0 })],
      ['forms', await admin.get('/api/forms')],
      ['validators', await admin.get('/api/forms/lookback/versions/1/validators.js')],
      ['index.html', await anonymous('/')],
      ['a page', await anonymous('/villages/500118104201')],
      ['a file', await anonymous('/assets/index.js')],
    ];
    for (const [what, response] of answers) expectSecurityHeaders(response.headers, `${what} (${response.status})`);
    expect(answers.map(([what, r]) => `${what} ${r.status}`)).toEqual(expect.arrayContaining(['401 401', '404 api 404', '422 422', 'validators 200', 'index.html 200', 'a file 200']));
  });

  it('send no Strict-Transport-Security over plain HTTP, and send it behind HTTPS', async () => {
    expect((await server.app.request('/api/health')).headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ config: { session: { ...server.deps.config.session, secureCookie: true } } });
    try {
      expect((await https.app.request('/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });
});
