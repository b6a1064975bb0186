// Finds what a name in a formula refers to, the way an administrator writes it: a field code
// (A28, divisionCode, address.county), a table (members) or one of its columns (members.A17), the
// current row's column in a column rule (A16 → $row.A16), a campaign parameter by name or by the
// title the administrator sees (incomeLine, 收入线, [监测收入线（元/人·年）]), a household field
// (户.kind, $household.kind, 户.members.name). In a column rule a bare code is the row's column;
// 本表.phone names the form's own field when a column has the same code. Field codes are matched
// case-insensitively when unique.
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../registry/householdFields';
import type { FieldInfo } from '../schema/fieldIndex';
import type { FormulaScope } from './types';
import { valueInfoOfParameter, valueInfoOfRegistry, valueInfoOfSchema, type ValueInfo } from './valueInfo';

/** A value a rule reads with {"var": path}. */
export interface ValueRef {
  path: string;
  /** How the formula names it ("A28", "members.A16" for a row's column, "收入线"). */
  display: string;
  source: 'field' | 'row' | 'param' | 'household';
  info: ValueInfo;
  /** A read-only field (computed by its own rule, or kept by the registry). */
  computed: boolean;
}

export interface TableRef {
  /** The var path of the rows: "members" or "$household.members". */
  path: string;
  display: string;
  columns: Map<string, ValueInfo>;
}

export type Resolved =
  | { kind: 'value'; ref: ValueRef }
  | { kind: 'table'; table: TableRef }
  | { kind: 'column'; table: TableRef; column: string; info: ValueInfo }
  | { kind: 'unknown'; message: string };

const HOUSEHOLD_PREFIXES = ['$household.', '户.'];
/** The form's own field, past a column of the same code: 本表.phone. */
export const FORM_PREFIX = '本表.';

export function tableOf(key: string, scope: FormulaScope): TableRef | null {
  if (key === '$household.members') {
    const columns = new Map(Object.entries(MEMBER_FIELDS).map(([name, field]) => [name, valueInfoOfRegistry(name, field)]));
    return { path: '$household.members', display: '户.members', columns };
  }
  const info = scope.fields.fields.get(key);
  if (info?.kind !== 'table') return null;
  const columns = new Map<string, ValueInfo>();
  for (const field of scope.fields.fields.values()) {
    if (field.parent === key && field.kind === 'leaf') columns.set(field.code, valueInfoOfSchema(field.schema));
  }
  return { path: key, display: key, columns };
}

function fieldRef(info: FieldInfo, scope: FormulaScope): Resolved {
  if (info.kind === 'table') return { kind: 'table', table: tableOf(info.key, scope)! };
  if (info.kind === 'object') return { kind: 'unknown', message: `${info.key} 是一组字段，请写出其中的字段，如 ${info.key}.…` };
  if (info.table) {
    const table = tableOf(info.table, scope)!;
    return { kind: 'column', table, column: info.key.slice(info.table.length + 1), info: valueInfoOfSchema(info.schema) };
  }
  return { kind: 'value', ref: { path: info.key, display: info.key, source: 'field', info: valueInfoOfSchema(info.schema), computed: info.readOnly } };
}

function rowRef(column: string, scope: FormulaScope): Resolved | null {
  if (!scope.table) return null;
  const table = tableOf(scope.table, scope);
  const info = table?.columns.get(column);
  if (!info) return null;
  const computed = scope.fields.fields.get(`${scope.table}.${column}`)?.readOnly === true;
  return { kind: 'value', ref: { path: `$row.${column}`, display: column, source: 'row', info, computed } };
}

function paramRef(name: string, scope: FormulaScope, display = name): Resolved {
  const parameter = scope.parameters[name]!;
  return { kind: 'value', ref: { path: `$params.${name}`, display, source: 'param', info: valueInfoOfParameter(parameter), computed: true } };
}

/** A parameter's title without its unit in brackets: "监测收入线（元/人·年）" → "监测收入线". */
export function titleStem(title: string): string {
  return title.replace(/\s*[（(][^（）()]*[）)]\s*$/, '').trim();
}

function paramByTitle(name: string, scope: FormulaScope): Resolved | null {
  const entries = Object.entries(scope.parameters);
  const exact = entries.filter(([, p]) => p.title === name || titleStem(p.title) === name);
  if (exact.length === 1) return paramRef(exact[0]![0], scope, name);
  if ([...name].length < 2) return null;
  const partial = entries.filter(([, p]) => titleStem(p.title).includes(name));
  if (partial.length === 1) return paramRef(partial[0]![0], scope, name);
  if (partial.length > 1) {
    return { kind: 'unknown', message: `“${name}” 可能是 ${partial.map(([, p]) => titleStem(p.title)).join('、')}，请写完整` };
  }
  return null;
}

