// Warnings explained (核实说明) and returns pointing at fields, through HTTP as the officer's and
// the reviewer's pages use them, on SQLite or (WNBD_TEST_STORE=postgres) PostgreSQL. The sample
// form warns when a household's per-capita income is at or above the line (6,000 元) yet A3 is
// not 突发严重困难户: 张德明's household of three with A28 18,000 元 is such a case.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;
const EXPLAINED = '户主年底务工收入已到账，已核实';
const WARNED = { A28: 18000, A3: '脱贫不稳定户' };

/** A body whose warning holds, without explanations unless given. */
function warned(household = 0, extra: Record<string, unknown> = {}) {
  const { explanations: _explained, ...body } = validBody(f.households[household]!.id, WARNED);
  return { ...body, ...extra };
}

describe('explanations of warnings on submit', () => {
  it('refuses a submit whose warning has no explanation: 422 naming the rule, at the field, nothing stored', async () => {
    const body = warned(0, { submit: true });
    const response = await f.officer.post(path, body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_submission');
    expect(response.body.error.message).toBe('提交失败：A3 监测对象类别：人均纯收入 6000 元不低于收入线 6000 元，应为突发严重困难户——须填写核实说明后才能正式提交（提示规则 kind-line）');
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: '/A3', field: 'A3', code: 'explanation:kind-line', severity: 'error' })]);
    expect(response.body.error.details.warnings).toEqual([expect.objectContaining({ path: '/A3', code: 'rule:kind-line' })]);
    expect((await f.officer.get(`/api/submissions/${body.id}`)).status).toBe(404);
    const blank = await f.officer.post(path, { ...body, explanations: { 'kind-line': '   ' } });
    expect(blank.status).toBe(422);
  });

  it('keeps a draft without explanations', async () => {
    const response = await f.officer.post(path, warned(1));
    expect(response.status, response.text).toBe(201);
    expect(response.body).toMatchObject({ status: 'draft', explanations: {} });
  });

  it('stores the explanation with the submission and with the submit in the history', async () => {
    const body = warned(0, { submit: true, explanations: { 'kind-line': ` ${EXPLAINED} ` } });
    const response = await f.officer.post(path, body);
    expect(response.status, response.text).toBe(201);
    expect(response.body).toMatchObject({ status: 'submitted', explanations: { 'kind-line': EXPLAINED } });
    const detail = (await f.township.get(`/api/submissions/${body.id}`)).body;
    expect(detail.explanations).toEqual({ 'kind-line': EXPLAINED });
    expect(detail.warnings).toEqual([expect.objectContaining({ path: '/A3', code: 'rule:kind-line' })]);
    expect(detail.history.map((e: { action: string; explanations: unknown }) => [e.action, e.explanations])).toEqual([['submit', { 'kind-line': EXPLAINED }]]);
    // A retry of the same request is the same submission.
    expect((await f.officer.post(path, body)).status).toBe(201);
    // The reviewer's table carries them, for a batch approval to list before approving.
    const row = (await f.township.get(`/api/forms/${SAMPLE_FORM_ID}/review-rows?status=submitted&q=张德明`)).body.items[0];
    expect(row).toMatchObject({ warningCount: 1, warnings: [{ path: '/A3', code: 'rule:kind-line', message: expect.stringContaining('应为突发严重困难户') }], explanations: { 'kind-line': EXPLAINED } });
  });

  it('refuses explanations of rules that are no warnings of the form, and texts past 500 characters', async () => {
    const unknown = await f.otherOfficer.post(path, warned(2, { explanations: { 'no-such-rule': '说明' } }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toBe('提交失败：核实说明所对应的提示规则“no-such-rule”不是本表的提示规则');
    const long = await f.otherOfficer.post(path, warned(2, { submit: true, explanations: { 'kind-line': '核'.repeat(501) } }));
    expect(long.status).toBe(422);
    expect(long.body.error.details.errors).toEqual([expect.objectContaining({ path: '/A3', message: '核实说明（提示规则 kind-line）不能超过 500 字，现为 501 字' })]);
  });

  it('keeps the explanations of a draft for its submit, when they are not sent again', async () => {
    const draft = await f.otherOfficer.post(path, warned(2, { explanations: { 'kind-line': EXPLAINED } }));
    expect(draft.status, draft.text).toBe(201);
    expect(draft.body.explanations).toEqual({ 'kind-line': EXPLAINED });
    // Submitted without sending them again: the stored explanation stands.
    const submitted = await f.otherOfficer.put(`/api/submissions/${draft.body.id}`, { data: draft.body.data, revision: draft.body.revision, submit: true });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.explanations).toEqual({ 'kind-line': EXPLAINED });
  });

  it('asks again on the resubmit of a returned submission, and drops the explanation of a warning gone', async () => {
    const list = (await f.township.get(`${path}?status=submitted&q=张德明`)).body.items[0];
    const returned = await f.township.post(`/api/submissions/${list.id}/review`, { decision: 'return', revision: list.revision, comment: '请核实收入' });
    expect(returned.status, returned.text).toBe(200);
    const refused = await f.officer.put(`/api/submissions/${list.id}`, { data: list.data, revision: returned.body.revision, submit: true, explanations: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors[0].code).toBe('explanation:kind-line');
    const fixed = await f.officer.put(`/api/submissions/${list.id}`, { data: { ...list.data, A3: '突发严重困难户' }, revision: returned.body.revision, submit: true });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.body).toMatchObject({ warnings: [], explanations: {} });
  });

  it('shows each warning with its explanation in the export, as 核实说明', async () => {
    const response = await f.server.app.request(`/api/forms/${SAMPLE_FORM_ID}/export?format=csv&status=submitted`, { headers: { Cookie: f.county.cookie } });
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()).subarray(3).toString('utf8')) as string[][];
    const column = rows[0]!.indexOf('核实说明');
    expect(column).toBe(10);
    const byHead = new Map(rows.slice(1).map((r) => [r[4], r[column]]));
    expect(byHead.get('刘大勇')).toBe(`A3 监测对象类别：人均纯收入 6000 元不低于收入线 6000 元，应为突发严重困难户 —— 核实说明：${EXPLAINED}`);
    expect(byHead.get('张德明')).toBe('');
  });
});

