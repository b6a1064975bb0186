// Exports of a form with photos and signatures (issue 16), through HTTP on the store the run names:
// each file column names every file and links it (GET /api/attachments/<reference>), in XLSX and
// CSV, tables included; "export with files" (format=zip) holds the workbook and, under
// 村/户主姓名-证件号码/, each file the exported submissions refer to, byte for byte — and only
// those the reviewer may list.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { anotherJpeg, image, openVisitCampaign, referenceOf, upload, VISIT_CAMPAIGN, VISIT_FORM_ID } from '../helpers/attachments';
import { openCsvAsSpreadsheet } from '../helpers/openCsvAsSpreadsheet';
import { setUpFixture } from '../helpers/serverFixture';
import type { TestClient } from '../helpers/testClient';

const f = setUpFixture();
const house = anotherJpeg(7001);
const signature = image('gradient.png');
const certificate = anotherJpeg(7002);
const refs = { house: referenceOf(house, 'jpg'), signature: referenceOf(signature, 'png'), certificate: referenceOf(certificate, 'jpg') };
let submitted: { id: string; headName: string; headIdNumber: string };

beforeAll(async () => {
  await openVisitCampaign(f.server, f.admin);
  for (const [ref, bytes, kind] of [[refs.house, house, 'photo'], [refs.signature, signature, 'signature'], [refs.certificate, certificate, 'photo']] as const) {
    const stored = await upload(f.server, f.officer, ref, bytes, `?kind=${kind}`);
    if (stored.status !== 201) throw new Error(JSON.stringify(stored));
  }
  const household = f.households.find((h) => h.divisionCode === '500118104201')!;
  const data = { B1: [refs.house], B4: refs.signature, members: [{ A1: '张德明', A2: refs.certificate }, { A1: '陈小红' }] };
  const created = await f.officer.post(`/api/forms/${VISIT_FORM_ID}/submissions`, { id: randomUUID(), householdId: household.id, campaignId: VISIT_CAMPAIGN, data, submit: true });
  if (created.status !== 201) throw new Error(created.text);
  submitted = created.body;
});

async function download(client: TestClient, query: string): Promise<Buffer> {
  const response = await f.server.app.request(`http://county.example/api/forms/${VISIT_FORM_ID}/export?${query}`, { headers: { Cookie: client.cookie } });
  expect(response.status, await response.clone().text().then((t) => t.slice(0, 200))).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const link = (ref: string) => `${ref} http://county.example/api/attachments/${ref}`;

describe('exporting a form with files', () => {
  it('names and links each file in the XLSX, the member table\'s photos on its own sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(f.township, 'format=xlsx')) as never);
    const [main, members] = workbook.worksheets;
    const cell = (sheet: ExcelJS.Worksheet, header: string, row = 2) => {
      const headers = sheet.getRow(1).values as unknown[];
      return sheet.getRow(row).getCell(headers.indexOf(header)).value;
    };
    expect(cell(main!, 'B1 住房照片（文件名 链接）')).toBe(link(refs.house));
    expect(cell(main!, 'B4 户主签字（文件名 链接）')).toBe(link(refs.signature));
    expect(cell(members!, 'A2 残疾证照片（文件名 链接）')).toBe(link(refs.certificate));
    expect(cell(members!, 'A2 残疾证照片（文件名 链接）', 3)).toBeNull();
  });

  it('does the same in the CSV', async () => {
    const rows = openCsvAsSpreadsheet(await download(f.township, 'format=csv')).map((r) => r.map((c) => c.shown));
    const column = rows[0]!.indexOf('B1 住房照片（文件名 链接）');
    expect(rows[1]![column]).toBe(link(refs.house));
  });

  it('zips the workbook with each household\'s files, byte for byte, under 村/户主姓名-证件号码/', async () => {
    const zip = await JSZip.loadAsync(await download(f.township, 'format=zip'));
    const files = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    const folder = `高滩村/${submitted.headName}-${submitted.headIdNumber}`;
    expect(files.sort()).toEqual([
      `${folder}/${refs.certificate}`, `${folder}/${refs.house}`, `${folder}/${refs.signature}`,
      expect.stringMatching(/^入户核查（测试）-\d{4}-\d{2}-\d{2}\.xlsx$/),
    ].sort((a, b) => String(a).localeCompare(String(b))));
    expect(Buffer.from(await zip.file(`${folder}/${refs.house}`)!.async('uint8array')).equals(house)).toBe(true);
    expect(Buffer.from(await zip.file(`${folder}/${refs.signature}`)!.async('uint8array')).equals(signature)).toBe(true);
  });

  it('holds only what the reviewer may list: another village\'s officer gets a workbook and no files', async () => {
    const other = await f.server.login('puan');
    const zip = await JSZip.loadAsync(await download(other, 'format=zip'));
    expect(Object.keys(zip.files).filter((name) => !name.endsWith('.xlsx') && !zip.files[name]!.dir)).toEqual([]);
  });
});
