// Reading an uploaded workbook: cells as the text a person sees (a date as YYYY-MM-DD, rich text
// as its text), empty rows left out with the others keeping their numbers, and what is not a
// workbook, or would unpack into far more than any form's workbook, refused before exceljs opens it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook, WorkbookFileError } from '../../../server/xlsform/readWorkbook';
import { writeWorkbook } from '../../../server/xlsform/writeWorkbook';
import { unpackedSize } from '../../../server/xlsform/zipSize';

describe('readWorkbook', () => {
  it('reads cells as text, keeping the row numbers a spreadsheet shows', async () => {
    const workbook = new ExcelJS.Workbook();
    const survey = workbook.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label', 'default']);
    survey.addRow(['date', 'D1', { richText: [{ text: '填表' }, { text: '日期', font: { bold: true } }] }, new Date(Date.UTC(2021, 8, 30))]);
    survey.addRow([]);
    survey.addRow(['integer', 'N1', '人数', 5]);
    const book = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(book.sheets[0]).toEqual({
      name: 'survey', columns: ['type', 'name', 'label', 'default'],
      rows: [
        { row: 2, cells: { type: 'date', name: 'D1', label: '填表日期', default: '2021-09-30' } },
        { row: 4, cells: { type: 'integer', name: 'N1', label: '人数', default: '5' } },
      ],
    });
  });

  it('refuses text, a broken zip and an empty body', async () => {
    for (const bytes of [new TextEncoder().encode('type,name\n'), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), new Uint8Array()]) {
      await expect(readWorkbook(bytes)).rejects.toBeInstanceOf(WorkbookFileError);
    }
  });

  it('refuses a small file that would unpack past 30 MB, before opening it', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ row: i + 2, cells: { type: 'text', name: `A${i}`, label: `${i}${'字'.repeat(12000)}` } }));
    const bytes = await writeWorkbook({ sheets: [{ name: 'survey', columns: ['type', 'name', 'label'], rows }] }, 'x');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(unpackedSize(bytes)).toBeGreaterThan(30 * 1024 * 1024);
    await expect(readWorkbook(bytes)).rejects.toThrow('工作簿解压后过大（超过 30 MB）：一张表单的工作簿不会这么大');
  });
});