describe('returning with notes on fields', () => {
  let id = '';
  let revision = 0;

  beforeAll(async () => {
    const draft = (await f.officer.get(`${path}?q=王桂芳`)).body.items[0];
    const response = await f.officer.put(`/api/submissions/${draft.id}`, { data: { ...draft.data, A28: 3000 }, revision: draft.revision, submit: true });
    expect(response.status, response.text).toBe(200);
    id = draft.id;
    revision = response.body.revision;
  });

  it('refuses notes on fields the form does not have, empty notes, and notes with an approval', async () => {
    const bad = await f.township.post(`/api/submissions/${id}/review`, { revision, decision: 'return', comment: '请修改', fieldNotes: [{ path: '/A99', note: '没有这个字段' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('请求字段 fieldNotes.0.path 不正确：“/A99”不是本表的字段');
    const noRow = await f.township.post(`/api/submissions/${id}/review`, { revision, decision: 'return', comment: '请修改', fieldNotes: [{ path: '/members/name', note: '行号缺失' }] });
    expect(noRow.status).toBe(400);
    const empty = await f.township.post(`/api/submissions/${id}/review`, { revision, decision: 'return', comment: '请修改', fieldNotes: [{ path: '/A28', note: ' ' }] });
    expect(empty.body.error.message).toBe('请求字段 fieldNotes.0.note 不正确：标注的字段须写明要修改什么');
    const approve = await f.township.post(`/api/submissions/${id}/review`, { revision, decision: 'approve', fieldNotes: [{ path: '/A28', note: '好' }] });
    expect(approve.body.error.message).toBe('请求字段 fieldNotes 不正确：只有退回时才能标注字段');
    expect((await f.officer.get(`/api/submissions/${id}`)).body.status).toBe('submitted');
  });

  it('keeps the notes with the returned submission and its history, for the officer to see at the fields', async () => {
    const notes = [{ path: '/A28', note: '务工收入偏低，请核实' }, { path: '/members/0/idNumber', note: '证件号码与户口簿不符' }];
    const returned = await f.township.post(`/api/submissions/${id}/review`, { decision: 'return', revision, comment: '请按标注修改', fieldNotes: notes });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', fieldNotes: notes });
    const detail = (await f.officer.get(`/api/submissions/${id}`)).body;
    expect(detail).toMatchObject({ status: 'returned', returnComment: '请按标注修改', fieldNotes: notes });
    expect(detail.history.at(-1)).toMatchObject({ action: 'return', comment: '请按标注修改', fieldNotes: notes });

    const resubmitted = await f.officer.put(`/api/submissions/${id}`, { data: { ...detail.data, A28: 5000 }, revision: detail.revision, submit: true });
    expect(resubmitted.status, resubmitted.text).toBe(200);
    expect((await f.township.post(`/api/submissions/${id}/review`, { decision: 'approve', revision: resubmitted.body.revision })).status).toBe(200);
    const after = (await f.officer.get(`/api/submissions/${id}`)).body;
    expect(after.fieldNotes).toEqual([]);
    expect(after.history.find((e: { action: string }) => e.action === 'return').fieldNotes).toEqual(notes);
  });
});
