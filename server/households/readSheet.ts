// Reads an uploaded spreadsheet into plain rows: an XLSX workbook's first sheet (exceljs), an ODS
// or old .xls workbook's (readOtherWorkbook), or a CSV file (csv-parse; UTF-8 with or without
// BOM, or GB18030 as Chinese Excel and WPS save CSV; a cell written ="0234" to keep its digits is
// read as the text inside). Each row keeps its number as the clerk sees it in the sheet (the
// header is row 1). Cells come back as strings, numbers, booleans or dates, never as exceljs's
// rich-text or formula objects. Messages say 表格文件: any application may have written the file.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readOtherWorkbook } from './readOtherWorkbook';
import { SheetError } from './sheetError';

export { SheetError };

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based, as the spreadsheet numbers it. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export type SheetFormat = 'xlsx' | 'ods' | 'xls' | 'csv';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * XLSX and ODS files are zip archives ("PK\x03\x04"); an OpenDocument file stores its type first,
 * uncompressed ("mimetype" at byte 30, then the type). Excel 97-2003 files are OLE2 compound
 * documents. Anything else is read as CSV text.
 */
export function sniffFormat(bytes: Uint8Array): SheetFormat {
  if (OLE2.every((b, i) => bytes[i] === b)) return 'xls';
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return 'csv';
  if (ascii(bytes, 30, 38) === 'mimetype') {
    const type = ascii(bytes, 38, 38 + 60);
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (type.startsWith('application/vnd.oasis.opendocument')) throw new SheetError(NOT_A_SHEET);
  }
  return 'xlsx';
}

const NOT_A_SHEET = '这不是表格文件：请在表格软件（Excel、WPS 或 LibreOffice）中打开，另存为 XLSX 后上传';

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('无法读取 XLSX 表格文件：文件已损坏，或不是表格文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError(`XLSX 表格文件中没有工作表。${NOT_A_SHEET}`);
  const rows: SheetRow[] = [];
  let headers: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (rowNumber === 1) headers = values.map((v) => (v === null ? '' : String(v).trim()));
    else rows.push({ row: rowNumber, cells: values });
  });
  return { headers, rows };
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** ="0234" is how exports (ours and other systems') keep digits as text in CSV: the text inside. */
const TEXT_FORMULA = /^="([^"]*)"$/;
const csvCell = (text: string): Cell => (text === '' ? null : TEXT_FORMULA.exec(text)?.[1] ?? text);

function readCsv(bytes: Uint8Array): Sheet {
  let records: string[][];
  try {
    records = parse(decode(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw new SheetError(`无法读取 CSV 表格文件：${(e as Error).message}`);
  }
  const [header, ...rest] = records;
  if (!header) throw new SheetError('文件是空的');
  return {
    headers: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map(csvCell) }))
      .filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== '')),
  };
}

export async function readSheet(bytes: Uint8Array, format: SheetFormat = sniffFormat(bytes)): Promise<Sheet> {
  if (bytes.length === 0) throw new SheetError('文件是空的');
  if (format === 'xlsx') return readXlsx(bytes);
  if (format === 'ods' || format === 'xls') return readOtherWorkbook(bytes, format);
  return readCsv(bytes);
}
