// A server killed with SIGKILL in the middle of a load loses nothing it acknowledged and stores
// nothing twice: the real server (server/main.ts) with the demo township, eight clients logged in
// as the three village officers creating submissions with their own UUIDs (an income ledger per
// household, which allows one per household, several contested by all of a village's clients;
// member additions, which allow many), the process killed mid-load and started again on the same
// database, every unanswered request sent again with the same id and body. Then every
// acknowledged submission is there as acknowledged, each id is one record, each household has one
// ledger, and the same id with another body is refused with 409. SQLite always; PostgreSQL too
// when WNBD_PG_URL is set.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { callWith, logInOverHttp, overHttp, type Session } from '../helpers/testClient';
import { dropTestSchema, newTestSchema } from '../helpers/testServer';

const PASSWORD = 'demo-pass-2021';
const CLIENTS = 8;
const OFFICERS = [
  { username: 'gaotan', village: '500118104201' },
  { username: 'puan', village: '500118104202' },
  { username: 'jiulong', village: '500118104203' },
];
/** Killed once this many submissions are acknowledged: well inside the load. */
const KILL_AFTER = 30;
const LEDGER = 'income-ledger';
const ADDITIONS = 'member-additions';

interface Work {
  formId: string;
  body: { id: string; householdId: string; campaignId: string; submit: false; data: Record<string, unknown> };
  session: Session;
  /** 201: the stored submission as acknowledged; 409: refused as a second ledger of its household. */
  answer: { status: number; body: any; afterRestart: boolean } | null;
}

async function call(url: string, session: Session | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const answer = await callWith(overHttp(url), session, method, path, body);
  return { status: answer.status, body: answer.body };
}

const logIn = (url: string, username: string): Promise<Session> => logInOverHttp(url, username, PASSWORD);

