// Checks the registry hooks: pre-fill reads household fields into existing form fields, effects
// write household fields (never the registry's own) from existing form fields and tables. Registry
// names are looked up among the declared ones only (householdFields has no prototype).
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../registry/householdFields';
import type { FieldIndex } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition } from '../types';
import { checkRule } from './checkRules';

function error(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

function checkColumns(
  table: string,
  columns: Record<string, string>,
  formSide: 'key' | 'value',
  base: string,
  index: FieldIndex,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [key, value] of Object.entries(columns)) {
    const column = formSide === 'key' ? key : value;
    const member = formSide === 'key' ? value : key;
    if (!index.fields.has(`${table}.${column}`)) problems.push(error(`${base}/columns/${key}`, `表格 ${table} 中没有列 "${column}"`));
    if (!Object.hasOwn(MEMBER_FIELDS, member)) problems.push(error(`${base}/columns/${key}`, `家庭成员信息中没有字段 "${member}"`));
  }
  return problems;
}

function checkTable(table: string, path: string, index: FieldIndex): DefinitionProblem[] {
  return index.fields.get(table)?.kind === 'table' ? [] : [error(path, `"${table}" 不是表单中的表格`)];
}

export function checkRegistry(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  (definition.registry?.prefill ?? []).forEach((p, i) => {
    const base = `/registry/prefill/${i}`;
    const info = index.fields.get(p.field);
    if (!info) problems.push(error(`${base}/field`, `预填的目标字段 "${p.field}" 不存在`));
    const source = HOUSEHOLD_FIELDS[p.from];
    if (!source) {
      problems.push(error(`${base}/from`, `户信息中没有字段 "${p.from}"`));
    } else if (source.type === 'members') {
      if (info && info.kind !== 'table') problems.push(error(`${base}/field`, `家庭成员只能预填到表格，${p.field} 不是表格`));
      if (!p.columns) problems.push(error(`${base}/columns`, '预填家庭成员时须用 columns 指明各列对应的成员字段'));
      else problems.push(...checkColumns(p.field, p.columns, 'key', base, index));
    } else if (info && info.kind !== 'leaf') {
      problems.push(error(`${base}/field`, `${p.from} 只能预填到单个字段，${p.field} 是表格或分组`));
    }
  });
  (definition.registry?.effects ?? []).forEach((effect, i) => {
    const base = `/registry/effects/${i}`;
    if (effect.type === 'setFields') {
      if (effect.when !== undefined) problems.push(...checkRule(effect.when, `${base}/when`, definition, index, null, true));
      for (const [field, rule] of Object.entries(effect.set)) {
        const target = HOUSEHOLD_FIELDS[field];
        if (!target) problems.push(error(`${base}/set/${field}`, `户信息中没有字段 "${field}"`));
        else if (target.readOnly || target.type === 'members') problems.push(error(`${base}/set/${field}`, `户信息字段 ${field} 不能由表单直接写入`));
        problems.push(...checkRule(rule, `${base}/set/${field}`, definition, index, null, true));
      }
    } else if (effect.type === 'removeMembers') {
      problems.push(...checkTable(effect.from, `${base}/from`, index));
      for (const key of ['idColumn', 'reasonColumn'] as const) {
        if (!index.fields.has(`${effect.from}.${effect[key]}`)) problems.push(error(`${base}/${key}`, `表格 ${effect.from} 中没有列 "${effect[key]}"`));
      }
    } else {
      problems.push(...checkTable(effect.from, `${base}/from`, index));
      problems.push(...checkColumns(effect.from, effect.columns, 'value', base, index));
      if (effect.rowWhen !== undefined) problems.push(...checkRule(effect.rowWhen, `${base}/rowWhen`, definition, index, effect.from));
    }
  });
  return problems;
}
