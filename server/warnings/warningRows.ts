// A department's warning list as rows: 姓名, 身份证号, 村 and 原因 found by their headers (the
// usual names departments give them), each row read as text; a row the matcher cannot use says
// why in Chinese (no name, an ID number that is not one).
import { explainResidentId, normalizeIdNumber } from '@engine';
import type { Cell, Sheet } from '../households/readSheet';

export interface WarningRow {
  row: number;
  name: string;
  idNumber: string | null;
  village: string;
  reason: string;
  /** Why the row cannot be matched; null when it can. */
  problem: string | null;
}

const HEADERS = {
  name: ['姓名', '人员姓名', '户主姓名'],
  idNumber: ['身份证号', '身份证号码', '证件号码', '公民身份号码'],
  village: ['村', '行政村', '所在村', '村名', '村（社区）', '行政区划代码'],
  reason: ['原因', '预警原因', '预警事由', '预警内容', '事由'],
} as const;

export class WarningSheetError extends Error {}

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());

export function warningRows(sheet: Sheet): WarningRow[] {
  const column = (names: readonly string[]) => sheet.headers.findIndex((h) => names.includes(h.replace(/\s/g, '')));
  const at = { name: column(HEADERS.name), idNumber: column(HEADERS.idNumber), village: column(HEADERS.village), reason: column(HEADERS.reason) };
  if (at.name < 0) throw new WarningSheetError(`表头中没有“姓名”列（第 1 行应为表头：${Object.values(HEADERS).map((h) => h[0]).join('、')}）`);
  if (at.idNumber < 0 && at.village < 0) throw new WarningSheetError('表头中既没有“身份证号”列也没有“村”列：无法匹配农户');
  return sheet.rows.map(({ row, cells }) => {
    const name = text(cells[at.name]);
    const rawId = at.idNumber < 0 ? '' : normalizeIdNumber(text(cells[at.idNumber]).toUpperCase());
    const idProblem = rawId ? explainResidentId(rawId) : null;
    const village = at.village < 0 ? '' : text(cells[at.village]);
    const problem = !name ? '姓名为空' : idProblem ? `身份证号${idProblem}` : !rawId && !village ? '没有身份证号时须填写村' : null;
    return { row, name, idNumber: rawId || null, village, reason: at.reason < 0 ? '' : text(cells[at.reason]), problem };
  });
}
