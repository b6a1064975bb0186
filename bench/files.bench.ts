// Files (issue 16): upload throughput and the export with files, side by side in one run.
// Uploads: realistic ~300 KB photos (the fixture JPEG with random bytes after its end marker, so
// each has its own hash, file-type still sees a JPEG and nothing compresses) PUT through the real
// route, one after another and 4 at a time, through app.request (no socket), over real HTTP on
// loopback (@hono/node-server in this process: client and server share its CPU), and on
// PostgreSQL when WNBD_PG_URL is set. Export: the shipped income-ledger form (published by
// prepareDatabase), BENCH_FILES_SUBMISSIONS submissions (default 1,000; 4,000 is about 10,000
// photos) each with 2–3 house photos and the two signatures, stored through the store, exported as
// a ZIP (the workbook and every file) for one village's 100 and for all of them, the body read
// chunk by chunk; memory must stay flat, so the two runs' growth is printed with its ratio. The
// XLSX of all of them, without files, is the baseline. BENCH_PHOTO_BYTES (default 300 KB) makes
// the photos smaller, to see the per-file bookkeeping of many files without gigabytes of disk.
// Figures are printed, never asserted.
import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { evaluate, type FormData, type FormDefinition } from '@engine';
import { createApp } from '../server/app';
import { defaultServerConfig, systemClock, type Deps } from '../server/deps';
import { FormVersions } from '../server/forms/FormVersions';
import { prepareDatabase } from '../server/seed/prepareDatabase';
import { PostgresStore } from '../server/store/postgres/PostgresStore';
import type { SubmissionRecord } from '../server/store/records';
import { SqliteStore } from '../server/store/sqlite/SqliteStore';
import type { Store } from '../server/store/Store';
import { image, referenceOf } from '../test/helpers/attachments';
import { exportOnce, MB, memoryOf, memoryRatio, type Run } from './exportRun';
import { fmt, heading } from './measure';

const SUBMISSIONS = Number(process.env.BENCH_FILES_SUBMISSIONS ?? 1000);
const SMALL = Math.min(100, SUBMISSIONS);
const UPLOADS = Number(process.env.BENCH_UPLOAD_PHOTOS ?? 200);
const PHOTO_BYTES = Number(process.env.BENCH_PHOTO_BYTES ?? 300 * 1024);
const SIGNATURE_BYTES = 12 * 1024;
const FORM = 'income-ledger';
const VILLAGE = '500118104201';
const OTHER_VILLAGES = ['500118104202', '500118104203', '500118104204', '500118104205'];
const PASSWORD = 'bench-admin-password';

interface Session {
  app: ReturnType<typeof createApp>;
  cookie: string;
  csrf: string;
}

async function openServer(store: Store): Promise<{ deps: Deps; session: Session }> {
  const deps: Deps = {
    store, forms: new FormVersions(store), clock: systemClock, config: defaultServerConfig,
    log: { info: () => {}, error: (m, e) => console.error(m, e ?? '') },
  };
  await prepareDatabase({ ...deps, log: { info: () => {}, error: () => {} } }, { formsDir: resolve('form-definitions'), adminPassword: PASSWORD, demo: false });
  await store.upsertDivisions([
    { code: '500118', name: '永川区', parentCode: null }, { code: '500118104', name: '临江镇', parentCode: '500118' },
    ...[VILLAGE, ...OTHER_VILLAGES].map((code, i) => ({ code, name: `${['高滩', '普安', '九龙', '天堂', '龙洞桥'][i]}村`, parentCode: '500118104' })),
  ]);
  const app = createApp(deps);
  const login = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const cookie = /wnbd_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { deps, session: { app, cookie, csrf: csrfToken } };
}

/** A JPEG or PNG of `size` bytes no other has: the fixture, then random bytes past its end marker. */
function anotherImage(extension: 'jpg' | 'png', size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  const start = image(`gradient.${extension}`);
  bytes.set(start);
  return randomFillSync(bytes, start.length);
}

// --- uploads ---

type Put = (reference: string, bytes: Uint8Array<ArrayBuffer>) => Promise<number>;

const headersOf = (session: Session) => ({ 'Content-Type': 'application/octet-stream', Cookie: session.cookie, 'X-CSRF-Token': session.csrf });

