import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, JsonSchema } from '@engine';
import { publishDraft, saveDraft } from '../helpers/drafts';
import { openCsvAsSpreadsheet, shownRows, type OpenedCell } from '../helpers/openCsvAsSpreadsheet';
import { review } from '../helpers/review';
import { residentId, sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import type { TestClient } from '../helpers/testServer';

const f = setUpFixture();
const submissions = `/api/forms/${SAMPLE_FORM_ID}/submissions`;
const exportPath = `/api/forms/${SAMPLE_FORM_ID}/export`;
const ids: Record<'zhangV1' | 'wangV2' | 'liuV2' | 'formulaV2' | 'zhaoV3', string> = { zhangV1: '', wangV2: '', liuV2: '', formulaV2: '', zhaoV3: '' };
let memberCount = 0;

const MAIN_HEADER = [
  '提交编号', '状态', '行政区划代码', '村', '户主姓名（农户档案）', '户主证件号码', '表单版本', '提交时间', '审核通过时间', '填报人', '核实说明',
  '户主姓名（表内填写）', '家庭住址', 'A1 居住在安置区', 'A3 监测对象类别', 'B1 增加原因（代码）', 'B1 增加原因', 'B2 致贫原因',
  '联系人.姓名', '联系人.电话', 'A28 工资性收入（元）', 'A34 家庭人均纯收入（元）', 'A2 安置区地址',
];
const MEMBER_HEADER = ['提交编号', '户主姓名', '行号', '姓名', '证件号码', '与户主关系', '增加原因（代码）', '增加原因'];
const col = (header: string) => MAIN_HEADER.indexOf(header);

/** Version 2 drops A2, adds a coded choice (B1), a multiple choice (B2), a nested object and a coded member column. */
function version2(): FormDefinition {
  const d = structuredClone(sampleForm) as FormDefinition & { schema: JsonSchema & { properties: Record<string, JsonSchema>; required: string[] } };
  const properties: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(d.schema.properties)) {
    if (key === 'A2') continue;
    properties[key] = schema;
    if (key === 'A3') {
      properties.B1 = { type: 'string', title: 'B1 增加原因', oneOf: [{ const: '1', title: '新生儿' }, { const: '2', title: '婚入' }] };
      properties.B2 = { type: 'array', title: 'B2 致贫原因', items: { type: 'string', enum: ['因病', '因学', '因残'] }, uniqueItems: true };
      properties.contact = { type: 'object', title: '联系人', properties: { name: { type: 'string', title: '姓名' }, phone: { type: 'string', title: '电话' } } };
    }
  }
  (properties.members!.items as { properties: Record<string, JsonSchema> }).properties.reason =
    { type: 'string', title: '增加原因', oneOf: [{ const: '1', title: '新生儿' }, { const: '2', title: '婚入' }] };
  d.schema.properties = properties;
  d.schema.required = d.schema.required.filter((k) => k !== 'A2');
  d.rules = { ...d.rules, visibility: [] };
  return d;
}

/** Version 3 only renames the label of B1's code 2. */
function version3(): FormDefinition {
  const d = version2();
  ((d.schema.properties as Record<string, { oneOf: { title: string }[] }>).B1!.oneOf[1]!).title = '婚姻迁入';
  return d;
}

