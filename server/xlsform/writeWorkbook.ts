// Writes the engine's exported workbook (engine/xlsform/definition/exportWorkbook) as an .xlsx
// file a person can read: bold frozen header, columns as wide as their text (within limits),
// long texts wrapped, and a 说明 sheet saying what each sheet and column is for. Cells are text
// (never formulas: a cell beginning with "=" shows as written).
import ExcelJS from 'exceljs';
import type { SheetBook } from '@engine/xlsform/definition/workbook';
import { COLUMN_NOTES } from './columnNotes';

export async function writeWorkbook(book: SheetBook, title: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  workbook.creator = '万能表单';
  for (const sheet of book.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => {
      const longest = Math.max(c.length, ...sheet.rows.map((r) => [...(r.cells[c] ?? '')].length * 1.6));
      return { header: c, key: c, width: Math.min(60, Math.max(8, Math.ceil(longest) + 2)) };
    });
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    for (const row of sheet.rows) {
      const added = ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c, row.cells[c] ?? null])));
      added.alignment = { vertical: 'top', wrapText: true };
      const type = row.cells.type ?? '';
      if (type.startsWith('begin ') || type.startsWith('end ')) added.font = { bold: true };
    }
  }
  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ header: '工作表 / 列', key: 'column', width: 28 }, { header: '说明', key: 'note', width: 100 }];
  notes.getRow(1).font = { bold: true };
  for (const [column, note] of COLUMN_NOTES) notes.addRow({ column, note }).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
