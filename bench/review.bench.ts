// The reviewer's pages at county scale: a temporary SQLite database with 120,000 registry
// households in 20 villages of two townships and 100,000 submissions of the monitoring-object
// form (written straight through the store in batches: this measures reading, not submitting),
// then each reviewer request through the real routes (app.request) as the county reviewer who
// sees them all: the table's first page, a deep page, a filtered and sorted page, a text search,
// the progress summary, the missing households, the data-quality lists, and approving 100 at
// once. Each figure is the median of several runs after a warm-up; printed, never asserted.
// BENCH_REVIEW_ROWS changes the count; BENCH_REVIEW_DIR keeps the database there to inspect.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluate, residentIdCheckDigit, type FormData, type HouseholdKind } from '@engine';
import { createApp } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { defaultServerConfig, systemClock, type Deps } from '../server/deps';
import { FormVersions } from '../server/forms/FormVersions';
import { prepareDatabase } from '../server/seed/prepareDatabase';
import type { SubmissionRecord, SubmissionStatus } from '../server/store/records';
import { SqliteStore } from '../server/store/sqlite/SqliteStore';
import type { HouseholdInput } from '../server/store/Store';
import { loadCampaign, loadForm } from '../test/helpers/forms';
import { monitoringHousehold } from './fixtures/monitoringHousehold';
import { fmt, heading, percentile } from './measure';

const SUBMISSIONS = Number(process.env.BENCH_REVIEW_ROWS ?? 100_000);
const HOUSEHOLDS = Math.round(SUBMISSIONS * 1.2);
const TOWNSHIPS = ['500118104', '500118106'];
const VILLAGES = TOWNSHIPS.flatMap((t) => Array.from({ length: 10 }, (_, i) => `${t}${String(201 + i)}`));
const KINDS: HouseholdKind[] = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户', '脱贫户', '脱贫不稳定户', '边缘易致贫户'];
const STATUSES: SubmissionStatus[] = ['submitted', 'approved', 'draft', 'returned', 'submitted'];
const SURNAMES = '张李王刘陈杨黄周吴徐孙胡朱高林何';
const PASSWORD = 'bench-review-password';

/** A distinct 18-digit number with a valid check digit (the store checks no more). */
function idNumber(n: number): string {
  const first17 = `500118${String(n).padStart(11, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

function households(): HouseholdInput[] {
  return Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}德${i}`;
    const head = idNumber(i * 4);
    // Every 997th household also registers the previous household's second member (数据清洗).
    const shared = i % 997 === 1 ? [{ name: `共${i}`, idNumber: idNumber((i - 1) * 4 + 1), relation: '之女' }] : [];
    return {
      divisionCode: VILLAGES[i % VILLAGES.length]!, headName: name, headIdNumber: head, kind: KINDS[i % KINDS.length]!,
      members: [
        { name, idNumber: head, relation: '户主' },
        { name: `配${i}`, idNumber: idNumber(i * 4 + 1), relation: '配偶' },
        { name: `子${i}`, idNumber: idNumber(i * 4 + 2), relation: '之子' },
        ...shared,
      ],
    };
  });
}

async function fill(deps: Deps, userId: string): Promise<{ households: number; submissions: number }> {
  const t0 = performance.now();
  const all = households();
  const ids: string[] = [];
  for (let from = 0; from < all.length; from += 5000) ids.push(...(await deps.store.upsertHouseholds(all.slice(from, from + 5000), new Date().toISOString())).map((w) => w.id));
  const t1 = performance.now();
  const form = (await deps.store.getForm('monitoring-object'))!;
  const definition = loadForm('monitoring-object');
  const data: FormData = evaluate(definition, monitoringHousehold(3), { params: loadCampaign('2021').parameters, household: null }).data;
  const warning = [{ path: '/A3', field: 'A3', code: 'rule', message: 'A3 监测对象类别：人均纯收入高于收入线，应为突发严重困难户', severity: 'warning' as const }];
  const base = Date.parse('2021-10-01T00:00:00Z');
  for (let from = 0; from < SUBMISSIONS; from += 2000) {
    const writes: Promise<void>[] = [];
    for (let i = from; i < Math.min(SUBMISSIONS, from + 2000); i++) {
      const h = all[i]!;
      const status = STATUSES[i % STATUSES.length]!;
      const at = new Date(base + i * 37_000).toISOString();
      const record: SubmissionRecord = {
        id: randomUUID(), formId: form.id, formVersion: form.latestVersion!, campaignId: '2021', householdId: ids[i]!, divisionCode: h.divisionCode,
        headName: h.headName, headIdNumber: h.headIdNumber, status, reviewLevel: 0, data: { ...data, A3: h.kind },
        errors: [], warnings: i % 20 === 0 ? warning : [], prefill: null, requestHash: 'bench', revision: 1, returnComment: status === 'returned' ? '请核实' : null, explanations: {}, fieldNotes: [],
        createdBy: userId, updatedBy: userId, createdAt: at, updatedAt: at, submittedAt: status === 'draft' ? null : at, approvedAt: null,
      };
      writes.push(deps.store.createSubmission({
        record, onePerHousehold: true,
        event: { submissionId: record.id, at, userId, username: 'bench', action: 'submit', status, level: null, comment: null, changes: [] },
      }));
    }
    await Promise.all(writes);
  }
  return { households: (t1 - t0) / 1000, submissions: (performance.now() - t1) / 1000 };
}

