// The household registry imported from a spreadsheet, through HTTP: the template, a dry run that
// lists every row's problems by sheet row and column before anything is written, an import that
// writes every household or none, progress as NDJSON lines, and files refused in Chinese.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { residentId, sampleHouseholds } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';
import { readResponse, type TestClient } from '../helpers/testClient';

const f = setUpFixture();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file's bytes as the request body, as the page does; the answer unread. */
function request(client: TestClient, method: string, path: string, bytes?: Uint8Array | string, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (method !== 'GET') headers['Content-Type'] = typeof bytes === 'string' ? 'text/csv' : XLSX;
  return client.fetch(method, path, bytes, headers);
}

/** Uploads a file; NDJSON answers are kept as text. */
async function upload(client: TestClient, bytes: Uint8Array | string, query = '', accept = 'application/json') {
  return readResponse(await request(client, 'POST', `/api/household-import${query}`, bytes, accept));
}

const HEADERS = ['行政区划代码', '户主姓名', '户主证件号码', '联系电话', '家庭住址', '户类型', '纳入监测年月', '成员姓名', '成员证件号码', '与户主关系', '是否参加城乡居民（职工）基本医疗保险'];

async function workbook(rows: unknown[][], headers = HEADERS): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('农户');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const chen = residentId('500118', '19800101', 61);
const chenWife = residentId('500118', '19820303', 62);
const zhou = residentId('500118', '19751212', 71);

