// Two real servers (child processes) on one PostgreSQL schema share their files (issue 16): a
// photo sent to one is served by the other, to its uploader and to a reviewer of the submission
// made on the other; the same photo sent to both at once is stored once (one set of chunks); and
// a real HTTP upload without a length, 50 MB long, is refused once past the limit, before the
// phone has sent it all. Skipped when WNBD_PG_URL is unset, unless WNBD_REQUIRE_PG=1.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { anotherJpeg, referenceOf, VISIT_FORM_ID, visitForm } from '../helpers/attachments';
import { startServersOnOnePostgres, type ServersOnOnePostgres, type Session } from '../helpers/serversOnOnePostgres';
import { postgresTestUrl } from '../helpers/testServer';

const url = postgresTestUrl('files shared by servers on one PostgreSQL');

describe.skipIf(!url)('files on two servers sharing one PostgreSQL', () => {
  let s: ServersOnOnePostgres;
  let officer: Session;

  const put = async (on: number, session: Session, reference: string, body: Uint8Array | ReadableStream<Uint8Array>) => {
    const response = await fetch(`${s.servers[on]!.url}/api/attachments/${reference}`, {
      method: 'PUT', body, duplex: 'half', headers: { 'Content-Type': 'image/jpeg', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
    } as RequestInit);
    return { status: response.status, body: await response.json() };
  };
  const get = async (on: number, session: Session, reference: string) => {
    const response = await fetch(`${s.servers[on]!.url}/api/attachments/${reference}`, { headers: { Cookie: session.cookie } });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const chunkSets = async () => {
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    try {
      return (await client.query(`SELECT count(DISTINCT upload_id)::int AS n FROM ${s.schema}.attachment_chunks`)).rows[0].n as number;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    s = await startServersOnOnePostgres(url!, 2);
    officer = await s.logIn('gaotan', 0);
  }, 180_000);
  afterAll(() => s?.close());

  it('serve a photo sent to one server from the other, to a reviewer of the submission made there', async () => {
    const photo = anotherJpeg(100);
    const ref = referenceOf(photo, 'jpg');
    expect((await put(0, officer, ref, photo)).status).toBe(201);
    expect((await get(1, officer, ref)).bytes.equals(photo)).toBe(true);

    const admin = await s.logIn('admin', 1);
    expect((await s.call(1, admin, 'POST', '/api/forms', { definition: visitForm })).status).toBe(201);
    const { revision } = (await s.call(0, admin, 'GET', `/api/forms/${VISIT_FORM_ID}/draft`)).body;
    expect((await s.call(0, admin, 'POST', `/api/forms/${VISIT_FORM_ID}/publish`, { revision })).status).toBe(201);
    const campaign = await s.call(1, admin, 'POST', '/api/campaigns', { id: 'visit-2021', title: '2021年度入户核查', year: 2021, forms: [VISIT_FORM_ID], parameters: {} });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const household = (await s.call(0, officer, 'GET', '/api/households?pageSize=1&division=500118104201')).body.items[0].id;
    const saved = await s.call(1, officer, 'POST', `/api/forms/${VISIT_FORM_ID}/submissions`, { id: randomUUID(), householdId: household, campaignId: 'visit-2021', data: { B1: [ref] } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect((await get(0, await s.logIn('linjiang', 0), ref)).bytes.equals(photo)).toBe(true);
    expect((await get(1, await s.logIn('puan', 1), ref)).status).toBe(403);
  });

  it('store the same photo sent to both at once once: one set of chunks', async () => {
    const before = await chunkSets();
    const photo = Buffer.concat([anotherJpeg(101), Buffer.alloc(700_000, 7)]);
    const ref = referenceOf(photo, 'jpg');
    const answers = await Promise.all([put(0, officer, ref, photo), put(1, officer, ref, photo)]);
    expect(answers.map((a) => a.status)).toContain(201);
    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(await chunkSets()).toBe(before + 1);
    for (const on of [0, 1]) expect((await get(on, officer, ref)).bytes.equals(photo)).toBe(true);
  });

  it('refuse a 50 MB upload sent without a length once past 10 MB, before the phone has sent it all', async () => {
    let sent = 0;
    const head = anotherJpeg(102);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50 * 1024 * 1024) return controller.close();
        const chunk = sent === 0 ? Buffer.concat([head, Buffer.alloc(64 * 1024 - head.length)]) : new Uint8Array(64 * 1024);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const answer = await put(1, officer, `${'d'.repeat(64)}.jpg`, body).catch((error: Error) => ({ status: 0, body: error.message }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(413);
    expect(sent).toBeLessThan(30 * 1024 * 1024);
  });
});
