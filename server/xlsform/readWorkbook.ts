// Reads an uploaded XLSForm workbook (.xlsx, through exceljs) into the plain sheets the engine's
// import converts (engine/xlsform/definition). Every sheet's first row is its header; cells come
// back as trimmed text (a date as YYYY-MM-DD, a formula as its result, rich text as its text).
// What cannot be read at all is a WorkbookFileError with the Chinese message for the 400: not a
// workbook, too big once unpacked, too many rows.
import ExcelJS from 'exceljs';
import type { SheetBook, SheetTable } from '@engine/xlsform/definition/workbook';
import { unpackedSize } from './zipSize';

export class WorkbookFileError extends Error {}

/** Up to 1 MB uploaded (the API's body limit), 30 MB unpacked, 5,000 rows and 200 columns a sheet. */
export const MAX_WORKBOOK_BYTES = 1024 * 1024;
export const MAX_UNPACKED_BYTES = 30 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5000;
export const MAX_SHEET_COLUMNS = 200;

const NOT_A_WORKBOOK = '这不是 Excel 工作簿（.xlsx）：请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后上传';

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return text((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

export async function readWorkbook(bytes: Uint8Array): Promise<SheetBook> {
  if (bytes.length === 0) throw new WorkbookFileError('没有收到文件');
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new WorkbookFileError(`文件过大（上限 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new WorkbookFileError(NOT_A_WORKBOOK);
  const unpacked = unpackedSize(bytes);
  if (unpacked === null) throw new WorkbookFileError(NOT_A_WORKBOOK);
  if (unpacked > MAX_UNPACKED_BYTES) throw new WorkbookFileError(`工作簿解压后过大（超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB）：一张表单的工作簿不会这么大`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookFileError(NOT_A_WORKBOOK);
  }
  const sheets: SheetTable[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount > MAX_SHEET_ROWS) throw new WorkbookFileError(`工作表“${sheet.name}”有 ${sheet.actualRowCount} 行，超过 ${MAX_SHEET_ROWS} 行`);
    if (sheet.actualColumnCount > MAX_SHEET_COLUMNS) throw new WorkbookFileError(`工作表“${sheet.name}”有 ${sheet.actualColumnCount} 列，超过 ${MAX_SHEET_COLUMNS} 列`);
    let headers: string[] = [];
    const table: SheetTable = { name: sheet.name, columns: [], rows: [] };
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => text(v).trim());
      if (headers.length === 0) {
        headers = values;
        table.columns = values.filter((h) => h !== '');
        return;
      }
      const cells: Record<string, string> = {};
      values.forEach((v, i) => { if (v !== '' && headers[i]) cells[headers[i]!] = v; });
      if (Object.keys(cells).length > 0) table.rows.push({ row: rowNumber, cells });
    });
    sheets.push(table);
  }
  return { sheets };
}