async function timed(app: ReturnType<typeof createApp>, cookie: string, path: string, runs = 7): Promise<{ ms: number; body: any }> {
  let body: any;
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const response = await app.request(path, { headers: { Cookie: cookie } });
    body = await response.json();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    if (i > 0) times.push(performance.now() - start);
  }
  return { ms: percentile(times.sort((a, b) => a - b), 50), body };
}

export async function runReviewBench(): Promise<void> {
  const dir = process.env.BENCH_REVIEW_DIR ?? mkdtempSync(join(tmpdir(), 'wnbd-review-bench-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  try {
    const deps: Deps = { store, forms: new FormVersions(store), clock: systemClock, config: defaultServerConfig, log: { info: () => {}, error: (m, e) => console.error(m, e ?? '') } };
    await prepareDatabase(deps, { formsDir: resolve('form-definitions'), adminPassword: PASSWORD, demo: false });
    await store.upsertDivisions([
      { code: '500118', name: '永川区', parentCode: null },
      ...TOWNSHIPS.map((code, i) => ({ code, name: ['临江镇', '何埂镇'][i]!, parentCode: '500118' })),
      ...VILLAGES.map((code, i) => ({ code, name: `第${i + 1}村`, parentCode: code.slice(0, 9) })),
    ]);
    const county = randomUUID();
    await store.createUser({ id: county, username: 'county', displayName: '区审核员', role: 'reviewer', scope: ['500118'], passwordHash: await hashPassword(PASSWORD), createdAt: new Date().toISOString() });
    await store.createUser({ id: randomUUID(), username: 'town', displayName: '镇审核员', role: 'reviewer', scope: ['500118104'], passwordHash: await hashPassword(PASSWORD), createdAt: new Date().toISOString() });
    heading(`review: ${fmt(SUBMISSIONS)} monitoring-object submissions, ${fmt(HOUSEHOLDS)} households in ${VILLAGES.length} villages (SQLite)`);
    const filled = await fill(deps, county);
    console.log(`filled: households ${fmt(filled.households, 1)} s, submissions ${fmt(filled.submissions, 1)} s (through the store)`);

    const app = createApp(deps);
    const cookieOf = async (username: string) => {
      const login = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      return { cookie: /wnbd_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '', csrf };
    };
    const { cookie } = await cookieOf('county');
    const rows = '/api/forms/monitoring-object/review-rows';
    const lines: [string, string, number][] = [
      ['table, first page (50)', `${rows}?pageSize=50`, 0],
      ['table, deep page (offset 99,900)', `${rows}?pageSize=50&page=${Math.floor(SUBMISSIONS / 50) - 1}`, 0],
      ['table, village + status, by head', `${rows}?pageSize=50&division=${VILLAGES[5]}&status=submitted&sort=headName&order=asc&page=3`, 0],
      ['table, all, by head name, page 500', `${rows}?pageSize=50&sort=headName&order=asc&page=500`, 0],
      ['table, text search (head name)', `${rows}?pageSize=50&q=${encodeURIComponent('张德1')}`, 0],
      ['table, from/to dates', `${rows}?pageSize=50&from=2021-10-10&to=2021-10-20&sort=submittedAt`, 0],
      ['progress summary', '/api/forms/monitoring-object/progress?campaign=2021', 0],
      ['progress, township', `/api/forms/monitoring-object/progress?campaign=2021&division=${TOWNSHIPS[0]}`, 0],
      ['missing households, page 1', '/api/forms/monitoring-object/progress/missing?campaign=2021', 0],
      ['warnings, page 1', '/api/quality/warnings?form=monitoring-object', 0],
      ['duplicate ID numbers, page 1', '/api/quality/duplicates', 0],
    ];
    for (const line of lines) {
      const { ms, body } = await timed(app, cookie, line[1]);
      line[2] = ms;
      console.log(`${line[0].padEnd(36)} ${fmt(ms, 1).padStart(8)} ms   ${typeof body.total === 'number' ? `total ${fmt(body.total)}` : `expected ${fmt(body.total.expected)}, missing ${fmt(body.total.missing)}`}`);
    }

    const town = await cookieOf('town');
    const waiting = await timed(app, town.cookie, `${rows}?pageSize=100&status=submitted&level=0`, 1);
    const items = (waiting.body.items as { id: string; revision: number }[]).map(({ id, revision }) => ({ id, revision }));
    const start = performance.now();
    const approved = await app.request('/api/approvals', {
      method: 'POST', headers: { Cookie: town.cookie, 'X-CSRF-Token': town.csrf, 'Content-Type': 'application/json' }, body: JSON.stringify({ items }),
    });
    const result = (await approved.json()) as { approved: number; refused: number };
    const ms = performance.now() - start;
    console.log(`${`approve ${items.length} at once`.padEnd(36)} ${fmt(ms, 1).padStart(8)} ms   ${result.approved} approved, ${result.refused} refused, ${fmt(ms / Math.max(items.length, 1), 2)} ms each`);
  } finally {
    await store.close();
    if (!process.env.BENCH_REVIEW_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runReviewBench();
