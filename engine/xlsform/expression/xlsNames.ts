// How an XLSForm expression names what a rule reads, both ways. ${name} is a question: a top-level
// field by its code (${A28}), in a rule on a repeat's column that row's column (${A16}), a repeat
// (${members}), a column of a repeat from outside it (${A16} when only one repeat has it, else
// ${members.A16}), a field in a group by its code or dotted key. Campaign parameters and the
// registry's household are not questions: param('incomeLine') and household('kind') /
// household('members') / household('members.relation'). Printing picks the shortest name that
// reads back to the very same value.
import { resolveName, tableOf, type Resolved } from '../../formula/resolveName';
import type { FormulaScope } from '../../formula/types';

export type XlsName = { ok: true; name: string } | { ok: false; message: string };

/** The formula language's name of what ${name} reads in this scope, or a Chinese problem. */
export function formulaNameOf(xlsName: string, scope: FormulaScope): XlsName {
  if (scope.table && !xlsName.includes('.') && tableOf(scope.table, scope)?.columns.has(xlsName)) return { ok: true, name: xlsName };
  const fields = scope.fields.fields;
  if (fields.has(xlsName) && fields.get(xlsName)!.kind !== 'object') return { ok: true, name: xlsName };
  const byCode = [...fields.values()].filter((f) => f.code === xlsName && f.kind !== 'object');
  if (byCode.length === 1) return { ok: true, name: byCode[0]!.key };
  if (byCode.length > 1) {
    const keys = byCode.map((f) => `\${${f.key}}`).join('、');
    return { ok: false, message: `\${${xlsName}} 不唯一，可能是 ${keys}，请写出其一` };
  }
  if (Object.hasOwn(scope.parameters, xlsName)) return { ok: false, message: `${xlsName} 是活动参数，请写成 param('${xlsName}')` };
  if (fields.get(xlsName)?.kind === 'object') return { ok: false, message: `\${${xlsName}} 是一组题目，请写出其中的一题` };
  return { ok: false, message: `没有题目 \${${xlsName}}` };
}

/** The formula language's name of param('name'). */
export function parameterNameOf(name: string, scope: FormulaScope): XlsName {
  if (Object.hasOwn(scope.parameters, name)) return { ok: true, name: `$params.${name}` };
  const declared = Object.keys(scope.parameters);
  return { ok: false, message: `没有活动参数 ${name}${declared.length > 0 ? `（可用：${declared.join('、')}）` : '（表单没有声明参数）'}` };
}

/** A key saying what a resolved name reads: the same key, the same value. */
export function keyOf(resolved: Resolved): string | null {
  switch (resolved.kind) {
    case 'value': return `value:${resolved.ref.path}`;
    case 'table': return `table:${resolved.table.path}`;
    case 'column': return `column:${resolved.table.path}.${resolved.column}`;
    case 'unknown': return null;
  }
}

/** The field path a name reads, as a form's choices are keyed ("A3", "members.A14"); null for parameters and the household. */
export function fieldKeyOf(resolved: Resolved, scope: FormulaScope): string | null {
  if (resolved.kind === 'column') return resolved.table.path.startsWith('$') ? null : `${resolved.table.path}.${resolved.column}`;
  if (resolved.kind !== 'value') return null;
  const path = resolved.ref.path;
  if (path.startsWith('$row.')) return scope.table ? `${scope.table}.${path.slice(5)}` : null;
  return path.startsWith('$') ? null : path;
}

function quoted(text: string): string {
  return `'${text}'`;
}

/** How an XLSForm expression names a formula name (as the Decompiler writes it), or null. */
export function xlsNameOf(formulaName: string, bracketed: boolean, scope: FormulaScope, self?: string): string | null {
  const resolved = resolveName(formulaName, bracketed, scope);
  const key = keyOf(resolved);
  if (!key) return null;
  const field = fieldKeyOf(resolved, scope);
  if (self !== undefined && field === self && resolved.kind === 'value') return '.';
  if (resolved.kind === 'value' && resolved.ref.path.startsWith('$params.')) return `param(${quoted(resolved.ref.path.slice(8))})`;
  const household = resolved.kind === 'value' ? resolved.ref.path : resolved.kind === 'table' ? resolved.table.path : resolved.kind === 'column' ? `${resolved.table.path}.${resolved.column}` : '';
  if (household.startsWith('$household.')) return `household(${quoted(household.slice(11))})`;
  const path = field ?? (resolved.kind === 'table' ? resolved.table.path : null);
  if (!path) return null;
  const code = path.slice(path.lastIndexOf('.') + 1);
  for (const candidate of [code, path]) {
    const named = formulaNameOf(candidate, scope);
    if (named.ok && keyOf(resolveName(named.name, false, scope)) === key) return `\${${candidate}}`;
  }
  return null;
}
