// Checks an adjustment sheet against the registered divisions, row by row, before anything is
// written: each row is a new division, a new name, a village merged into another (并入), or
// unchanged. Every problem names the sheet row and column the clerk must fix. A village that is
// some user's area is never merged away (the user would be left with no area). Pure: what it
// needs to know is passed in.
import type { ImportProblem } from '@engine/contract';
import type { Cell, Sheet } from '../households/readSheet';
import type { DivisionRecord } from '../store/records';
import { columnOfHeader, DIVISION_COLUMNS, type SheetColumn } from './divisionSheet';
import { divisionLevel, LEVEL_NAMES, parentCodeOf } from './divisionLevel';

export interface SheetContext {
  registered: Map<string, DivisionRecord>;
  /** Usernames of the users whose area is `code` or lies within it. */
  usersWithin(code: string): string[];
  /** The official list's name for a code, or null when it is not in the list. */
  officialName(code: string): string | null;
}

export interface DivisionSheetPlan {
  /** New divisions and new names, parents first. */
  upserts: DivisionRecord[];
  merges: { from: string; into: string; row: number }[];
  added: number;
  renamed: number;
  unchanged: number;
  problems: ImportProblem[];
}

const MAX_NAME = 50;

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

const named = (d: DivisionRecord | undefined, code: string) => (d ? `${d.name}（${code}）` : code);

export function checkDivisionSheet(sheet: Sheet, context: SheetContext): DivisionSheetPlan {
  const problems: ImportProblem[] = [];
  const plan: DivisionSheetPlan = { upserts: [], merges: [], added: 0, renamed: 0, unchanged: 0, problems };
  const columns = sheet.headers.map((header) => (header === '' ? null : columnOfHeader(header)));
  sheet.headers.forEach((header, i) => {
    if (header !== '' && !columns[i]) problems.push({ row: 1, column: header, message: `“${header}”不是调整表的列，已忽略`, severity: 'warning' });
  });
  for (const required of DIVISION_COLUMNS.filter((c) => c.required)) {
    if (!columns.includes(required)) problems.push({ row: 1, column: required.header, message: `缺少“${required.header}”列（请使用下载的调整表）`, severity: 'error' });
  }
  if (problems.some((p) => p.severity === 'error')) return plan;
  const cell = (cells: Cell[], field: SheetColumn['field']) => text(cells[columns.findIndex((c) => c?.field === field)]);
  const header = (field: SheetColumn['field']) => DIVISION_COLUMNS.find((c) => c.field === field)!.header;
  const error = (row: number, field: SheetColumn['field'], message: string) => problems.push({ row, column: header(field), message, severity: 'error' });

  const seen = new Map<string, number>();
  const added = new Map<string, DivisionRecord>();
  const merging = new Map<string, number>();
  const rows: { row: number; code: string; name: string; into: string }[] = [];
  for (const { row, cells } of sheet.rows) {
    const code = cell(cells, 'code');
    const name = cell(cells, 'name');
    const parent = cell(cells, 'parentCode');
    const into = cell(cells, 'mergeInto');
    if (!divisionLevel(code)) {
      error(row, 'code', code ? `代码 ${code} 不正确：应为 2、4、6、9 或 12 位数字（村为 12 位）` : '代码必填');
      continue;
    }
    if (seen.has(code)) {
      error(row, 'code', `代码 ${code} 已在第 ${seen.get(code)} 行出现`);
      continue;
    }
    seen.set(code, row);
    const expected = parentCodeOf(code);
    if ((parent || null) !== expected) {
      error(row, 'parentCode', expected ? `上级代码应为 ${expected}（代码的前 ${expected.length} 位）${parent ? `，不是 ${parent}` : ''}` : '省级区划没有上级代码，应留空');
      continue;
    }
    rows.push({ row, code, name, into });
    if (into) merging.set(code, row);
    else if (!context.registered.has(code)) added.set(code, { code, name, parentCode: expected });
  }

  for (const { row, code, name, into } of rows) {
    const known = context.registered.get(code);
    if (into) {
      if (!known) error(row, 'code', `${code} 未登记，不能并入其他村`);
      else if (divisionLevel(code) !== 'village') error(row, 'mergeInto', `只有村（12 位代码）可以并入另一个村，${named(known, code)}是${LEVEL_NAMES[divisionLevel(code)!]}级区划`);
      else if (divisionLevel(into) !== 'village') error(row, 'mergeInto', `并入的目标 ${into} 应为 12 位村级代码`);
      else if (into === code) error(row, 'mergeInto', '不能并入自己');
      else if (!context.registered.has(into) && !added.has(into)) error(row, 'mergeInto', `并入的目标 ${into} 未登记，也不在本表新增的区划中`);
      else if (merging.has(into)) error(row, 'mergeInto', `并入的目标 ${named(context.registered.get(into), into)}在第 ${merging.get(into)} 行也被并入其他村：请直接并入最终保留的村`);
      else {
        const users = context.usersWithin(code);
        if (users.length > 0) error(row, 'mergeInto', `${named(known, code)}是用户 ${users.join('、')} 的工作范围，不能并入其他村：请先在“用户”页修改其范围`);
        else plan.merges.push({ from: code, into, row });
      }
      continue;
    }
    if (!name) {
      error(row, 'name', '名称必填（合并村时请填写“并入”列）');
      continue;
    }
    if ([...name].length > MAX_NAME) {
      error(row, 'name', `名称不能超过 ${MAX_NAME} 个字`);
      continue;
    }
    const parent = parentCodeOf(code);
    if (parent && !context.registered.has(parent) && !added.has(parent)) {
      error(row, 'parentCode', `上级 ${parent} 未登记：请先从国家统计局区划导入，或在本表中新增它`);
      continue;
    }
    if (known?.name === name) {
      plan.unchanged++;
      continue;
    }
    plan.upserts.push({ code, name, parentCode: parent });
    if (known) {
      plan.renamed++;
    } else {
      plan.added++;
      const official = context.officialName(code);
      if (official !== null && official !== name) problems.push({ row, column: header('name'), message: `国家统计局区划中 ${code} 的名称为“${official}”`, severity: 'warning' });
    }
  }
  plan.upserts.sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1));
  return plan;
}