const throughApp = (session: Session): Put => async (reference, bytes) => {
  const response = await session.app.request(`/api/attachments/${reference}`, { method: 'PUT', headers: headersOf(session), body: bytes });
  await response.arrayBuffer();
  return response.status;
};

const overHttp = (session: Session, port: number): Put => async (reference, bytes) => {
  const response = await fetch(`http://127.0.0.1:${port}/api/attachments/${reference}`, { method: 'PUT', headers: headersOf(session), body: bytes });
  await response.arrayBuffer();
  return response.status;
};

/** Puts `count` new photos, `parallel` at a time; the photos are made before the clock starts. */
async function uploadRun(label: string, put: Put, count: number, parallel: number): Promise<void> {
  const photos = Array.from({ length: count }, () => anotherImage('jpg', PHOTO_BYTES));
  const references = photos.map((p) => referenceOf(p, 'jpg'));
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) {
      const i = next++;
      const status = await put(references[i]!, photos[i]!);
      if (status !== 201) throw new Error(`${label}: upload answered ${status}`);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  const bytes = photos.reduce((sum, p) => sum + p.length, 0);
  console.log(`${label.padEnd(44)} ${fmt(count)} photos, ${fmt(bytes / MB, 1)} MB in ${fmt(seconds, 2)} s: `
    + `${fmt(bytes / MB / seconds, 1).padStart(5)} MB/s, ${fmt(count / seconds).padStart(4)} photos/s`);
}

async function uploads(label: string, session: Session, withHttp: boolean): Promise<void> {
  await uploadRun(`${label}, warm-up`, throughApp(session), 10, 1);
  await uploadRun(`${label}, app.request, one at a time`, throughApp(session), UPLOADS, 1);
  await uploadRun(`${label}, app.request, 4 at a time`, throughApp(session), UPLOADS, 4);
  if (!withHttp) return;
  const server = serve({ fetch: session.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  try {
    await uploadRun(`${label}, HTTP on loopback, one at a time`, overHttp(session, port), UPLOADS, 1);
    await uploadRun(`${label}, HTTP on loopback, 4 at a time`, overHttp(session, port), UPLOADS, 4);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

async function postgresUploads(): Promise<void> {
  const url = process.env.WNBD_PG_URL;
  if (!url) {
    console.log('upload PostgreSQL: skipped (set WNBD_PG_URL, e.g. postgres://postgres@127.0.0.1:5432/test)');
    return;
  }
  const schema = `wnbd_bench_${randomBytes(6).toString('hex')}`;
  const store = new PostgresStore({ connectionString: url, schema });
  try {
    const { session } = await openServer(store);
    await uploads('upload PostgreSQL', session, false);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  }
}

// --- the export with files ---

/** The income ledger's first case, computed: the data every submission starts from. */
function ledgerData(): FormData {
  const definition = JSON.parse(readFileSync(resolve(`form-definitions/${FORM}/definition.json`), 'utf8')) as FormDefinition;
  const [first] = JSON.parse(readFileSync(resolve(`form-definitions/${FORM}/cases.json`), 'utf8')) as { params: Record<string, unknown>; data: FormData }[];
  return evaluate(definition, first!.data, { params: first!.params, household: null }).data;
}

async function stored(store: Store, extension: 'jpg' | 'png', size: number, userId: string): Promise<string> {
  const bytes = anotherImage(extension, size);
  const reference = referenceOf(bytes, extension);
  await store.putAttachment({
    reference, sha256: reference.slice(0, 64), contentType: extension === 'jpg' ? 'image/jpeg' : 'image/png', uploadedBy: userId,
    uploadedAt: new Date().toISOString(), capturedAt: null,
  }, (async function* () {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  })());
  return reference;
}

interface Filled {
  seconds: number;
  photos: number;
  signatures: number;
  bytes: number;
  /** Files of the first SMALL submissions (the village). */
  smallFiles: number;
}

/** The submissions and their files, 4 households at a time, straight through the store. */
async function fill(deps: Deps, userId: string): Promise<Filled> {
  const version = (await deps.store.getForm(FORM))!.latestVersion!;
  const base = ledgerData();
  const filled: Filled = { seconds: 0, photos: 0, signatures: 0, bytes: 0, smallFiles: 0 };
  const start = performance.now();
  const household = async (i: number) => {
    const housePhotos = await Promise.all(Array.from({ length: 2 + (i % 2) }, () => stored(deps.store, 'jpg', PHOTO_BYTES, userId)));
    const headSignature = await stored(deps.store, 'png', SIGNATURE_BYTES, userId);
    const officerSignature = await stored(deps.store, 'png', SIGNATURE_BYTES, userId);
    filled.photos += housePhotos.length;
    filled.signatures += 2;
    filled.bytes += housePhotos.length * PHOTO_BYTES + 2 * SIGNATURE_BYTES;
    if (i < SMALL) filled.smallFiles += housePhotos.length + 2;
    const at = new Date().toISOString();
    const record: SubmissionRecord = {
      id: randomUUID(), formId: FORM, formVersion: version, campaignId: '2021', householdId: null,
      divisionCode: i < SMALL ? VILLAGE : OTHER_VILLAGES[i % OTHER_VILLAGES.length]!,
      headName: `刘大勇${i}`, headIdNumber: `5001181972053${String(i).padStart(5, '0')}`, status: 'submitted', reviewLevel: 0,
      data: { ...base, headName: `刘大勇${i}`, housePhotos, headSignature, officerSignature }, errors: [], warnings: [], prefill: null,
      requestHash: 'bench', revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: userId, updatedBy: userId, createdAt: at, updatedAt: at,
      submittedAt: at, approvedAt: null,
    };
    await deps.store.createSubmission({
      record, onePerHousehold: false, attachments: [...housePhotos, headSignature, officerSignature],
      event: { submissionId: record.id, at, userId, username: 'admin', action: 'create', status: 'submitted', level: null, comment: null, changes: [] },
    });
  };
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < SUBMISSIONS) await household(next++);
  }));
  filled.seconds = (performance.now() - start) / 1000;
  return filled;
}