/** Sends one piece of work; a 201 or a 409 duplicate is its answer, no answer (the server died) leaves it pending. */
async function send(url: string, work: Work, afterRestart: boolean): Promise<void> {
  let answer: { status: number; body: any };
  try {
    answer = await call(url, work.session, 'POST', `/api/forms/${work.formId}/submissions`, work.body);
  } catch {
    return; // no answer: sent again after the restart
  }
  const expected = answer.status === 201 || (answer.status === 409 && answer.body?.error?.code === 'duplicate_submission' && work.formId === LEDGER);
  if (!expected) throw new Error(`unexpected answer to ${work.formId} ${work.body.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
  work.answer = { ...answer, afterRestart };
}

/** Each client's queue: its share of its village's ledgers, the village's first household contested by all, and member additions. */
async function planWork(url: string): Promise<Work[][]> {
  const queues: Work[][] = [];
  const households = new Map<string, string[]>();
  for (let c = 0; c < CLIENTS; c++) {
    const officer = OFFICERS[c % OFFICERS.length]!;
    const session = await logIn(url, officer.username);
    if (!households.has(officer.village)) {
      const list = await call(url, session, 'GET', `/api/households?pageSize=200&division=${officer.village}`);
      households.set(officer.village, list.body.items.map((h: { id: string }) => h.id));
    }
    const ids = households.get(officer.village)!;
    const peers = Math.ceil((CLIENTS - (c % OFFICERS.length)) / OFFICERS.length);
    const rank = Math.floor(c / OFFICERS.length);
    const work = (formId: string, householdId: string, data: Record<string, unknown>): Work => ({
      formId, session, answer: null, body: { id: randomUUID(), householdId, campaignId: '2021', submit: false, data },
    });
    const queue: Work[] = [work(LEDGER, ids[0]!, { farmland: c + 0.5 })];
    ids.slice(1).forEach((id, i) => {
      if (i % peers === rank) queue.push(work(LEDGER, id, { farmland: 10 + i, phone: `1380000${String(c).padStart(2, '0')}${String(i).padStart(2, '0')}` }));
    });
    for (let i = 0; i < 8; i++) queue.push(work(ADDITIONS, ids[(c + i) % ids.length]!, { members: [{ A1: `新成员${c}-${i}` }] }));
    queues.push(queue);
  }
  return queues;
}

async function crashAndRecover(env: Record<string, string>): Promise<void> {
  let server: ServerProcess = await startServerProcess(env);
  try {
    const queues = await planWork(server.url);
    const all = queues.flat();
    let acknowledged = 0;
    let killed: Promise<void> | null = null;
    await Promise.all(queues.map(async (queue) => {
      for (const work of queue) {
        if (killed) return;
        await send(server.url, work, false);
        if (work.answer?.status === 201 && ++acknowledged === KILL_AFTER) killed = server.kill();
      }
    }));
    await killed;
    const before = all.filter((w) => w.answer);
    expect(before.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(before.length).toBeLessThan(all.length);

    server = await startServerProcess(env);
    // The sessions are in the database: the clients go on as they were, each sending again what went unanswered.
    await Promise.all(queues.map(async (queue) => {
      for (const work of queue) if (!work.answer) await send(server.url, work, true);
    }));
    expect(all.filter((w) => !w.answer)).toEqual([]);

    const session = await logIn(server.url, 'yongchuan');
    for (const work of all.filter((w) => w.answer!.status === 201)) {
      const stored = await call(server.url, session, 'GET', `/api/submissions/${work.body.id}`);
      expect(stored.status).toBe(200);
      expect({ data: stored.body.data, revision: stored.body.revision, status: stored.body.status })
        .toEqual({ data: work.answer!.body.data, revision: 1, status: 'draft' });
    }
    for (const formId of [LEDGER, ADDITIONS]) {
      const listed = await call(server.url, session, 'GET', `/api/forms/${formId}/submissions?pageSize=200&campaign=2021`);
      const stored = listed.body.items as { id: string; householdId: string }[];
      const created = all.filter((w) => w.formId === formId && w.answer!.status === 201).map((w) => w.body.id);
      expect(stored.map((s) => s.id).sort()).toEqual(created.sort());
      if (formId === LEDGER) {
        const households = stored.map((s) => s.householdId);
        expect(new Set(households).size).toBe(households.length);
        expect(households.length).toBe(new Set(all.filter((w) => w.formId === LEDGER).map((w) => w.body.householdId)).size);
      }
    }
    // Sent again, an acknowledged request is answered as the first time; with another body, refused.
    const sample = before.filter((w) => w.answer!.status === 201).slice(0, 5);
    for (const work of sample) {
      const again = await call(server.url, work.session, 'POST', `/api/forms/${work.formId}/submissions`, work.body);
      expect(again).toEqual({ status: 201, body: work.answer!.body });
      const changed = await call(server.url, work.session, 'POST', `/api/forms/${work.formId}/submissions`, { ...work.body, data: { ...work.body.data, farmland: 99 } });
      expect(changed.status).toBe(409);
    }
  } finally {
    await server.stop();
  }
}

describe('a server killed with SIGKILL under load', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('on SQLite keeps every acknowledged submission, once', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wnbd-crash-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    await crashAndRecover({ DATA_DIR: dataDir, DEMO: '1', DEMO_PASSWORD: PASSWORD, ADMIN_PASSWORD: 'admin-pass-2021' });
  });

  it.skipIf(!process.env.WNBD_PG_URL)('on PostgreSQL keeps every acknowledged submission, once', { timeout: 120_000 }, async () => {
    const url = process.env.WNBD_PG_URL!;
    const schema = newTestSchema();
    cleanups.push(() => dropTestSchema(url, schema));
    await crashAndRecover({ DATABASE_URL: url, DATABASE_SCHEMA: schema, DEMO: '1', DEMO_PASSWORD: PASSWORD, ADMIN_PASSWORD: 'admin-pass-2021' });
  });
});
