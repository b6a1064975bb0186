// The XLSForm routes: a form downloaded as a workbook and read back, the import's dry-run report,
// the draft saved only when the workbook, the definition check and the form's test cases all
// pass (then published as a new version as any draft), a new form created from a workbook, and
// the bad inputs: not a workbook, too big, no survey sheet, an officer.
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '@engine/xlsform/definition/exportWorkbook';
import type { SheetBook } from '@engine/xlsform/definition/workbook';
import { readWorkbook } from '../../../server/xlsform/readWorkbook';
import { writeWorkbook } from '../../../server/xlsform/writeWorkbook';
import { publishDraft } from '../../helpers/drafts';
import { SAMPLE_FORM_ID, sampleForm } from '../../helpers/sampleForm';
import { setUpFixture } from '../../helpers/serverFixture';

const f = setUpFixture();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(formId: string, bytes: Uint8Array, query = '') {
  return f.admin.request('POST', `/api/forms/${formId}/xlsform${query}`, bytes, { 'Content-Type': XLSX });
}

async function download(formId: string, query = ''): Promise<{ status: number; bytes: Uint8Array; type: string | null; disposition: string | null }> {
  const response = await f.admin.fetch('GET', `/api/forms/${formId}/xlsform${query}`);
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition') };
}

/** The sample form's workbook with one survey cell changed. */
async function sampleWith(name: string, column: string, value: string): Promise<Uint8Array> {
  const { book } = exportWorkbook(sampleForm);
  const row = book.sheets[0]!.rows.find((r) => r.cells.name === name)!;
  row.cells[column] = value;
  return writeWorkbook(book, sampleForm.title);
}

const CASE = {
  name: '两口人，工资 10000 元：人均 5000 元', data: { headName: '陈明华', A3: '边缘易致贫户', A28: 10000, members: [{ name: '陈明华', idNumber: '500118195804170014' }, { name: '刘素芬', idNumber: '50011819620823002X' }] },
  expect: { values: { '/A34': 5000 } },
};

