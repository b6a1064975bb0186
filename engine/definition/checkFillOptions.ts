// Checks the markers that fill fields by themselves: `filler` (the signed-in user's name, phone,
// today's date) on a top-level text field, and `fromIdNumber` (a member's 性别 or 出生日期 from the
// ID number beside it). A malformed marker would fill nothing, silently: it is an author's error.
import { FILLER_PARTS } from '../fill/fillerData';
import { fromIdNumberOption, ID_PARTS } from '../fill/fromIdNumber';
import type { FieldIndex, FieldInfo } from '../schema/fieldIndex';
import { uiOptionsOf } from '../schema/uiOptionsOf';
import type { DefinitionProblem, FormDefinition } from '../types';

const ID_FORMATS = new Set(['resident-id', 'id-number']);

/** Where a field's ui:options sit in the definition ("/uiSchema/members/items/A2/ui:options"). */
function optionsPointer(index: FieldIndex, key: string): string {
  const parts = key.split('.');
  const path: string[] = [];
  parts.forEach((part, i) => {
    path.push(part);
    if (i < parts.length - 1 && index.fields.get(parts.slice(0, i + 1).join('.'))?.kind === 'table') path.push('items');
  });
  return `/uiSchema/${path.join('/')}/ui:options`;
}

const error = (path: string, message: string): DefinitionProblem => ({ path, message, severity: 'error' });

function fillerProblems(info: FieldInfo, part: unknown, at: string): DefinitionProblem[] {
  if (!(FILLER_PARTS as readonly unknown[]).includes(part)) return [error(at, `filler 应为 "name"（填表人）、"phone"（联系电话）或 "date"（填表日期），而不是 ${JSON.stringify(part)}`)];
  if (info.table !== null || info.parent !== null) return [error(at, `填表人字段 ${info.key} 应为表单的顶层字段`)];
  if (info.schema.type !== 'string') return [error(at, `填表人字段 ${info.key} 应为文字字段（"type": "string"）`)];
  if (part === 'date' && info.schema.format !== 'date') return [error(at, `填表日期 ${info.key} 应为日期字段（"format": "date"）`)];
  return [];
}

function idProblems(index: FieldIndex, info: FieldInfo, option: unknown, at: string): DefinitionProblem[] {
  const { field, part } = (option !== null && typeof option === 'object' ? option : {}) as { field?: unknown; part?: unknown };
  if (typeof field !== 'string' || !(ID_PARTS as readonly unknown[]).includes(part)) {
    return [error(at, 'fromIdNumber 应为 {"field": 证件号码字段, "part": "gender"（性别）或 "birthDate"（出生日期）}')];
  }
  const sourceKey = info.table ? `${info.table}.${field}` : field;
  const source = index.fields.get(sourceKey);
  if (source?.kind !== 'leaf' || source.table !== info.table) {
    return [error(`${at}/field`, `"${field}" 不是${info.table ? `表格 ${info.table} 中与 ${info.code} 同一行的` : '表单的顶层'}字段`)];
  }
  if (!ID_FORMATS.has(String(source.schema.format))) return [error(`${at}/field`, `${field} 不是证件号码字段（"format": "resident-id" 或 "id-number"）`)];
  if (info.schema.type !== 'string') return [error(at, `${info.key} 应为文字字段`)];
  if (part === 'birthDate' && info.schema.format !== 'date') return [error(at, `出生日期 ${info.key} 应为日期字段（"format": "date"）`)];
  if (part === 'gender' && Array.isArray(info.schema.enum) && !['男', '女'].every((g) => (info.schema.enum as unknown[]).includes(g))) {
    return [error(at, `性别 ${info.key} 的选项应包含“男”和“女”`)];
  }
  return [];
}

export function checkFillOptions(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const info of index.fields.values()) {
    const options = uiOptionsOf(definition, index, info.key);
    const at = optionsPointer(index, info.key);
    if (Object.hasOwn(options, 'filler')) problems.push(...fillerProblems(info, options.filler, `${at}/filler`));
    const fromId = fromIdNumberOption(definition, index, info.key);
    if (fromId !== null) problems.push(...idProblems(index, info, fromId, `${at}/fromIdNumber`));
  }
  return problems;
}