describe('GET /api/household-import/template', () => {
  it('gives an XLSX whose first sheet has the columns a clerk fills, ID columns as text, and instructions', async () => {
    const response = await f.admin.get('/api/household-import/template?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''%E5%86%9C%E6%88%B7");
    const raw = await request(f.admin, 'GET', '/api/household-import/template?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await raw.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('农户');
    expect((sheet.getRow(1).values as string[]).slice(1, 4)).toEqual(['行政区划代码', '户主姓名', '户主证件号码']);
    expect(sheet.getColumn(3).numFmt).toBe('@');
    expect(book.worksheets[1]!.name).toBe('填写说明');
  });

  it('gives the same columns as a CSV with a BOM', async () => {
    const response = await request(f.admin, 'GET', '/api/household-import/template?format=csv');
    expect(response.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text).toMatch(/^\uFEFF行政区划代码,户主姓名,户主证件号码,联系电话,家庭住址,户类型,纳入监测年月,风险消除年月,风险消除方式,主要返贫致贫风险,成员姓名,成员证件号码,与户主关系,性别,/);
  });

  it('is for administrators', async () => {
    expect((await f.officer.get('/api/household-import/template')).status).toBe(403);
  });
});

describe('POST /api/household-import', () => {
  it('lists every row\'s problems with its sheet row and column on a dry run, and writes nothing', async () => {
    const bytes = await workbook([
      ['500118104202', '陈光明', chen, '13900001111', '普安村2组', '脱贫户', '', '陈光明', chen, '户主', '是'],
      ['', '', chen, '', '普安村3组', '', '', '吴小梅', chenWife, '配偶', '否'],
      ['500118104202', '赵一', '500118198001010612', '', '', '', '', '赵一', '500118198001010612', '户主', ''],
      ['500118104299', '钱二', residentId('500118', '19810101', 81), '', '', '', '', '', '', '', ''],
      ['500118104201', '孙三', residentId('500118', '19830101', 91), '', '', '贫困户', '2021/6', '孙三', chenWife, '户主', '也许'],
      ['500118104201', '李四', 500118197001010000, '', '', '', '', '', '', '', ''],
    ]);
    const response = await upload(f.admin, bytes, '?dryRun=1');
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_rows');
    expect(response.body.error.message).toMatch(/^共 8 处错误，未导入任何数据。第 3 行 家庭住址：/);
    expect(response.body.error.details.problems).toEqual([
      { row: 3, column: '家庭住址', message: '家庭住址“普安村3组”与第 2 行（同一户主）的“普安村2组”不一致', severity: 'error' },
      { row: 4, column: '户主证件号码', message: expect.stringMatching(/^户主证件号码校验位错误/), severity: 'error' },
      { row: 4, column: '成员证件号码', message: expect.stringMatching(/^第 1 位成员 赵一 的证件号码校验位错误/), severity: 'error' },
      { row: 5, column: '行政区划代码', message: '行政区划代码 500118104299 不在已登记的村中', severity: 'error' },
      { row: 6, column: '是否参加城乡居民（职工）基本医疗保险', message: '是否参加城乡居民（职工）基本医疗保险应填“是”或“否”', severity: 'error' },
      { row: 6, column: '户类型', message: expect.stringMatching(/^户类型应为 脱贫户、一般农户/), severity: 'error' },
      { row: 6, column: '成员证件号码', message: `成员证件号码 ${chenWife} 已在第 3 行（户主 陈光明）登记，一人不能属于两户`, severity: 'error' },
      { row: 7, column: '户主证件号码', message: '户主证件号码在表格文件中被存成了数字，末尾几位已丢失：请把该列设为“文本”后重新填写', severity: 'error' },
    ]);
    expect((await f.admin.get('/api/households?q=陈光明')).body.total).toBe(0);
  });

  it('finds the same person in two households of the file', async () => {
    const bytes = await workbook([
      ['500118104202', '陈光明', chen, '', '', '', '', '陈光明', chen, '户主', ''],
      ['500118104202', '周强', zhou, '', '', '', '', '陈光明', chen, '其他', ''],
    ]);
    const response = await upload(f.admin, bytes, '?dryRun=1');
    expect(response.status).toBe(422);
    expect(response.body.error.details.problems).toEqual([
      { row: 3, column: '成员证件号码', message: `成员证件号码 ${chen} 已在第 2 行（户主 陈光明）登记，一人不能属于两户`, severity: 'error' },
    ]);
  });

  it('checks a CSV saved by Chinese Excel (GB18030) on a dry run, then imports it: households grouped by head, members in order', async () => {
    const csv = [
      '行政区划代码,户主姓名,户主证件号码,家庭住址,户类型,纳入监测年月,成员姓名,成员证件号码,与户主关系,备注',
      `500118104202,陈光明,${chen},普安村2组,边缘易致贫户,2021年6月,陈光明,${chen},户主,`,
      `,,${chen},,,,吴小梅,${chenWife},配偶,`,
      `500118104201,张德明,${sampleHouseholds()[0]!.headIdNumber},高滩村3组,脱贫户,,张德明,${sampleHouseholds()[0]!.headIdNumber},户主,只剩一人`,
    ].join('\r\n');
    const encoded = encodeGb18030(csv);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    const dry = await upload(f.admin, encoded, '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      type: 'result', ok: true, dryRun: true, rows: 3, households: 2, members: 3, created: 1, updated: 1,
      problems: [{ row: 1, column: '备注', message: '“备注”不是模板中的列，导入时忽略', severity: 'warning' }],
    });
    expect((await f.admin.get('/api/households?q=陈光明')).body.total).toBe(0);

    const done = await upload(f.admin, encoded);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ ok: true, dryRun: false, created: 1, updated: 1 });
    const chenHousehold = (await f.admin.get('/api/households?q=陈光明')).body.items[0];
    expect(chenHousehold).toMatchObject({ headName: '陈光明', kind: '边缘易致贫户', identifiedMonth: '2021-06', address: '普安村2组', memberCount: 2 });
    expect(chenHousehold.members.map((m: { name: string; relation: string }) => [m.name, m.relation])).toEqual([['陈光明', '户主'], ['吴小梅', '配偶']]);
    expect((await f.admin.get(`/api/households/${f.households[0]!.id}`)).body.memberCount).toBe(1);
  });

  it('streams progress lines and the result as NDJSON when asked', async () => {
    const bytes = await workbook([['500118104202', '周强', zhou, '', '', '一般农户', '', '周强', zhou, '户主', '是']]);
    const response = await upload(f.admin, bytes, '', 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = response.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.stage ?? l.type)).toEqual(['checking', 'checking', 'matching', 'writing', 'writing', 'result']);
    expect(lines.at(-1)).toMatchObject({ type: 'result', ok: true, created: 1, households: 1 });
    expect(lines.at(-2)).toEqual({ type: 'progress', stage: 'writing', done: 1, total: 1 });
    expect((await f.admin.get('/api/households?q=周强')).body.items[0].members[0]).toMatchObject({ name: '周强', medicalInsurance: true });
  });

  it('takes files larger than the API\'s 1 MB limit', async () => {
    const rows = ['行政区划代码,户主姓名,户主证件号码,家庭住址'];
    for (let i = 0; i < 12_000; i++) rows.push(`500118104201,户主${i},${residentId('500119', '19900101', i % 1000)},${'高滩村'.repeat(20)}`);
    const csv = rows.join('\n');
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const response = await upload(f.admin, csv, '?dryRun=1');
    expect(response.status).toBe(422);
    expect(response.body.error.details.problems.length).toBeGreaterThan(0);
  });

  it('refuses what is not a household file, in Chinese, and files over 20 MB', async () => {
    const empty = await upload(f.admin, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('请求内容不正确：没有收到文件');
    const headerOnly = await upload(f.admin, '行政区划代码,户主姓名,户主证件号码\n');
    expect(headerOnly.body.error.message).toBe('文件中没有数据行（第 1 行是表头，从第 2 行起每位家庭成员一行）');
    const broken = await upload(f.admin, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBe('无法读取 XLSX 表格文件：文件已损坏，或不是表格文件');
    const wrongColumns = await upload(f.admin, '姓名,电话\n张三,123\n');
    expect(wrongColumns.status).toBe(422);
    expect(wrongColumns.body.error.details.problems.map((p: { message: string }) => p.message)).toContain('缺少“行政区划代码”列（请使用导入模板）');
    const huge = await upload(f.admin, 'x'.repeat(21 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('文件过大（上限 20 MB）：请分批导入');
  });

  it('is for administrators', async () => {
    expect((await upload(f.officer, '行政区划代码\n1\n')).status).toBe(403);
  });
});

/** GB18030 bytes of a text, as Chinese Excel saves "CSV (逗号分隔)". */
function encodeGb18030(text: string): Uint8Array {
  // Node has a GB18030 decoder but no encoder: map each character through the decoder's table.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
