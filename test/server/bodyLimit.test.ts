// Request bodies over 1 MB on a real socket, as browsers and scripts send them: with a declared
// Content-Length (refused before reading) and chunked without one (refused once the count passes
// the limit), each a 413 in the one error shape; a body within the limit is read and served.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/testServer';

let server: TestServer;
let http: ServerType;
let port: number;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser('cunyuan', 'officer', ['500118104201']);
  http = serve({ fetch: server.app.fetch, port: 0 });
  await new Promise((resolve) => http.once('listening', resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await server.close();
});

function post(body: string, chunked: boolean): Promise<{ status: number; body: { error?: { code: string; message: string }; user?: unknown } }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
    if (!chunked) headers['Content-Length'] = Buffer.byteLength(body);
    const req = request({ host: '127.0.0.1', port, path: '/api/session', method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    if (chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

const huge = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' });

describe('bodies over the limit on a real socket', () => {
  it('refuses a declared Content-Length over 1 MB with 413', async () => {
    const response = await post(huge, false);
    expect(response.status).toBe(413);
    expect(response.body.error).toEqual({ code: 'payload_too_large', message: '请求内容过大（上限 1024 KB）' });
  });

  it('refuses a chunked body once it passes 1 MB with 413', async () => {
    const response = await post(huge, true);
    expect(response.status).toBe(413);
    expect(response.body.error?.code).toBe('payload_too_large');
  });

  it('reads a body within the limit, declared or chunked', async () => {
    const login = JSON.stringify({ username: 'cunyuan', password: TEST_PASSWORD });
    expect((await post(login, false)).status).toBe(200);
    expect((await post(login, true)).status).toBe(200);
  });
});
