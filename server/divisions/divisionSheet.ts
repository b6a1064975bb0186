// The columns of the division adjustment sheet (XLSX or CSV), and the sheet an administrator
// starts from: the registered divisions under a code, one row each, ready to edit — rename a
// row, add a row for a new village, fill 并入 to merge a village into another.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../export/csvCell';
import type { DivisionRecord } from '../store/records';

export interface SheetColumn {
  header: string;
  field: 'code' | 'name' | 'parentCode' | 'mergeInto';
  required: boolean;
  /** Other headers accepted for the column (an export from another system). */
  aliases: string[];
  note: string;
}

export const DIVISION_COLUMNS: SheetColumn[] = [
  { header: '代码', field: 'code', required: true, aliases: ['code', '行政区划代码', '区划代码'], note: '统计用区划代码：省 2 位、市 4 位、县 6 位、乡镇 9 位、村 12 位' },
  { header: '名称', field: 'name', required: true, aliases: ['name'], note: '新增或改名时填写；与已登记的相同则不变' },
  { header: '上级代码', field: 'parentCode', required: true, aliases: ['parentCode', 'parent'], note: '代码去掉最后一级（村的上级是其前 9 位），须已登记或在本表中新增' },
  { header: '并入', field: 'mergeInto', required: false, aliases: ['mergeInto', '并入代码', '并入村代码'], note: '两村合并时，在被合并村的行填写保留村的 12 位代码：农户随之迁入，被合并村删除，记录保留' },
];

export function columnOfHeader(header: string): SheetColumn | null {
  return DIVISION_COLUMNS.find((c) => c.header === header || c.aliases.includes(header)) ?? null;
}

const rowsOf = (divisions: DivisionRecord[]) => divisions.map((d) => [d.code, d.name, d.parentCode ?? '', '']);

/** 12-digit codes written as ="…" (csvCell), so a spreadsheet opening the file keeps every digit. */
export function divisionSheetCsv(divisions: DivisionRecord[]): string {
  return `\uFEFF${stringify([DIVISION_COLUMNS.map((c) => c.header), ...rowsOf(divisions).map((row) => row.map(csvCell))])}`;
}

export async function divisionSheetXlsx(divisions: DivisionRecord[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('行政区划', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DIVISION_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.field === 'name' ? 30 : 16, style: c.field === 'name' ? {} : { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rowsOf(divisions)) sheet.addRow(row);
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 90 }];
  help.addRow(['填写说明', '每个行政区划一行。已登记且名称不变的行不做任何改动，可以删去也可以保留。']).font = { bold: true };
  help.addRow(['', '先“检查”列出每一行的问题，全部正确后才调整，要么全部调整，要么都不调整。有农户或用户的区划不会被删除。']);
  help.addRow([]);
  help.addRow(['列', '说明']).font = { bold: true };
  for (const c of DIVISION_COLUMNS) help.addRow([c.header, `${c.required ? '必填；' : ''}${c.note}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
