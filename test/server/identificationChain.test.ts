// The identification chain of issue 17 through the HTTP API alone, on the store the environment
// selects (SQLite, or PostgreSQL with WNBD_TEST_STORE=postgres), with the shipped 2021 campaign
// and its monitoring-object form (township, then county):
// (a) a resident applies with no account → the item waits in the village's list → the officer
//     opens the identification form for it and submits → township and county approve → the
//     household is registered as a monitoring object, the item included and the status page says so;
// (b) an administrator imports a department's warning list (dry run, then for real) → the
//     household shows the warning and the item waits in the village's list → the officer closes one
//     with a reason and opens the form for the other, which is approved → reviewers count and export.
// And the final approval and the item it includes cannot part: a failure injected into the item's
// update (a database trigger) leaves the approval, the new household and the item all unwritten.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { monitoringHousehold } from '../../bench/fixtures/monitoringHousehold';
import { defaultApplicationLimits } from '../../server/public/applicationLimits';
import { image, referenceOf, upload } from '../helpers/attachments';
import { liuApplication, solvedChallenge } from '../helpers/publicApplication';
import { review } from '../helpers/review';
import { residentId, sampleHouseholds } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';
import { readResponse } from '../helpers/testClient';

const f = setUpFixture({ config: { trustProxy: true, applications: { ...defaultApplicationLimits, difficulty: 4 } } });
const COUNTY = '500118';
const GAOTAN = '500118104201';
const FORM = 'monitoring-object';
/** 刘建华 (liuApplication): born 1978-03-04 in 永川, a man; the check digit is GB 11643's. */
const LIU = '500118197803042116';
/** 双签字确认 (004): the household head's and the officer's signatures, uploaded before the submissions. */
const PNG = image('gradient.png');
const SIGNATURE = referenceOf(PNG, 'png');

beforeAll(async () => {
  expect((await upload(f.server, f.officer, SIGNATURE, PNG, '?kind=signature')).status).toBe(201);
});