/** A new version the campaign adopts (it has submissions already: it adopts only when named). */
async function publish(definition: FormDefinition) {
  expect((await saveDraft(f.admin, SAMPLE_FORM_ID, definition)).status).toBe(200);
  const { revision } = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
  expect((await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/publish`, { revision, adopt: ['test-2021'] })).status).toBe(201);
}

async function create(officer: TestClient, householdId: string, data: Record<string, unknown>, submit = false): Promise<string> {
  const response = await officer.post(submissions, { ...validBody(householdId, data), submit });
  expect(response.status, response.text).toBe(201);
  memberCount += response.body.data.members.length;
  return response.body.id;
}

const extraHouseholds = [
  {
    divisionCode: '500118104201', headName: '=SUM(A1)', headIdNumber: residentId('500118', '19800101', 61), kind: '一般农户',
    members: [{ name: '=SUM(A1)', idNumber: residentId('500118', '19800101', 61), relation: '户主' }],
  },
  {
    divisionCode: '500118104201', headName: '赵桂英', headIdNumber: residentId('500118', '19750404', 71), kind: '一般农户',
    members: [
      { name: '赵桂英', idNumber: residentId('500118', '19750404', 71), relation: '户主' },
      { name: '孙小丽', idNumber: residentId('500118', '20200101', 72), relation: '之女' },
    ],
  },
];

beforeAll(async () => {
  const imported = await f.admin.post('/api/households', extraHouseholds);
  expect(imported.status, imported.text).toBe(200);
  const [formulaId, zhaoId] = imported.body.ids as string[];
  const [zhang, wang, liu] = sampleHouseholds();
  const members = (h: { members: { name: string; idNumber: string; relation: string }[] }, reason?: string) =>
    h.members.map((m) => ({ name: m.name, idNumber: m.idNumber, relation: m.relation, ...(reason ? { reason } : {}) }));

  ids.zhangV1 = await create(f.officer, f.households[0]!.id, { A1: true, A2: '安置区1号' });

  await publish(version2());
  ids.wangV2 = await create(f.officer, f.households[1]!.id, {
    headName: wang!.headName, address: wang!.address, members: members(wang!, '1'), A28: 3000,
    B1: '2', B2: ['因病', '因学'], contact: { name: '周志勇', phone: '13508321234' },
  }, true);
  expect((await review(f.township, ids.wangV2, { decision: 'approve' })).status).toBe(200);
  expect((await review(f.county, ids.wangV2, { decision: 'approve' })).status).toBe(200);
  ids.liuV2 = await create(f.otherOfficer, f.households[2]!.id, {
    headName: liu!.headName, address: liu!.address, members: members(liu!), B1: '1', contact: { name: '刘建', phone: '02349112233' },
  }, true);
  ids.formulaV2 = await create(f.officer, formulaId!, {
    headName: '=SUM(A1)', address: '@cmd', members: members(extraHouseholds[0]!), A28: -5,
    contact: { name: '-5', phone: '-2+3+cmd' },
  });

  await publish(version3());
  ids.zhaoV3 = await create(f.officer, zhaoId!, { headName: '赵桂英', address: '重庆市永川区临江镇高滩村7组', members: members(extraHouseholds[1]!, '2'), B1: '2' });
  expect(zhang).toBeDefined();
});

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: any;
}

async function download(client: TestClient | null, query: string, path = exportPath): Promise<Download> {
  const response = await f.server.app.request(`${path}?${query}`, { headers: client ? { Cookie: client.cookie } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: unknown = null;
  if (response.headers.get('content-type')?.startsWith('application/json')) json = JSON.parse(bytes.toString('utf8'));
  return { status: response.status, headers: response.headers, bytes, json };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The cells of a CSV download as a spreadsheet opens them. */
function csvCells(file: Download): OpenedCell[][] {
  expect(file.status).toBe(200);
  expect(file.bytes.subarray(0, 3)).toEqual(BOM);
  return openCsvAsSpreadsheet(file.bytes);
}

/** What a person reads in each cell of a CSV download, opened in a spreadsheet. */
const csvRows = (file: Download): string[][] => shownRows(csvCells(file));

async function xlsxSheets(file: Download): Promise<Map<string, unknown[][]>> {
  expect(file.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(Array.from(row.values as unknown[]).slice(1).map((v) => v ?? null)));
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

const rowOf = <T extends unknown[]>(rows: T[], id: string): T => {
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
};

describe('GET /api/forms/:formId/export?format=csv', () => {
  it('sends UTF-8 with a BOM and CRLF line ends, a Chinese file name with an ASCII fallback, and the row count up front', async () => {
    const file = await download(f.county, 'format=csv');
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('x-export-rows')).toBe('5');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="${SAMPLE_FORM_ID}-2021-11-20.csv"; filename*=UTF-8''${encodeURIComponent('农户核查表（测试）-2021-11-20.csv')}`,
    );
    const text = file.bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')).toHaveLength(1 + 5 + 1);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const rows = csvRows(file);
    expect(rows[0]).toEqual(MAIN_HEADER);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(Object.values(ids).sort());
  });

  it('writes the fixed columns, then the fields in schema order, booleans as 是/否, choices joined with 、, objects flattened', async () => {
    const rows = csvRows(await download(f.county, 'format=csv'));
    const wang = rowOf(rows, ids.wangV2);
    expect(wang.slice(0, 10)).toEqual([
      ids.wangV2, '已通过', '500118104201', '高滩村', '王桂芳', sampleHouseholds()[1]!.headIdNumber, '2',
      '2021-11-20 17:00:00', '2021-11-20 17:00:00', 'cunyuan',
    ]);
    expect(wang[col('A1 居住在安置区')]).toBe('否');
    expect(wang[col('B2 致贫原因')]).toBe('因病、因学');
    expect(wang[col('联系人.姓名')]).toBe('周志勇');
    expect(wang[col('联系人.电话')]).toBe('13508321234');
    expect(wang[col('A28 工资性收入（元）')]).toBe('3000');
    expect(wang[col('A34 家庭人均纯收入（元）')]).toBe('3000');
    const zhang = rowOf(rows, ids.zhangV1);
    expect([zhang[1], zhang[6], zhang[7], zhang[col('A1 居住在安置区')]]).toEqual(['草稿', '1', '', '是']);
  });

  it('gives a coded choice two columns, code and label, labelled with the version each submission was filled against', async () => {
    const rows = csvRows(await download(f.county, 'format=csv'));
    const b1 = (id: string) => [rowOf(rows, id)[col('B1 增加原因（代码）')], rowOf(rows, id)[col('B1 增加原因')]];
    expect(b1(ids.wangV2)).toEqual(['2', '婚入']);
    expect(b1(ids.liuV2)).toEqual(['1', '新生儿']);
    expect(b1(ids.zhaoV3)).toEqual(['2', '婚姻迁入']);
    expect(b1(ids.zhangV1)).toEqual(['', '']);
    expect(rowOf(rows, ids.zhangV1)[col('A2 安置区地址')]).toBe('安置区1号');
    expect(rowOf(rows, ids.wangV2)[col('A2 安置区地址')]).toBe('');
  });

  it('neutralises text that a spreadsheet would read as a formula, but not numbers', async () => {
    const row = rowOf(csvRows(await download(f.county, 'format=csv')), ids.formulaV2);
    expect(row[col('户主姓名（农户档案）')]).toBe("'=SUM(A1)");
    expect(row[col('户主姓名（表内填写）')]).toBe("'=SUM(A1)");
    expect(row[col('家庭住址')]).toBe("'@cmd");
    expect(row[col('联系人.电话')]).toBe("'-2+3+cmd");
    expect(row[col('联系人.姓名')]).toBe('-5');
    expect(row[col('A28 工资性收入（元）')]).toBe('-5');
  });

  it('keeps ID numbers, division codes and phones as typed when a spreadsheet opens the file, and runs no formula', async () => {
    const file = await download(f.county, 'format=csv');
    const cells = csvCells(file);
    const header = cells[0]!.map((c) => c.shown);
    const registered = new Map([...sampleHouseholds(), ...extraHouseholds].map((h) => [h.headName, h.headIdNumber]));
    for (const row of cells.slice(1)) {
      const head = row[header.indexOf('户主姓名（农户档案）')]!.shown.replace(/^'/, '');
      expect(row[header.indexOf('户主证件号码')]).toMatchObject({ type: 'text', value: registered.get(head) });
      expect(row[header.indexOf('行政区划代码')]).toMatchObject({ type: 'text', value: expect.stringMatching(/^50011810420[12]$/) });
    }
    const liu = cells.find((r) => r[0]!.shown === ids.liuV2)!;
    expect(liu[col('联系人.电话')]).toEqual({ type: 'text', value: '02349112233', shown: '02349112233' });
    expect(cells.flat().filter((c) => c.type === 'formula')).toEqual([]);
    expect(file.bytes.toString('utf8')).toContain(`"=""${sampleHouseholds()[1]!.headIdNumber}"""`);

    const members = csvCells(await download(f.county, 'format=csv&table=members'));
    const memberIds = members.slice(1).map((r) => r[4]!);
    expect(memberIds).toHaveLength(memberCount);
    expect(memberIds.filter((c) => c.type !== 'text' || !/^\d{17}[\dX]$/.test(c.value))).toEqual([]);
  });

  it('exports a table\'s rows as their own file with &table=, one row per member', async () => {
    const file = await download(f.county, 'format=csv&table=members');
    expect(file.headers.get('content-disposition')).toContain(`filename="${SAMPLE_FORM_ID}-members-2021-11-20.csv"`);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('农户核查表（测试）-家庭成员-2021-11-20.csv'));
    const rows = csvRows(file);
    expect(rows[0]).toEqual(MEMBER_HEADER);
    expect(rows).toHaveLength(1 + memberCount);
    expect(rows.filter((r) => r[0] === ids.zhaoV3)).toEqual([
      [ids.zhaoV3, '赵桂英', '1', '赵桂英', extraHouseholds[1]!.members[0]!.idNumber, '户主', '2', '婚入'],
      [ids.zhaoV3, '赵桂英', '2', '孙小丽', extraHouseholds[1]!.members[1]!.idNumber, '之女', '2', '婚入'],
    ]);
    expect(rowOf(rows, ids.wangV2).slice(6)).toEqual(['1', '新生儿']);
    expect(rowOf(rows, ids.formulaV2)[1]).toBe("'=SUM(A1)");
  });
});

