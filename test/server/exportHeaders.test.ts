// Every export of the real forms (form-definitions/), as the county downloads it: each sheet's
// header row names each column once, so a spreadsheet's filter or a program reading by header
// can tell them apart; where a form field repeats a fixed column (户主姓名, 户主证件号码,
// 行政区划代码), the two say which is the household's record and which the officer filled in.
import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS_DIR } from '../helpers/forms';
import { openCsvAsSpreadsheet } from '../helpers/openCsvAsSpreadsheet';
import { startTestServer, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let county: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.store.upsertDivisions([{ code: '500118', name: '永川区', parentCode: null }]);
  await server.addUser('quxian', 'reviewer', ['500118']);
  county = await server.login('quxian');
});
afterAll(() => server.close());

const formIds = readdirSync(FORMS_DIR).filter((id) => id !== 'campaigns' && readdirSync(`${FORMS_DIR}/${id}`).includes('definition.json'));

async function download(path: string): Promise<Buffer> {
  const response = await county.fetch('GET', path);
  expect(response.status, path).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function xlsxHeaders(formId: string): Promise<Map<string, string[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(`/api/forms/${formId}/export?format=xlsx`)) as unknown as ArrayBuffer);
  return new Map(workbook.worksheets.map((sheet) => [sheet.name, (sheet.getRow(1).values as string[]).slice(1)]));
}

const repeated = (headers: string[]) => headers.filter((h, i) => headers.indexOf(h) !== i);

describe('export headers of the real forms', () => {
  it('has the forms to check', () => {
    expect(formIds).toEqual(expect.arrayContaining(['monitoring-object', 'policy-exit', 'income-ledger', 'lookback']));
  });

  it.each(formIds)('%s: one column per name on every XLSX sheet and in the CSV', async (formId) => {
    const sheets = await xlsxHeaders(formId);
    expect(sheets.size).toBeGreaterThan(0);
    for (const [name, headers] of sheets) expect(repeated(headers), `${formId} ${name}`).toEqual([]);
    const csvHeader = openCsvAsSpreadsheet(await download(`/api/forms/${formId}/export?format=csv`))[0]!.map((c) => c.shown);
    expect(csvHeader).toEqual([...sheets.values()][0]);
  });

  it('names which 户主姓名, 户主证件号码 and 行政区划代码 is the record and which was filled in, in policy-exit', async () => {
    const [main] = [...(await xlsxHeaders('policy-exit')).values()];
    for (const title of ['行政区划代码', '户主姓名', '户主证件号码']) {
      expect(main!.filter((h) => h.startsWith(title)), title).toEqual([`${title}（农户档案）`, `${title}（表内填写）`]);
    }
  });
});
