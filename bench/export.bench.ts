// The export's speed and memory: a temporary SQLite database filled with 100,000 submissions of
// the monitoring-object form (10 members each; the sample test form while that definition is not
// there), written straight through the store in batches (this measures export, not submission),
// then exported through the real route (app.request, the body stream consumed chunk by chunk) as
// CSV and as XLSX, 10,000 rows (one village) and 100,000 rows (everything). Memory must stay flat:
// the peak growth of RSS and heap during a 100,000-row export is printed beside the 10,000-row
// one, with the ratio, and so is the JS heap still live after a forced collection mid-export.
// Last, an XLSX of ~1,100 rows read by a slow client (100 KB/s), where only backpressure keeps the
// server from buffering the file. Figures are printed, never asserted.
// BENCH_EXPORT_ROWS (default 100000) and BENCH_FORMATS (default csv,xlsx) narrow a run.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluate, type Campaign, type FormData, type FormDefinition } from '@engine';
import { createApp } from '../server/app';
import { defaultServerConfig, systemClock, type Deps } from '../server/deps';
import { FormVersions } from '../server/forms/FormVersions';
import { prepareDatabase } from '../server/seed/prepareDatabase';
import type { SubmissionRecord, SubmissionStatus } from '../server/store/records';
import { SqliteStore } from '../server/store/sqlite/SqliteStore';
import { residentId, sampleForm } from '../test/helpers/sampleForm';
import { monitoringHousehold } from './fixtures/monitoringHousehold';
import { exportOnce, MB, memoryOf, memoryRatio, type Run } from './exportRun';
import { fmt, heading } from './measure';

const TOTAL = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const SMALL = Math.min(10_000, TOTAL);
const VILLAGE = '500118104201';
const OTHER_VILLAGES = ['500118104202', '500118104203', '500118104204', '500118104205'];
const PASSWORD = 'bench-admin-password';

interface Form {
  id: string;
  version: number;
  data: FormData;
  note: string;
}

function sampleData(): FormData {
  const members = Array.from({ length: 10 }, (_, i) => ({
    name: `张${'一二三四五六七八九十'[i]}`, idNumber: residentId('500118', '19650312', 10 + i), relation: i === 0 ? '户主' : '之子',
  }));
  return { headName: '张德明', address: '重庆市永川区临江镇高滩村3组', A1: false, A3: '脱贫不稳定户', A28: 62000, A34: 6200, members };
}

async function chooseForm(deps: Deps): Promise<Form> {
  const path = resolve('form-definitions/monitoring-object/definition.json');
  const real = existsSync(path) ? await deps.store.getForm('monitoring-object') : null;
  if (real?.latestVersion) {
    const definition = JSON.parse(readFileSync(path, 'utf8')) as FormDefinition;
    const campaign = JSON.parse(readFileSync(resolve('form-definitions/campaigns/2021.json'), 'utf8')) as Campaign;
    const data = evaluate(definition, monitoringHousehold(10), { params: campaign.parameters, household: null }).data;
    return { id: 'monitoring-object', version: real.latestVersion, data, note: 'form-definitions/monitoring-object, 10 members' };
  }
  const at = new Date().toISOString();
  await deps.store.createForm({ id: sampleForm.id, title: sampleForm.title, createdAt: at });
  const version = await deps.store.publishVersion({ formId: sampleForm.id, definition: sampleForm, by: 'bench', at, changes: ['bench'] });
  return { id: sampleForm.id, version, data: sampleData(), note: 'test/helpers/sampleForm (monitoring-object not published), 10 members' };
}

const STATUSES: SubmissionStatus[] = ['submitted', 'approved', 'draft', 'returned'];