describe('GET /api/forms/:formId/export?format=xlsx', () => {
  it('has the main sheet and a sheet per table, titled, with one row per submission and one per member', async () => {
    const file = await download(f.county, 'format=xlsx');
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('农户核查表（测试）-2021-11-20.xlsx')}`);
    expect(file.headers.get('x-export-rows')).toBe('5');
    const sheets = await xlsxSheets(file);
    expect([...sheets.keys()]).toEqual(['农户核查表（测试）', '家庭成员']);
    const main = sheets.get('农户核查表（测试）')!;
    expect(main[0]).toEqual(MAIN_HEADER);
    expect(main).toHaveLength(1 + 5);
    const members = sheets.get('家庭成员')!;
    expect(members[0]).toEqual(MEMBER_HEADER);
    expect(members).toHaveLength(1 + memberCount);
    expect(members.filter((r) => r[0] === ids.zhangV1).map((r) => [r[2], r[3]])).toEqual([[1, '张德明'], [2, '李秀兰'], [3, '张小军']]);
  });

  it('keeps numbers as numbers, codes beside labels, and text exactly as typed in string cells that never run', async () => {
    const main = (await xlsxSheets(await download(f.county, 'format=xlsx'))).get('农户核查表（测试）')!;
    const wang = rowOf(main, ids.wangV2);
    expect([wang[col('B1 增加原因（代码）')], wang[col('B1 增加原因')], wang[col('A28 工资性收入（元）')], wang[6]]).toEqual(['2', '婚入', 3000, 2]);
    const formula = rowOf(main, ids.formulaV2);
    expect(formula[col('户主姓名（表内填写）')]).toBe('=SUM(A1)');
    expect(formula[col('家庭住址')]).toBe('@cmd');
    expect(formula[col('联系人.电话')]).toBe('-2+3+cmd');
    expect(formula[col('A28 工资性收入（元）')]).toBe(-5);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(f.county, 'format=xlsx')).bytes as unknown as ArrayBuffer);
    const types = new Map<string, Set<ExcelJS.ValueType>>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        expect(cell.formula, cell.address).toBeUndefined();
        const header = String(sheet.getRow(1).getCell(cell.col).value);
        types.set(header, (types.get(header) ?? new Set()).add(cell.type));
      }));
    }
    expect(types.get('户主证件号码')).toEqual(new Set([ExcelJS.ValueType.String]));
    expect(types.get('A28 工资性收入（元）')).toEqual(new Set([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]));
  });
});

describe('export filters and scope', () => {
  const idsIn = async (client: TestClient, query: string) => {
    const file = await download(client, `format=csv&${query}`);
    const listed = await client.get(`${submissions}?pageSize=200&${query}`);
    expect(file.headers.get('x-export-rows')).toBe(String(listed.body.total));
    const exported = csvRows(file).slice(1).map((r) => r[0]);
    expect(exported.sort()).toEqual(listed.body.items.map((s: { id: string }) => s.id).sort());
    return exported;
  };

  it('gives a village officer only their village\'s rows, as the list does', async () => {
    expect((await idsIn(f.officer, '')).sort()).toEqual([ids.zhangV1, ids.wangV2, ids.formulaV2, ids.zhaoV3].sort());
    expect(await idsIn(f.otherOfficer, '')).toEqual([ids.liuV2]);
  });

  it('applies the list\'s filters: status, division, q', async () => {
    expect(await idsIn(f.township, 'status=submitted')).toEqual([ids.liuV2]);
    expect(await idsIn(f.county, 'status=approved')).toEqual([ids.wangV2]);
    expect(await idsIn(f.township, 'division=500118104202')).toEqual([ids.liuV2]);
    expect(await idsIn(f.county, 'q=赵桂')).toEqual([ids.zhaoV3]);
    expect(await idsIn(f.otherOfficer, 'division=500118104201')).toEqual([]);
  });

  it('keeps a village\'s members out of another village\'s member sheet', async () => {
    const sheets = await xlsxSheets(await download(f.otherOfficer, 'format=xlsx'));
    expect(sheets.get('家庭成员')!.slice(1).map((r) => r[0])).toEqual([ids.liuV2]);
  });

  it('exports zero rows as a valid file holding just the header', async () => {
    const csv = await download(f.county, 'format=csv&q=无此人');
    expect(csv.headers.get('x-export-rows')).toBe('0');
    expect(csv.bytes.toString('utf8')).toBe(`\ufeff${MAIN_HEADER.join(',')}\r\n`);
    const sheets = await xlsxSheets(await download(f.county, 'format=xlsx&q=无此人'));
    expect([...sheets.values()]).toEqual([[MAIN_HEADER], [MEMBER_HEADER]]);
  });
});

describe('export errors', () => {
  it('answers bad parameters with 400 naming them in Chinese', async () => {
    const format = await download(f.county, 'format=pdf');
    expect(format.status).toBe(400);
    expect(format.json.error.message).toBe('请求字段 format 不正确：应为 csv、xlsx 或 zip');
    expect((await download(f.county, '')).json.error.message).toBe('请求字段 format 不正确：应为 csv、xlsx 或 zip');
    const table = await download(f.county, 'format=csv&table=pets');
    expect(table.status).toBe(400);
    expect(table.json.error.message).toBe('请求字段 table 不正确：表单中没有表格 pets（可选：members（家庭成员））');
    expect((await download(f.county, 'format=csv&status=done')).json.error.message).toMatch(/^请求字段 status 不正确/);
    expect((await download(f.county, 'format=csv&from=yesterday')).json.error.message).toBe('请求字段 from 不正确：应为日期（如 2021-11-20）');
  });

  it('answers 404 for an unknown form and 401 without a session', async () => {
    const unknown = await download(f.county, 'format=csv', '/api/forms/no-such-form/export');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe('表单不存在');
    const anonymous = await download(null, 'format=csv');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.message).toBe('请先登录');
  });

  it('is documented in the OpenAPI description with its three media types (CSV, XLSX, and the ZIP with files)', async () => {
    const doc = (await f.county.get('/api/openapi.json')).body;
    const content = doc.paths['/api/forms/{formId}/export'].get.responses['200'].content;
    expect(Object.keys(content)).toEqual(['text/csv; charset=utf-8', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip']);
  });
});

describe('a download the client abandons', () => {
  it('stops reading the store', async () => {
    const formId = 'abandoned-export';
    expect((await f.admin.post('/api/forms', { definition: { ...sampleForm, id: formId } })).status).toBe(201);
    expect((await publishDraft(f.admin, formId)).status).toBe(201);
    const template = (await f.county.get(`${submissions}?q=王桂芳`)).body.items[0];
    const record = (await f.server.store.getSubmission(template.id))!;
    await Promise.all(Array.from({ length: 3000 }, (_, i) => {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return f.server.store.createSubmission({
        record: { ...record, id, formId, formVersion: 1, status: 'draft' }, onePerHousehold: false,
        event: { submissionId: id, at: record.createdAt, userId: record.createdBy, username: 'cunyuan', action: 'create', status: 'draft', level: null, comment: null, changes: [] },
      });
    }));

    const store = f.server.store;
    const original = store.streamSubmissions.bind(store);
    for (const format of ['csv', 'xlsx']) {
      let batches = 0;
      let finished = false;
      store.streamSubmissions = async function* (filter, size) {
        try {
          for await (const batch of original(filter, size)) {
            batches++;
            yield batch;
          }
        } finally {
          finished = true;
        }
      };
      try {
        const response = await f.server.app.request(`/api/forms/${formId}/export?format=${format}`, { headers: { Cookie: f.county.cookie } });
        expect(response.headers.get('x-export-rows')).toBe('3000');
        const reader = response.body!.getReader();
        await reader.read();
        await reader.cancel();
        await expect.poll(() => finished).toBe(true);
        expect(batches, format).toBeLessThan(6);
      } finally {
        store.streamSubmissions = original;
      }
    }
  });
});
