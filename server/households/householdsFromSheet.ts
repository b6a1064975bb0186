// Turns the rows of an import sheet into households: each cell read as its column's kind (an ID,
// code or phone that a spreadsheet turned into a number is refused: its digits are changed), rows grouped by
// 户主证件号码 (one row per person), the household's columns taken from its rows (a second row
// that says otherwise is a problem), one member per row that names a person. Every problem keeps
// the sheet row and column the clerk must fix.
import { explainPhone } from '@engine';
import type { ImportProblem } from '@engine/contract';
import { columnOfHeader, HOUSEHOLD_COLUMNS, type ImportColumn } from './importColumns';
import type { Cell, Sheet } from './readSheet';

export interface SheetHouseholds {
  /** Households as plain objects (checked next by checkHouseholdRows), in order of first appearance. */
  households: Record<string, unknown>[];
  /** For each household: its first sheet row and each member's row. */
  origins: { row: number; memberRows: number[] }[];
  problems: ImportProblem[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function text(value: Cell): string {
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value).trim();
}

function yearMonth(value: Cell): string {
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}`;
  const s = text(value);
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(s);
  return m ? `${m[1]}-${pad(Number(m[2] ?? m[3]))}` : s;
}

/** How a spreadsheet writes a long number it saved "as shown" in a CSV: 5.00118196804121E+017. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;
const AS_TEXT = '请把该列设为“文本”后重新填写';

/**
 * A number where a code belongs (ID, certificate, division code, phone) is never taken: the
 * application that saved the file changed it (an ID's last digits, a phone's leading zero), and
 * storing what is left would hide that. Any application may have written the file: 表格文件.
 */
function numberInCodeColumn(column: ImportColumn, value: Cell): string | null {
  const typed = typeof value === 'string' ? value.trim() : null;
  if (typeof value !== 'number' && !(typed !== null && SCIENTIFIC.test(typed))) {
    if (column.field === 'phone' && typed !== null && /^\d+$/.test(typed) && explainPhone(typed) && !explainPhone(`0${typed}`)) {
      return `${column.header} ${typed} 像是少了开头的 0（表格文件把电话存成数字时会丢掉它）：${AS_TEXT}`;
    }
    return null;
  }
  const shown = typed === null ? '' : `“${typed}”`;
  if (column.kind === 'id') return `${column.header}${shown}在表格文件中被存成了数字，末尾几位已丢失：${AS_TEXT}`;
  const lost = column.field === 'phone' ? '，开头的 0 可能已丢失' : typed === null ? '' : '，末尾几位可能已丢失';
  return `${column.header}${shown || `（${value}）`}在表格文件中被存成了数字${lost}：${AS_TEXT}`;
}

/** A cell as its column's value; a string problem when it cannot be one. */
function convert(column: ImportColumn, value: Cell): { value: unknown } | { problem: string } {
  switch (column.kind) {
    case 'id':
    case 'code': {
      const problem = numberInCodeColumn(column, value);
      if (problem) return { problem };
      const s = text(value);
      return { value: column.kind === 'id' ? s.replace(/x$/, 'X') : s };
    }
    case 'year-month':
      return { value: yearMonth(value) };
    case 'boolean': {
      const s = text(value).toLowerCase();
      if (['是', 'true', '1', 'y', 'yes'].includes(s)) return { value: true };
      if (['否', 'false', '0', 'n', 'no'].includes(s)) return { value: false };
      return { problem: `${column.header}应填“是”或“否”` };
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(text(value));
      return Number.isFinite(n) && text(value) !== '' ? { value: n } : { problem: `${column.header}应为数字` };
    }
    default:
      return { value: text(value) };
  }
}

const empty = (value: Cell) => value === null || (typeof value === 'string' && value.trim() === '');

export function householdsFromSheet(sheet: Sheet): SheetHouseholds {
  const problems: ImportProblem[] = [];
  const columns: (ImportColumn | null)[] = sheet.headers.map((header) => {
    if (header === '') return null;
    const column = columnOfHeader(header);
    if (!column) problems.push({ row: 1, column: header, message: `“${header}”不是模板中的列，导入时忽略`, severity: 'warning' });
    return column;
  });
  for (const required of HOUSEHOLD_COLUMNS.filter((c) => c.required)) {
    if (!columns.some((c) => c === required)) problems.push({ row: 1, column: required.header, message: `缺少“${required.header}”列（请使用导入模板）`, severity: 'error' });
  }
  const out: SheetHouseholds = { households: [], origins: [], problems };
  if (problems.some((p) => p.severity === 'error')) return out;

  const byHead = new Map<string, number>();
  /** For each household: the row each household column's value came from. */
  const sources: Map<string, number>[] = [];
  for (const { row, cells } of sheet.rows) {
    const household: Record<string, unknown> = {};
    const member: Record<string, unknown> = {};
    let failed = false;
    columns.forEach((column, i) => {
      const cell = cells[i] ?? null;
      if (!column || empty(cell)) return;
      const converted = convert(column, cell);
      if ('problem' in converted) {
        problems.push({ row, column: column.header, message: converted.problem, severity: 'error' });
        failed = true;
        return;
      }
      (column.member ? member : household)[column.field] = converted.value;
    });
    const head = household.headIdNumber as string | undefined;
    if (!head) {
      if (!failed) problems.push({ row, column: '户主证件号码', message: '户主证件号码不能为空（同一户的每一行都要填）', severity: 'error' });
      continue;
    }
    let index = byHead.get(head);
    if (index === undefined) {
      index = out.households.length;
      byHead.set(head, index);
      out.households.push({ members: [] });
      out.origins.push({ row, memberRows: [] });
      sources.push(new Map());
    }
    const target = out.households[index]!;
    for (const [field, value] of Object.entries(household)) {
      const from = sources[index]!.get(field);
      if (from === undefined) {
        target[field] = value;
        sources[index]!.set(field, row);
      } else if (target[field] !== value) {
        const header = HOUSEHOLD_COLUMNS.find((c) => c.field === field)!.header;
        problems.push({ row, column: header, message: `${header}“${String(value)}”与第 ${from} 行（同一户主）的“${String(target[field])}”不一致`, severity: 'error' });
      }
    }
    if (Object.keys(member).length > 0) {
      (target.members as unknown[]).push(member);
      out.origins[index]!.memberRows.push(row);
    }
  }
  return out;
}
