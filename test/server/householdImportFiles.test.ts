// The household import fed the files a spreadsheet application writes (LibreOffice Calc 7.4,
// test/server/fixtures/spreadsheets): ODS and Excel 97-2003 workbooks, CSV without a BOM and in
// GB18030 import as they are; IDs, codes and phones the application turned into numbers are
// refused, row by row, with the hint to format the column as text, and nothing is stored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpFixture } from '../helpers/serverFixture';

const f = setUpFixture();

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/spreadsheets/${name}`, import.meta.url)));

async function upload(bytes: Uint8Array, query = '') {
  const { status, body } = await f.admin.request('POST', `/api/household-import${query}`, bytes, { Accept: 'application/json', 'Content-Type': 'application/octet-stream' });
  return { status, body };
}

const CHEN = '500118196804120636';
const WU = '500118197001010649';
const ZHOU = '500118198003150914';
const AS_TEXT = '请把该列设为“文本”后重新填写';

async function registered(name: string) {
  return (await f.admin.get(`/api/households?q=${encodeURIComponent(name)}`)).body.items as Record<string, any>[];
}

describe('files LibreOffice writes, with codes kept as text', () => {
  it.each([
    ['ODS', 'libreoffice.ods'],
    ['CSV in UTF-8 without a BOM', 'libreoffice-utf8.csv'],
    ['CSV in GB18030', 'libreoffice-gb18030.csv'],
    ['Excel 97-2003 (.xls)', 'libreoffice.xls'],
  ])('checks %s on a dry run: two households, three people, nothing written', async (_, name) => {
    const dry = await upload(fixture(name), '?dryRun=1');
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toEqual({ type: 'result', ok: true, dryRun: true, rows: 3, households: 2, members: 3, created: 2, updated: 0, problems: [] });
    expect(await registered('陈光明')).toEqual([]);
  });

  it('imports an ODS file: every digit of the IDs and the phone\'s leading zero, a name outside GB2312, the month', async () => {
    const done = await upload(fixture('libreoffice.ods'));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ ok: true, dryRun: false, created: 2, updated: 0 });
    const [chen] = await registered('陈光明');
    expect(chen).toMatchObject({ divisionCode: '500118104202', headIdNumber: CHEN, phone: '02349112233', kind: '边缘易致贫户', identifiedMonth: '2021-06', address: '普安村2组' });
    expect(chen!.members.map((m: { name: string; idNumber: string }) => [m.name, m.idNumber])).toEqual([['陈光明', CHEN], ['吴䶮', WU]]);
    const [zhou] = await registered('周大海');
    expect(zhou).toMatchObject({ divisionCode: '500118104201', headIdNumber: ZHOU, phone: '13983005678' });

    const again = await upload(fixture('libreoffice-gb18030.csv'));
    expect(again.body).toMatchObject({ ok: true, created: 0, updated: 2 });
    expect((await registered('陈光明'))[0]!.members[1]).toMatchObject({ name: '吴䶮', idNumber: WU });
  });
});

describe('numbers where codes belong, as a spreadsheet saves them', () => {
  it('refuses phones an XLSX holds as numbers, the lost leading zero named, and stores nothing', async () => {
    const before = (await f.admin.get('/api/households?pageSize=200')).body.items;
    const response = await upload(fixture('libreoffice-phone-as-number.xlsx'), '?dryRun=1');
    expect(response.status).toBe(422);
    expect(response.body.error.details.problems).toEqual([
      { row: 2, column: '联系电话', message: `联系电话（2349112233）在表格文件中被存成了数字，开头的 0 可能已丢失：${AS_TEXT}`, severity: 'error' },
      { row: 4, column: '联系电话', message: `联系电话（13983005678）在表格文件中被存成了数字，开头的 0 可能已丢失：${AS_TEXT}`, severity: 'error' },
    ]);
    expect((await upload(fixture('libreoffice-phone-as-number.xlsx'))).status).toBe(422);
    expect((await f.admin.get('/api/households?pageSize=200')).body.items).toEqual(before);
  });

  it('refuses IDs, codes and phones an ODS holds as numbers', async () => {
    const response = await upload(fixture('libreoffice-ids-as-numbers.ods'), '?dryRun=1');
    expect(response.status).toBe(422);
    const byCell = response.body.error.details.problems.map((p: { row: number; column: string; message: string }) => [p.row, p.column, p.message]);
    expect(byCell).toEqual([
      [2, '行政区划代码', `行政区划代码（500118104202）在表格文件中被存成了数字：${AS_TEXT}`],
      [2, '户主证件号码', `户主证件号码在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
      [2, '联系电话', `联系电话（2349112233）在表格文件中被存成了数字，开头的 0 可能已丢失：${AS_TEXT}`],
      [2, '成员证件号码', `成员证件号码在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
      [3, '户主证件号码', `户主证件号码在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
      [3, '成员证件号码', `成员证件号码在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
      [4, '行政区划代码', `行政区划代码（500118104201）在表格文件中被存成了数字：${AS_TEXT}`],
      [4, '户主证件号码', `户主证件号码在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
      [4, '联系电话', `联系电话（13983005678）在表格文件中被存成了数字，开头的 0 可能已丢失：${AS_TEXT}`],
      [4, '成员证件号码', `成员证件号码在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
    ]);
  });

  it('gives the same hint for an ID a CSV holds as 5.00118196804121E+017, and names a phone that lost its leading zero', async () => {
    const response = await upload(fixture('libreoffice-ids-as-numbers.csv'), '?dryRun=1');
    expect(response.status).toBe(422);
    const problems = response.body.error.details.problems as { row: number; column: string; message: string }[];
    expect(problems.filter((p) => p.row === 2).map((p) => [p.column, p.message])).toEqual([
      ['户主证件号码', `户主证件号码“5.00118196804121E+017”在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
      ['联系电话', `联系电话 2349112233 像是少了开头的 0（表格文件把电话存成数字时会丢掉它）：${AS_TEXT}`],
      ['成员证件号码', `成员证件号码“5.00118196804121E+017”在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`],
    ]);
    expect(problems.some((p) => p.message.includes('只能由数字'))).toBe(false);
  });
});

describe('files that are not spreadsheets', () => {
  it('says plainly that an OpenDocument text is not a spreadsheet and how to save one', async () => {
    const odt = new Uint8Array(120);
    odt.set([0x50, 0x4b, 0x03, 0x04]);
    odt.set(new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument.text'), 30);
    const response = await upload(odt);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('这不是表格文件：请在表格软件（Excel、WPS 或 LibreOffice）中打开，另存为 XLSX 后上传');
  });
});