async function publicPost(path: string, body: unknown) {
  const response = await f.server.app.request(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.1.0.1' }, body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function apply(data: Record<string, unknown>) {
  const solved = await solvedChallenge((path, init) => f.server.app.request(path, init), COUNTY);
  return publicPost(`/api/public/counties/${COUNTY}/applications`, { ...solved, data });
}

const statusOf = (receipt: string, idNumber: string) => publicPost('/api/public/application-status', { receipt, idNumber });

/** The monitoring-object form for one person, the head, as the officer completes it after the visit. */
function identification(head: { name: string; idNumber: string; gender: '男' | '女' }, extra: Record<string, unknown> = {}) {
  const template = monitoringHousehold(1).members as Record<string, unknown>[];
  const birth = head.idNumber.slice(6, 14);
  const member = {
    ...template[0], A5: head.name, A6: head.gender, A7: head.idNumber, A8: '户主', A13: '患大病',
    A14: Number(birth.slice(0, 4)) < 1960 ? '弱劳动力或半劳动力' : '普通劳动力',
  };
  return { ...monitoringHousehold(1), members: [member], A27: ['因病'], headSignature: SIGNATURE, officerSignature: SIGNATURE, ...extra };
}

/** Runs SQL on the test server's own database, beside the server's connections. */
async function onDatabase(sqliteSql: string, postgresSql: string): Promise<void> {
  if (f.server.kind === 'sqlite') {
    const db = new Database(join(f.server.dir, 'test.sqlite'));
    try {
      db.exec(sqliteSql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: process.env.WNBD_PG_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${f.server.schema}`);
    await client.query(postgresSql);
  } finally {
    await client.end();
  }
}

const FAIL_INCLUSION = {
  sqlite: `CREATE TRIGGER fail_inclusion BEFORE UPDATE OF state ON verification_items WHEN NEW.state = 'included'
    BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`,
  postgres: `CREATE FUNCTION fail_inclusion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
    CREATE TRIGGER fail_inclusion BEFORE UPDATE ON verification_items FOR EACH ROW WHEN (NEW.state = 'included') EXECUTE FUNCTION fail_inclusion();`,
};
const HEAL = { sqlite: 'DROP TRIGGER fail_inclusion;', postgres: 'DROP TRIGGER fail_inclusion ON verification_items; DROP FUNCTION fail_inclusion();' };

describe('the identification chain through the API', () => {
  it('(a) takes a resident\'s application from the phone to a household included and approved', async () => {
    const sent = await apply(liuApplication());
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const receipt = sent.body.receipt as string;
    expect((await statusOf(receipt, LIU)).body).toMatchObject({ status: 'received', statusText: '已受理，等待村里入户核查' });

    // The officer of 高滩村 finds it in the village's list, from the application.
    const list = await f.officer.get('/api/verification-items?state=open&source=application');
    const item = list.body.items.find((i: { idNumber: string }) => i.idNumber === LIU);
    expect(item).toMatchObject({ divisionCode: GAOTAN, name: '刘建华', source: 'application', state: 'open', householdId: null });
    expect(item.reason).toContain('自主申请（因病）');

    // The visit: the identification form opened for the item, then submitted.
    const submission = { id: randomUUID(), householdId: null, submit: true, data: identification({ name: '刘建华', idNumber: LIU, gender: '男' }) };
    expect((await f.officer.post(`/api/verification-items/${item.id}/link`, { submissionId: submission.id })).status).toBe(200);
    expect((await statusOf(receipt, LIU)).body).toMatchObject({ status: 'verifying', statusText: '正在入户核查' });
    const submitted = await f.officer.post(`/api/forms/${FORM}/submissions`, submission);
    expect(submitted.status, submitted.text).toBe(201);

    // Township, then county. The item stays open until the last approval.
    await review(f.township, submission.id, { decision: 'approve' }).then((r) => expect(r.status, r.text).toBe(200));
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body.state).toBe('open');
    const approved = await review(f.county, submission.id, { decision: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', householdId: expect.any(String) });

    const household = (await f.officer.get(`/api/households/${approved.body.householdId}`)).body;
    expect(household).toMatchObject({ headName: '刘建华', headIdNumber: LIU, divisionCode: GAOTAN, kind: '突发严重困难户' });
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body).toMatchObject({ state: 'included', submissionId: submission.id });
    expect((await statusOf(receipt, LIU)).body).toEqual({ receipt, status: 'included', statusText: '已纳入监测', reason: null, receivedAt: sent.body.receivedAt });
  });

  it('(b) takes a department\'s warning list to households verified: one closed with a reason, one identified and approved', async () => {
    const [zhang, wang] = sampleHouseholds();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('民政新增低保');
    for (const row of [
      ['姓名', '身份证号', '村', '原因'],
      [wang!.headName, wang!.headIdNumber, '高滩村', '因病新纳入低保，年医疗自付 2.4 万元'],
      [zhang!.headName, zhang!.headIdNumber, '高滩村', '申请临时救助'],
      ['查无此人', '', '高滩村', '因灾房屋受损'],
    ]) sheet.addRow(row);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const query = (dryRun: boolean) => `/api/warning-import?department=${encodeURIComponent('区民政局')}&date=2021-11-15${dryRun ? '&dryRun=1' : ''}`;
    const send = (dryRun: boolean) => f.admin.fetch('POST', query(dryRun), xlsx, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Accept: 'application/json',
    }).then(readResponse);

    const dry = await send(true);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ matched: 2, unmatched: 1, ambiguous: 0, written: 0 });
    expect((await f.officer.get('/api/verification-items?source=warning')).body.total).toBe(0);
    const real = await send(false);
    expect(real.body).toMatchObject({ matched: 2, written: 2 });

    const [zhangId, wangId] = [f.households[0]!.id, f.households[1]!.id];
    expect((await f.officer.get(`/api/households/${wangId}/warnings`)).body.items).toEqual([
      expect.objectContaining({ department: '区民政局', listDate: '2021-11-15', name: wang!.headName, reason: '因病新纳入低保，年医疗自付 2.4 万元' }),
    ]);
    const items = (await f.officer.get('/api/verification-items?source=warning&state=open')).body.items as { id: string; householdId: string; revision: number }[];
    const zhangItem = items.find((i) => i.householdId === zhangId)!;
    const wangItem = items.find((i) => i.householdId === wangId)!;

    // 张德明 is a 脱贫户 already watched: closed with the reason.
    const closed = await f.officer.post(`/api/verification-items/${zhangItem.id}/close`, { revision: zhangItem.revision, reason: '已是监测对象' });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closedReason: '已是监测对象' });

    // 王桂芳 is visited: the identification form on her registered household, approved twice.
    const submission = { id: randomUUID(), householdId: wangId, submit: true, data: identification({ name: wang!.headName, idNumber: wang!.headIdNumber, gender: '女' }, { address: wang!.address }) };
    expect((await f.officer.post(`/api/verification-items/${wangItem.id}/link`, { submissionId: submission.id })).status).toBe(200);
    const submitted = await f.officer.post(`/api/forms/${FORM}/submissions`, submission);
    expect(submitted.status, submitted.text).toBe(201);
    // The township one by one; the county from the table, many at once (each as a single review).
    await review(f.township, submission.id, { decision: 'approve' }).then((r) => expect(r.status, r.text).toBe(200));
    const revision = (await f.county.get(`/api/submissions/${submission.id}`)).body.revision;
    const batch = await f.county.post('/api/approvals', { items: [{ id: submission.id, revision }] });
    expect(batch.status, batch.text).toBe(200);
    expect(batch.body).toMatchObject({ approved: 1, refused: 0, results: [{ id: submission.id, outcome: 'approved', status: 'approved' }] });
    expect((await f.officer.get(`/api/households/${wangId}`)).body).toMatchObject({ kind: '突发严重困难户' });
    expect((await f.officer.get(`/api/verification-items/${wangItem.id}`)).body.state).toBe('included');

    // The reviewers: counts by state and source, and the export.
    const counts = (await f.township.get(`/api/verification-items?division=${GAOTAN}&source=warning`)).body.counts;
    expect(counts).toEqual(expect.arrayContaining([
      expect.objectContaining({ state: 'closed', source: 'warning', count: 1 }),
      expect.objectContaining({ state: 'included', source: 'warning', count: 1 }),
    ]));
    const csv = await f.county.fetch('GET', `/api/verification-items/export?format=csv&division=${GAOTAN}&source=warning`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(zhang!.headName))).toContain('已是监测对象');
    expect(lines.find((l) => l.includes(wang!.headName))).toContain('已纳入');
  });

  it('leaves the approval, the new household and the item all unwritten when including the item fails', async () => {
    const idNumber = residentId(COUNTY, '19751020', 133);
    const sent = await apply(liuApplication({ name: '陈志刚', idNumber }));
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const item = (await f.officer.get('/api/verification-items?source=application')).body.items.find((i: { idNumber: string }) => i.idNumber === idNumber);
    const submission = { id: randomUUID(), householdId: null, submit: true, data: identification({ name: '陈志刚', idNumber, gender: '男' }) };
    await f.officer.post(`/api/verification-items/${item.id}/link`, { submissionId: submission.id });
    expect((await f.officer.post(`/api/forms/${FORM}/submissions`, submission)).status).toBe(201);
    expect((await review(f.township, submission.id, { decision: 'approve' })).status).toBe(200);
    const before = (await f.county.get(`/api/submissions/${submission.id}`)).body;

    await onDatabase(FAIL_INCLUSION.sqlite, FAIL_INCLUSION.postgres);
    try {
      const failed = await review(f.county, submission.id, { decision: 'approve' });
      expect(failed.status).toBe(500);
    } finally {
      await onDatabase(HEAL.sqlite, HEAL.postgres);
    }
    expect((await f.county.get(`/api/submissions/${submission.id}`)).body).toMatchObject({ status: 'submitted', reviewLevel: 1, revision: before.revision, householdId: null });
    expect(await f.server.store.findHouseholdByHeadId(idNumber)).toBeNull();
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body).toMatchObject({ state: 'open', revision: 2 });
    expect((await statusOf(sent.body.receipt, idNumber)).body.status).toBe('verifying');

    // Once the fault is gone, the same approval writes all of it.
    const approved = await review(f.county, submission.id, { decision: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(await f.server.store.findHouseholdByHeadId(idNumber)).toMatchObject({ id: approved.body.householdId });
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body.state).toBe('included');
    expect((await statusOf(sent.body.receipt, idNumber)).body.status).toBe('included');
  });
});
