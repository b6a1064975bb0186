// The households to verify (重点核查户, issue 17) through HTTP, on SQLite and (WNBD_TEST_STORE=postgres)
// PostgreSQL: an officer's own finding lands in the village's list; officers see their village's
// only, reviewers their area's with counts by state and source and how long each waited; two
// closes of one item at once — one wins, the other is told (409); an item linked to the
// identification form's submission is included when that is approved, and is not closed while
// that form is with the reviewers (nor by a close racing the last approval); the list exported as
// XLSX and CSV; bad input refused in Chinese naming the field.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { review } from '../helpers/review';
import { sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const GAOTAN = '500118104201';
const PUAN = '500118104202';
const DAY = 24 * 60 * 60 * 1000;
/** GB 11643's published example: a valid number that belongs to no one here. */
const NEWCOMER_ID = '11010519491231002X';

async function finding(overrides: Record<string, unknown> = {}) {
  const response = await f.officer.post('/api/verification-items', {
    divisionCode: GAOTAN, name: '赵永福', idNumber: NEWCOMER_ID, reason: '妻子住院，自付医疗费用较大，家庭收入骤减', ...overrides,
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

describe('households to verify (重点核查户)', () => {
  it('puts an officer\'s own finding in the village\'s list, open, with how long each has waited', async () => {
    const item = await finding();
    expect(item).toMatchObject({
      divisionCode: GAOTAN, divisionName: '高滩村', name: '赵永福', idNumber: NEWCOMER_ID, source: 'officer', state: 'open', waitingDays: 0, revision: 1,
    });
    // An application received three days ago (as the public page adds it) waits in the same list, first.
    const applied = await f.server.store.addVerificationItem({
      id: randomUUID(), divisionCode: GAOTAN, householdId: null, idNumber: null, name: '陈淑芬', source: 'application', sourceRef: randomUUID(),
      reason: '因意外事故：丈夫务工受伤', receivedAt: new Date(f.server.clock.now().getTime() - 3 * DAY - 1000).toISOString(), createdBy: null,
    });
    const list = await f.officer.get('/api/verification-items?state=open');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: applied.id, source: 'application', waitingDays: 3 });
    expect(list.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ waitingDays: 0 });
    expect((await f.officer.get(`/api/verification-items/${applied.id}`)).body.waitingDays).toBe(3);
  });

  it('shows an officer of another village nothing of this one; the township reviewer sees both with counts', async () => {
    const gaotan = await finding({ name: '孙桂兰', idNumber: undefined, reason: '房屋因暴雨受损' });
    const puan = await f.otherOfficer.post('/api/verification-items', { divisionCode: PUAN, name: '刘大勇', reason: '务工收入中断' });
    expect(puan.status).toBe(201);
    const other = await f.otherOfficer.get('/api/verification-items');
    expect(other.body.items.map((i: { divisionCode: string }) => i.divisionCode)).toEqual([PUAN]);
    expect((await f.otherOfficer.get(`/api/verification-items/${gaotan.id}`)).status).toBe(404);
    expect((await f.otherOfficer.post(`/api/verification-items/${gaotan.id}/close`, { revision: 1, reason: '不符合' })).status).toBe(404);
    // Another village's list is not reached by naming it either.
    expect((await f.otherOfficer.get(`/api/verification-items?division=${GAOTAN}`)).body.items).toEqual([]);
    const added = await f.otherOfficer.post('/api/verification-items', { divisionCode: GAOTAN, name: '某某', reason: '核查' });
    expect(added.status).toBe(400);
    expect(added.body.error.message).toContain('divisionCode');

    const township = await f.township.get('/api/verification-items');
    const villages = new Set(township.body.items.map((i: { divisionCode: string }) => i.divisionCode));
    expect(villages).toEqual(new Set([GAOTAN, PUAN]));
    const open = township.body.counts.filter((c: { state: string }) => c.state === 'open');
    expect(open.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(township.body.total);
    expect((await f.township.get(`/api/verification-items?division=${PUAN}`)).body.counts).toEqual([
      { state: 'open', source: 'officer', count: 1, oldest: puan.body.receivedAt },
    ]);
    // Reviewers read; they neither add nor close.
    expect((await f.township.post('/api/verification-items', { divisionCode: GAOTAN, name: '某某', reason: '核查' })).status).toBe(403);
    expect((await f.township.post(`/api/verification-items/${gaotan.id}/close`, { revision: 1, reason: '不符合' })).status).toBe(403);
  });

  it('lets one of two closes of one item at once win; the other gets 409 and the item keeps the winner\'s reason', async () => {
    const item = await finding({ name: '钱学文' });
    const [a, b] = await Promise.all([
      f.officer.post(`/api/verification-items/${item.id}/close`, { revision: 1, reason: '不符合' }),
      f.officer.post(`/api/verification-items/${item.id}/close`, { revision: 1, reason: '已是监测对象' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.code).toBe('stale_revision');
    expect(loser.body.error.message).toContain('已关闭');
    const stored = (await f.officer.get(`/api/verification-items/${item.id}`)).body;
    expect(stored).toMatchObject({ state: 'closed', closedReason: winner.body.closedReason, revision: 2 });
    // A close at a revision someone moved since is refused too.
    const other = await finding({ name: '周建国' });
    await f.officer.post(`/api/verification-items/${other.id}/link`, { submissionId: randomUUID() });
    const stale = await f.officer.post(`/api/verification-items/${other.id}/close`, { revision: 1, reason: '外出务工，已返岗' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_revision', details: { revision: 2 } });
  });

  it('includes an item once the identification form opened for it is approved at the last level', async () => {
    const [, wang] = sampleHouseholds();
    const household = f.households[1]!;
    const item = await finding({ name: wang!.headName, idNumber: wang!.headIdNumber, householdId: household.id, reason: '独居老人，因病支出大' });
    const body = { ...validBody(household.id, { headName: wang!.headName, address: wang!.address, members: wang!.members }), submit: true };
    const linked = await f.officer.post(`/api/verification-items/${item.id}/link`, { submissionId: body.id });
    expect(linked.body).toMatchObject({ submissionId: body.id, state: 'open' });
    const sent = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body);
    expect(sent.status, sent.text).toBe(201);
    expect((await review(f.township, body.id, { decision: 'approve' })).status).toBe(200);
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body.state).toBe('open');
    expect((await review(f.county, body.id, { decision: 'approve' })).status).toBe(200);
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body).toMatchObject({ state: 'included', submissionId: body.id });
    // Finished: it is no longer closed or linked again.
    expect((await f.officer.post(`/api/verification-items/${item.id}/close`, { revision: 3, reason: '不符合' })).status).toBe(409);
  });

  it('keeps an item whose identification form is with the reviewers from being closed, even at the moment of the last approval', async () => {
    const [zhang] = sampleHouseholds();
    const household = f.households[0]!;
    const item = await finding({ name: zhang!.headName, idNumber: zhang!.headIdNumber, householdId: household.id, reason: '户主住院，自付费用大' });
    const body = { ...validBody(household.id, { headName: zhang!.headName, address: zhang!.address, members: zhang!.members }), submit: true };
    expect((await f.officer.post(`/api/verification-items/${item.id}/link`, { submissionId: body.id })).status).toBe(200);
    expect((await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body)).status).toBe(201);
    const inReview = await f.officer.post(`/api/verification-items/${item.id}/close`, { revision: 2, reason: '不符合' });
    expect(inReview.status).toBe(409);
    expect(inReview.body.error).toMatchObject({ code: 'conflict' });
    expect(inReview.body.error.message).toContain('正在审核');
    // Returned: the officer may close it now (the household does not qualify after all)…
    expect((await review(f.township, body.id, { decision: 'return', comment: '请核实收入' })).status).toBe(200);
    const pending = await f.officer.get(`/api/verification-items/${item.id}`);
    expect(pending.body.state).toBe('open');
    // …but resubmitted and approved by the township, the close and the county's approval race: the approval wins.
    const returned = (await f.officer.get(`/api/submissions/${body.id}`)).body;
    const resent = await f.officer.put(`/api/submissions/${body.id}`, { revision: returned.revision, data: body.data, submit: true });
    expect(resent.status, resent.text).toBe(200);
    expect((await review(f.township, body.id, { decision: 'approve' })).status).toBe(200);
    const [closing, approving] = await Promise.all([
      f.officer.post(`/api/verification-items/${item.id}/close`, { revision: 2, reason: '不符合' }),
      review(f.county, body.id, { decision: 'approve' }),
    ]);
    expect(approving.status).toBe(200);
    expect(closing.status).toBe(409);
    expect((await f.officer.get(`/api/verification-items/${item.id}`)).body).toMatchObject({ state: 'included', closedReason: null });
  });

  it('refuses a link to another village\'s submission', async () => {
    const item = await finding({ name: '吴小红' });
    const liu = sampleHouseholds()[2]!;
    const body = { ...validBody(f.households[2]!.id, { headName: liu.headName, address: liu.address, members: liu.members }) };
    expect((await f.otherOfficer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body)).status).toBe(201);
    const refused = await f.officer.post(`/api/verification-items/${item.id}/link`, { submissionId: body.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('submissionId');
  });

  it('refuses bad input in Chinese, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ divisionCode: '5001', name: '赵永福', reason: '因病' }, 'divisionCode'],
      [{ divisionCode: GAOTAN, name: '', reason: '因病' }, 'name'],
      [{ divisionCode: GAOTAN, name: '赵永福', idNumber: '110105194912310021', reason: '因病' }, 'idNumber'],
      [{ divisionCode: GAOTAN, name: '赵永福', reason: '   ' }, 'reason'],
      [{ divisionCode: GAOTAN, name: '赵永福', reason: '因病', householdId: f.households[2]!.id }, 'householdId'],
    ];
    for (const [body, field] of cases) {
      const response = await f.officer.post('/api/verification-items', body);
      expect(response.status, field).toBe(400);
      expect(response.body.error.message, field).toContain(field);
      expect(response.body.error.message, field).toMatch(/[\u4e00-\u9fff]/);
    }
    const item = await finding({ name: '郑大山' });
    const noReason = await f.officer.post(`/api/verification-items/${item.id}/close`, { revision: 1, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    expect((await f.officer.post(`/api/verification-items/${item.id}/link`, { submissionId: 'draft-1' })).body.error.message).toContain('submissionId');
    expect((await f.officer.get('/api/verification-items?state=waiting')).body.error.message).toContain('state');
    expect((await f.officer.get(`/api/verification-items/${randomUUID()}`)).status).toBe(404);
  });

  it('exports the area\'s list as XLSX and CSV, one row per item', async () => {
    await finding({ name: '冯秀英', reason: '残疾，无劳动力' });
    const total = (await f.township.get('/api/verification-items')).body.total;
    const xlsx = await f.township.fetch('GET', '/api/verification-items/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('重点核查户'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('重点核查户');
    expect(sheet.getRow(1).values).toContain('已等待天数');
    expect(sheet.rowCount).toBe(total + 1);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[2] === '冯秀英')).toEqual(['高滩村', GAOTAN, '冯秀英', NEWCOMER_ID, '信息员发现', '残疾，无劳动力', expect.any(String), '待核查', undefined, 0]);

    const csv = await f.officer.fetch('GET', '/api/verification-items/export?format=csv&state=open');
    const text = await csv.text();
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(text).toContain('冯秀英');
    expect(text).not.toContain('普安村');
    expect((await f.officer.get('/api/verification-items/export?format=pdf')).body.error.message).toContain('format');
  });
});