async function fill(deps: Deps, form: Form, userId: string): Promise<number> {
  const start = performance.now();
  const at = new Date().toISOString();
  const CHUNK = 2000;
  for (let from = 0; from < TOTAL; from += CHUNK) {
    const writes: Promise<void>[] = [];
    for (let i = from; i < Math.min(TOTAL, from + CHUNK); i++) {
      const status = STATUSES[i % STATUSES.length]!;
      const record: SubmissionRecord = {
        id: randomUUID(), formId: form.id, formVersion: form.version, campaignId: '2021', householdId: null,
        divisionCode: i < SMALL ? VILLAGE : OTHER_VILLAGES[i % OTHER_VILLAGES.length]!,
        headName: `张德明${i}`, headIdNumber: residentId('500118', '19650312', i % 1000), status, reviewLevel: 0,
        data: { ...form.data, headName: `张德明${i}`, A28: 62000 + (i % 100) }, errors: [], warnings: [], prefill: null,
        requestHash: 'bench', revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: userId, updatedBy: userId, createdAt: at, updatedAt: at,
        submittedAt: status === 'draft' ? null : at, approvedAt: status === 'approved' ? at : null,
      };
      writes.push(deps.store.createSubmission({
        record, onePerHousehold: false,
        event: { submissionId: record.id, at, userId, username: 'admin', action: 'create', status, level: null, comment: null, changes: [] },
      }));
    }
    await Promise.all(writes);
  }
  return (performance.now() - start) / 1000;
}

function line(label: string, run: Run): string {
  return `${label.padEnd(22)} ${fmt(run.rows).padStart(7)} rows  ${fmt(run.seconds, 2).padStart(6)} s  ${fmt(run.rows / run.seconds).padStart(7)} rows/s  `
    + `${fmt(run.bytes / MB, 1).padStart(6)} MB  ${memoryOf(run)}`;
}

export async function runExportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wnbd-export-bench-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  try {
    const deps: Deps = {
      store, forms: new FormVersions(store), clock: systemClock, config: defaultServerConfig,
      log: { info: () => {}, error: (m, e) => console.error(m, e ?? '') },
    };
    await prepareDatabase({ ...deps, log: { info: () => {}, error: () => {} } }, { formsDir: resolve('form-definitions'), adminPassword: PASSWORD, demo: false });
    await store.upsertDivisions([
      { code: '500118', name: '永川区', parentCode: null }, { code: '500118104', name: '临江镇', parentCode: '500118' },
      ...[VILLAGE, ...OTHER_VILLAGES].map((code, i) => ({ code, name: `${['高滩', '普安', '九龙', '天堂', '龙洞桥'][i]}村`, parentCode: '500118104' })),
    ]);
    const form = await chooseForm(deps);
    heading(`export: ${fmt(TOTAL)} submissions of ${form.note}`);
    const admin = (await store.findUserByUsername('admin'))!;
    console.log(`filled the database in ${fmt(await fill(deps, form, admin.id), 1)} s (through the store, in batches of 2,000)`);

    const app = createApp(deps);
    const login = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const cookie = /wnbd_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';

    for (const format of (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',') as ('csv' | 'xlsx')[]) {
      await exportOnce(app, cookie, `${form.id}/export?format=${format}&division=${VILLAGE}&q=张德明1`);
      const small = await exportOnce(app, cookie, `${form.id}/export?format=${format}&division=${VILLAGE}`);
      const large = await exportOnce(app, cookie, `${form.id}/export?format=${format}`);
      console.log(line(`${format.toUpperCase()} ${fmt(SMALL)}`, small));
      console.log(line(`${format.toUpperCase()} ${fmt(TOTAL)}`, large));
      console.log(`${format.toUpperCase()} memory ${fmt(TOTAL)} / ${fmt(SMALL)}: ${memoryRatio(large, small)}   (flat: about ×1; rows ×${fmt(TOTAL / SMALL)})`);
    }
    const slow = await exportOnce(app, cookie, `${form.id}/export?format=xlsx&division=${VILLAGE}&q=张德明1`, 100 * 1024);
    console.log(line('XLSX, client 100 KB/s', slow));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runExportBench();
