// A photo acknowledged by the server survives the server killed with SIGKILL right after (the file
// fsynced and renamed into place before its record is written, on SQLite): the real server in a
// child process, killed, started again on the same DATA_DIR, serves the same bytes; and an
// upload cut short by the kill leaves nothing behind once the server starts again past the safe
// age (ABANDONED_UPLOAD_MS: the leftover is aged here as a restart an hour later would find it).
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anotherJpeg, referenceOf } from '../helpers/attachments';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';

const PASSWORD = 'demo-pass-2021';
const dataDir = mkdtempSync(join(tmpdir(), 'wnbd-files-crash-'));
const env = { DATA_DIR: dataDir, DEMO: '1', DEMO_PASSWORD: PASSWORD, ADMIN_PASSWORD: 'admin-pass-2021' };
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(url: string) {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'gaotan', password: PASSWORD }) });
  return { cookie: /wnbd_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0], csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe('stored files on SQLite when the server is killed', () => {
  it('keeps an acknowledged photo whole, and nothing of an upload cut short', async () => {
    server = await startServerProcess(env);
    const session = await logIn(server.url);
    const headers = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
    const photo = Buffer.concat([anotherJpeg(200), Buffer.alloc(3 * 1024 * 1024, 9)]);
    const ref = referenceOf(photo, 'jpg');
    expect((await fetch(`${server.url}/api/attachments/${ref}`, { method: 'PUT', headers, body: photo })).status).toBe(201);

    // A second upload, half sent when the server dies.
    let sent = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        controller.enqueue(sent === 0 ? anotherJpeg(201) : new Uint8Array(64 * 1024));
        sent += 1;
      },
    });
    const cut = fetch(`${server.url}/api/attachments/${'e'.repeat(64)}.jpg`, { method: 'PUT', headers, body: slow, duplex: 'half' } as RequestInit).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readdirSync(join(dataDir, 'attachments', 'incoming'))).toHaveLength(1);
    await server.kill();
    await cut;
    const leftover = join(dataDir, 'attachments', 'incoming', readdirSync(join(dataDir, 'attachments', 'incoming'))[0]!);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(leftover, twoHoursAgo, twoHoursAgo);

    server = await startServerProcess(env);
    const again = await logIn(server.url);
    const response = await fetch(`${server.url}/api/attachments/${ref}`, { headers: { Cookie: again.cookie } });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
    expect(readdirSync(join(dataDir, 'attachments', 'incoming'))).toEqual([]);
    expect((await fetch(`${server.url}/api/attachments/${'e'.repeat(64)}.jpg`, { headers: { Cookie: again.cookie } })).status).toBe(404);
  }, 120_000);
});