function householdRef(rest: string, scope: FormulaScope): Resolved {
  if (scope.household === false) return { kind: 'unknown', message: '这里不能读取户信息' };
  const [name, column, ...more] = rest.split('.');
  const field = name !== undefined && Object.hasOwn(HOUSEHOLD_FIELDS, name) ? HOUSEHOLD_FIELDS[name]! : null;
  if (!field) return { kind: 'unknown', message: `户信息中没有 ${name ?? ''}` };
  if (field.type === 'members') {
    const table = tableOf('$household.members', scope)!;
    if (column === undefined) return { kind: 'table', table };
    const info = table.columns.get(column);
    if (!info || more.length > 0) return { kind: 'unknown', message: `户成员信息中没有 ${rest.slice(name!.length + 1)}` };
    return { kind: 'column', table, column, info };
  }
  if (column !== undefined) return { kind: 'unknown', message: `户信息 ${name} 没有下一级 ${column}` };
  return { kind: 'value', ref: { path: `$household.${name}`, display: `户.${name}`, source: 'household', info: valueInfoOfRegistry(name!, field), computed: true } };
}

function byPath(name: string, scope: FormulaScope): Resolved | null {
  if (name.startsWith(FORM_PREFIX)) {
    const info = scope.fields.fields.get(name.slice(FORM_PREFIX.length));
    return info ? fieldRef(info, scope) : { kind: 'unknown', message: `没有字段 ${name.slice(FORM_PREFIX.length)}` };
  }
  for (const prefix of HOUSEHOLD_PREFIXES) if (name.startsWith(prefix)) return householdRef(name.slice(prefix.length), scope);
  if (name.startsWith('$params.')) {
    const param = name.slice('$params.'.length);
    return Object.hasOwn(scope.parameters, param) ? paramRef(param, scope) : { kind: 'unknown', message: `没有活动参数 ${param}` };
  }
  if (name.startsWith('$row.')) {
    if (!scope.table) return { kind: 'unknown', message: '$row 只能用于表格列上的规则' };
    const column = name.slice('$row.'.length);
    return rowRef(column, scope) ?? { kind: 'unknown', message: `表格 ${scope.table} 中没有列 ${column}` };
  }
  if (name.startsWith('$')) return { kind: 'unknown', message: `不认识的名称 ${name}（可用 $params、$household、$row）` };
  const info = scope.fields.fields.get(name);
  if (info) return fieldRef(info, scope);
  return null;
}

function caseInsensitive(name: string, scope: FormulaScope): Resolved | null {
  const lower = name.toLowerCase();
  const columns = scope.table ? [...(tableOf(scope.table, scope)?.columns.keys() ?? [])].filter((c) => c.toLowerCase() === lower) : [];
  if (columns.length === 1) return rowRef(columns[0]!, scope);
  const fields = [...scope.fields.fields.values()].filter((f) => f.key.toLowerCase() === lower);
  if (fields.length === 1) return fieldRef(fields[0]!, scope);
  return null;
}

function byTitle(title: string, scope: FormulaScope): Resolved | null {
  const stripped = (f: FieldInfo) => f.title.startsWith(f.code) ? f.title.slice(f.code.length).trim() : f.title;
  const matches = [...scope.fields.fields.values()].filter((f) => f.title === title || stripped(f) === title);
  if (matches.length !== 1) return null;
  const info = matches[0]!;
  if (scope.table && info.table === scope.table) return rowRef(info.code, scope);
  return fieldRef(info, scope);
}

export function resolveName(name: string, bracketed: boolean, scope: FormulaScope): Resolved {
  const row = !name.includes('.') ? rowRef(name, scope) : null;
  if (row) return row;
  const found = byPath(name, scope);
  if (found) return found;
  if (Object.hasOwn(scope.parameters, name)) return paramRef(name, scope);
  const titled = paramByTitle(name, scope) ?? (bracketed ? byTitle(name, scope) : null);
  if (titled) return titled;
  const loose = caseInsensitive(name, scope);
  if (loose) return loose;
  return { kind: 'unknown', message: `没有字段 ${name}` };
}
