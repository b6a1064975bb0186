// What an upload cut short leaves (a server killed mid-file, a connection cut) and its cleanup
// through the store: PostgreSQL keeps the upload's claim and the 256 KB chunks it wrote, which no
// stored file names; SQLite a part-written temporary file in attachments/incoming/. Left as a
// killed upload leaves them, they are removed once idle past the safe age, at start
// (removeAbandonedUploads) and when the same file is sent again, while a file stored whole and an
// upload going on at another server (a second store on the same database) are left alone; an
// upload stalled past the age fails rather than record a file without its bytes. Runs on SQLite,
// or on PostgreSQL with WNBD_TEST_STORE=postgres.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ABANDONED_UPLOAD_MS, type NewAttachment } from '../../server/store/attachmentRecord';
import type { Store } from '../../server/store/Store';
import { anotherJpeg, referenceOf, sha256 } from '../helpers/attachments';
import { testStoreKind } from '../helpers/testServer';
import { namedStores } from '../helpers/namedStores';

const HOUR = ABANDONED_UPLOAD_MS;
const TWO_HOURS = 2 * HOUR;
const stores = namedStores('abandoned');
const postgres = testStoreKind() === 'postgres';
/** A store on the database `name`: a second call is a second server on the same database. */
const openStore = (name: string) => stores.openMigrated(name);

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(name: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.WNBD_PG_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${stores.schemaOf(name)}`);
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const incoming = (name: string) => join(stores.folderOf(name), 'attachments', 'incoming');

/** What a server killed `ageMs` ago in the middle of storing `reference` left (`bytes` of it written). */
async function leaveKilledUpload(name: string, reference: string, bytes: number, ageMs: number): Promise<void> {
  if (postgres) {
    const id = randomUUID();
    const at = `now() - ${ageMs} * interval '1 millisecond'`;
    await sql(name, `INSERT INTO attachment_uploads (upload_id, reference, started_at) VALUES ($1, $2, ${at})`, [id, reference]);
    for (let n = 0; n * 256 * 1024 < bytes; n++) {
      await sql(name, `INSERT INTO attachment_chunks (upload_id, n, bytes, written_at) VALUES ($1, $2, $3, ${at})`, [id, n, Buffer.alloc(Math.min(256 * 1024, bytes - n * 256 * 1024), 7)]);
    }
    return;
  }
  mkdirSync(incoming(name), { recursive: true });
  const file = join(incoming(name), `${reference}.${randomUUID()}`);
  writeFileSync(file, Buffer.alloc(bytes, 7));
  const when = new Date(Date.now() - ageMs);
  utimesSync(file, when, when);
}

/** Makes every upload not yet recorded look as if nothing had been written to it for `ageMs`. */
async function idleFor(name: string, ageMs: number): Promise<void> {
  if (postgres) {
    await sql(name, `UPDATE attachment_uploads SET started_at = now() - $1 * interval '1 millisecond'`, [ageMs]);
    await sql(name, `UPDATE attachment_chunks SET written_at = now() - $1 * interval '1 millisecond'
      WHERE upload_id NOT IN (SELECT upload_id FROM attachments)`, [ageMs]);
    return;
  }
  const when = new Date(Date.now() - ageMs);
  for (const file of readdirSync(incoming(name))) utimesSync(join(incoming(name), file), when, when);
}

/** Uploads whose leftovers are kept: unrecorded sets of chunks and claims, or temporary files. */
async function leftovers(name: string): Promise<number> {
  if (postgres) {
    const [row] = await sql<{ n: number }>(name, `SELECT count(*)::int AS n FROM (SELECT upload_id FROM attachment_uploads
      UNION SELECT upload_id FROM attachment_chunks WHERE upload_id NOT IN (SELECT upload_id FROM attachments)) AS x`);
    return row!.n;
  }
  return existsSync(incoming(name)) ? readdirSync(incoming(name)).length : 0;
}

const record = (bytes: Uint8Array): NewAttachment => ({
  reference: referenceOf(bytes, 'jpg'), sha256: sha256(bytes), contentType: 'image/jpeg', uploadedBy: 'u-officer',
  uploadedAt: '2021-11-12T02:00:00.000Z', capturedAt: null,
});

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** An upload from a phone that sent `first` and is still sending: the rest comes when `release` is called. */
function stalled(first: Uint8Array, rest: Uint8Array) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  let sent = false;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    yield first;
    sent = true;
    await gate;
    yield rest;
  }
  return { bytes: bytes(), release, sent: () => sent };
}

async function readBack(store: Store, reference: string): Promise<Buffer | null> {
  const opened = await store.openAttachment(reference);
  if (!opened) return null;
  const parts: Uint8Array[] = [];
  for await (const part of opened.bytes) parts.push(part);
  return Buffer.concat(parts);
}

/** Until the stalled upload's first part is written where the store keeps it. */
async function written(name: string): Promise<void> {
  for (let i = 0; i < 200 && (await leftovers(name)) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await leftovers(name)).toBe(1);
}

/** A photo of some 600 KB: three PostgreSQL chunks. */
const bigPhoto = (n: number) => Buffer.concat([anotherJpeg(n), Buffer.alloc(600 * 1024, n)]);

describe(`uploads cut short (${testStoreKind()})`, { timeout: 60_000 }, () => {
  it('removes what a killed upload left once idle past the safe age, and nothing stored whole', async () => {
    const store = await openStore('killed');
    const kept = bigPhoto(1);
    expect((await store.putAttachment(record(kept), once(kept))).outcome).toBe('stored');
    await leaveKilledUpload('killed', referenceOf(bigPhoto(2), 'jpg'), 300 * 1024, TWO_HOURS);
    await leaveKilledUpload('killed', referenceOf(bigPhoto(3), 'jpg'), 100 * 1024, 10 * 60 * 1000);
    expect(await leftovers('killed')).toBe(2);

    // The one killed two hours ago goes; the one ten minutes ago may still be under way somewhere.
    expect(await store.removeAbandonedUploads(HOUR)).toBe(1);
    expect(await leftovers('killed')).toBe(1);
    expect((await readBack(store, referenceOf(kept, 'jpg')))!.equals(kept)).toBe(true);
  });

  it('removes, before storing a file again, what an earlier upload of it left', async () => {
    const store = await openStore('again');
    const photo = bigPhoto(4);
    await leaveKilledUpload('again', referenceOf(photo, 'jpg'), 300 * 1024, TWO_HOURS);
    await leaveKilledUpload('again', referenceOf(bigPhoto(5), 'jpg'), 300 * 1024, TWO_HOURS);
    expect((await store.putAttachment(record(photo), once(photo))).outcome).toBe('stored');
    // Its own leftovers went; another file's wait for the next start.
    expect(await leftovers('again')).toBe(1);
    expect((await readBack(store, referenceOf(photo, 'jpg')))!.equals(photo)).toBe(true);
  });

  it('leaves an upload going on at another server on the same database, which then stores its file whole', async () => {
    const first = await openStore('shared');
    const second = await openStore('shared');
    const photo = bigPhoto(6);
    const upload = stalled(photo.subarray(0, 300 * 1024), photo.subarray(300 * 1024));
    const storing = second.putAttachment(record(photo), upload.bytes);
    await written('shared');

    expect(await first.removeAbandonedUploads(HOUR)).toBe(0);
    expect(await leftovers('shared')).toBe(1);
    upload.release();
    expect((await storing).outcome).toBe('stored');
    expect((await readBack(first, referenceOf(photo, 'jpg')))!.equals(photo)).toBe(true);
    expect(await leftovers('shared')).toBe(0);
  });

  it('fails an upload stalled past the safe age whose part was removed, recording nothing', async () => {
    const first = await openStore('stalled');
    const second = await openStore('stalled');
    const photo = bigPhoto(7);
    const upload = stalled(photo.subarray(0, 300 * 1024), photo.subarray(300 * 1024));
    const storing = second.putAttachment(record(photo), upload.bytes);
    await written('stalled');
    await idleFor('stalled', TWO_HOURS);

    expect(await first.removeAbandonedUploads(HOUR)).toBe(1);
    upload.release();
    await expect(storing).rejects.toThrow();
    expect(await first.openAttachment(referenceOf(photo, 'jpg'))).toBeNull();
    expect(await leftovers('stalled')).toBe(0);
  });
});