function line(label: string, run: Run, files: number | null): string {
  return `${label.padEnd(26)} ${fmt(run.rows).padStart(6)} submissions${files === null ? '' : `, ${fmt(files).padStart(6)} files`}  `
    + `${fmt(run.seconds, 2).padStart(6)} s  ${fmt(run.bytes / MB, 1).padStart(7)} MB  ${fmt(run.bytes / MB / run.seconds, 1).padStart(5)} MB/s  ${memoryOf(run)}`;
}

export async function runFilesBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wnbd-files-bench-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  try {
    const { deps, session } = await openServer(store);
    heading(`files: uploads of ~${fmt(PHOTO_BYTES / 1024)} KB photos (${fmt(UPLOADS)} a run)`);
    await uploads('upload SQLite', session, true);
    await postgresUploads();

    heading(`files: export of ${fmt(SUBMISSIONS)} income-ledger submissions with 2–3 house photos and 2 signatures each (SQLite)`);
    const admin = (await store.findUserByUsername('admin'))!;
    const filled = await fill(deps, admin.id);
    console.log(`stored ${fmt(filled.photos)} photos and ${fmt(filled.signatures)} signatures (${fmt(filled.bytes / MB)} MB) with their submissions in ${fmt(filled.seconds, 1)} s (through the store, 4 households at a time)`);
    const { app, cookie } = session;
    await exportOnce(app, cookie, `${FORM}/export?format=zip&division=${VILLAGE}`);
    const small = await exportOnce(app, cookie, `${FORM}/export?format=zip&division=${VILLAGE}`);
    const large = await exportOnce(app, cookie, `${FORM}/export?format=zip`);
    const workbook = await exportOnce(app, cookie, `${FORM}/export?format=xlsx`);
    console.log(line(`ZIP ${fmt(SMALL)}`, small, filled.smallFiles));
    console.log(line(`ZIP ${fmt(SUBMISSIONS)}`, large, filled.photos + filled.signatures));
    console.log(line(`XLSX ${fmt(SUBMISSIONS)} (no files)`, workbook, null));
    const files = filled.photos + filled.signatures;
    console.log(`ZIP memory ${fmt(SUBMISSIONS)} / ${fmt(SMALL)}: ${memoryRatio(large, small)}   (flat: about ×1; files ×${fmt(files / filled.smallFiles, 1)})`);
    // What a ZIP must keep per file until its closing directory is written (each entry's record).
    console.log(`ZIP live heap per file beyond the first ${fmt(filled.smallFiles)}: ${fmt((large.liveGrowth - small.liveGrowth) / (files - filled.smallFiles) / 1024, 2)} KB`
      + ` (the files' bytes: ${fmt(filled.bytes / files / 1024)} KB a file)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runFilesBench();