describe('download as Excel', () => {
  it('gives the published form as a workbook with the survey, choices and settings sheets, readable back', async () => {
    const got = await download(SAMPLE_FORM_ID);
    expect(got.status).toBe(200);
    expect(got.type).toBe(XLSX);
    expect(got.disposition).toContain('.xlsx');
    const book = await readWorkbook(got.bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings', 'parameters', 'checks', '说明']);
    const survey = book.sheets[0]!;
    const a34 = survey.rows.find((r) => r.cells.name === 'A34')!;
    expect(a34.cells).toMatchObject({ type: 'decimal', read_only: 'yes' });
    expect(a34.cells.calculation).toContain('${A28}');
    expect(survey.rows.find((r) => r.cells.name === 'members')!.cells).toMatchObject({ type: 'begin repeat', prefill: 'members', min_rows: '1' });
    expect(book.sheets[1]!.rows.map((r) => r.cells.name)).toEqual(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']);
  });

  it('is 404 for a form that does not exist and 403 for an officer', async () => {
    expect((await download('no-such-form')).status).toBe(404);
    expect((await f.officer.request('GET', `/api/forms/${SAMPLE_FORM_ID}/xlsform`)).status).toBe(403);
  });
});

describe('import from Excel', () => {
  it('reports a dry run of the downloaded workbook as importable, its cases passing, and saves nothing', async () => {
    await f.admin.put(`/api/forms/${SAMPLE_FORM_ID}/cases`, { cases: [CASE] });
    const before = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
    const { bytes } = await download(SAMPLE_FORM_ID);
    const dry = await upload(SAMPLE_FORM_ID, bytes, '?dryRun=1');
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, ok: true, saved: false, revision: null, summary: { fields: 10, tables: 1 } });
    expect(dry.body.cases).toEqual([{ name: CASE.name, campaignId: 'test-2021', campaignTitle: '2021年度（测试）', passed: true, failures: [] }]);
    expect((await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body.revision).toBe(before.revision);
  });

  it('refuses a workbook whose formula breaks a test case, saving nothing, and saves the fixed one as the draft, published as a new version', async () => {
    const { revision } = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
    const broken = await upload(SAMPLE_FORM_ID, await sampleWith('A34', 'calculation', '${A28}'), `?revision=${revision}`);
    expect(broken.status).toBe(422);
    expect(broken.body.error.message).toContain('测试用例未通过');
    expect(broken.body.error.details.cases[0]).toMatchObject({ passed: false, failures: ['/A34 应为 5000，实际为 10000'] });
    expect((await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body.definition).toBeNull();

    const fixed = await upload(SAMPLE_FORM_ID, await sampleWith('A2', 'label', 'A2 安置区详细地址'), `?revision=${revision}`);
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.body).toMatchObject({ ok: true, saved: true, revision: revision + 1 });
    const draft = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
    expect(draft.definition.schema.properties.A2.title).toBe('A2 安置区详细地址');
    const published = await publishDraft(f.admin, SAMPLE_FORM_ID);
    expect(published.status, published.text).toBe(201);
    expect(published.body.changes.join('')).toContain('A2');
  });

  it('names the sheet, row and column of a construct with no equivalent, and saves nothing', async () => {
    const response = await upload(SAMPLE_FORM_ID, await sampleWith('A2', 'type', 'barcode'), '?revision=0');
    expect(response.status).toBe(422);
    const row = exportWorkbook(sampleForm).book.sheets[0]!.rows.find((r) => r.cells.name === 'A2')!.row;
    expect(response.body.error.message).toBe(`共 1 处错误，未导入：survey 工作表第 ${row} 行 type 列：题型条码（barcode）在本系统没有对应`);
    expect(response.body.error.details.problems).toContainEqual({ sheet: 'survey', row, column: 'type', message: '题型条码（barcode）在本系统没有对应', severity: 'error' });
  });

  it('creates a new form from a workbook, as a draft', async () => {
    const { book } = exportWorkbook({ ...sampleForm, id: 'from-excel', title: '从 Excel 来的表' });
    const created = await upload('from-excel', await writeWorkbook(book, 'x'));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ saved: true, revision: 1, definition: { id: 'from-excel', title: '从 Excel 来的表' } });
    expect((await f.admin.get('/api/forms/from-excel/draft')).body.definition.title).toBe('从 Excel 来的表');
  });
});

describe('bad input', () => {
  it('refuses what is not a workbook with a 400 in Chinese', async () => {
    const response = await upload(SAMPLE_FORM_ID, new TextEncoder().encode('type,name,label\ntext,A1,姓名\n'), '?dryRun=1');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('不是 Excel 工作簿');
    const zipOfNothing = await upload(SAMPLE_FORM_ID, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '?dryRun=1');
    expect(zipOfNothing.status).toBe(400);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const response = await upload(SAMPLE_FORM_ID, new Uint8Array(1024 * 1024 + 1).fill(0x50), '?dryRun=1');
    expect(response.status).toBe(413);
  });

  it('reports a workbook without a survey sheet, and refuses to save it', async () => {
    const book: SheetBook = { sheets: [{ name: 'choices', columns: ['list_name', 'name', 'label'], rows: [{ row: 2, cells: { list_name: 'yn', name: 'yes', label: '是' } }] }] };
    const bytes = await writeWorkbook(book, 'x');
    const dry = await upload(SAMPLE_FORM_ID, bytes, '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: false, definition: null });
    expect(dry.body.problems).toContainEqual({ sheet: 'survey', row: null, column: null, message: '缺少 survey 工作表（每行一个题目）', severity: 'error' });
    expect((await upload(SAMPLE_FORM_ID, bytes, '?revision=0')).status).toBe(422);
  });

  it('refuses an officer', async () => {
    const { bytes } = await download(SAMPLE_FORM_ID);
    expect((await f.officer.request('POST', `/api/forms/${SAMPLE_FORM_ID}/xlsform?dryRun=1`, bytes, { 'Content-Type': XLSX })).status).toBe(403);
  });
});
