// Reads the first sheet of an ODS workbook (LibreOffice's and, for some users, WPS's own format)
// or an old Excel 97-2003 .xls file, through SheetJS (published on npm as @e965/xlsx: the npm
// `xlsx` package stopped at 0.18.5, which has known flaws when reading untrusted files). Cells
// come back with the type the application saved: text stays text, a number is a number (so a
// code that lost its text format is caught as in XLSX), a date a UTC Date, a formula its value.
import * as XLSX from '@e965/xlsx';
import type { Cell, Sheet, SheetRow } from './readSheet';
import { SheetError } from './sheetError';

function cellValue(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return cell.w ?? '#错误';
  if (typeof cell.v === 'string' && cell.v === '') return null;
  return cell.v;
}

export function readOtherWorkbook(bytes: Uint8Array, format: 'ods' | 'xls'): Sheet {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: true, UTC: true, dense: false, cellHTML: false, cellFormula: false, sheetStubs: false });
  } catch {
    throw new SheetError(`无法读取 ${format.toUpperCase()} 表格文件：文件已损坏，或不是表格文件`);
  }
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet?.['!ref']) throw new SheetError(`${format.toUpperCase()} 表格文件中没有工作表或没有内容`);
  const range = XLSX.utils.decode_range(sheet['!ref']);
  let headers: string[] = [];
  const rows: SheetRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) cells.push(cellValue(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length === 0) continue;
    if (r === 0) headers = cells.map((v) => (v === null ? '' : String(v).trim()));
    else rows.push({ row: r + 1, cells });
  }
  return { headers, rows };
}
