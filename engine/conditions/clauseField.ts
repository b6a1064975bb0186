// The field a clause tests, found as the formula language finds names: a form field, the current
// row's column when the rule sits on a table column, a household field. Tables, whole objects and
// other tables' columns cannot be tested by one clause.
import { FORM_PREFIX, resolveName, type ValueRef } from '../formula/resolveName';
import type { FormulaScope } from '../formula/types';

export type ClauseField = { ok: true; ref: ValueRef; key: string } | { ok: false; message: string };

export function clauseField(field: string, scope: FormulaScope): ClauseField {
  if (typeof field !== 'string' || field.trim() === '') return { ok: false, message: '请选择字段' };
  const trimmed = field.trim();
  // A field's key names that field ("phone" is the form's phone even beside a column helpers.phone);
  // in a rule on a column, "members.A14" is the current row's A14, as the builder lists it.
  const info = scope.fields.fields.get(trimmed);
  const inRow = scope.table !== undefined && trimmed.startsWith(`${scope.table}.`) ? `$row.${trimmed.slice(scope.table.length + 1)}` : null;
  const name = inRow ?? (info && info.table === null && !trimmed.includes('.') ? `${FORM_PREFIX}${trimmed}` : trimmed);
  const resolved = resolveName(name, false, scope);
  switch (resolved.kind) {
    case 'value': {
      const ref = resolved.ref;
      if (ref.source === 'param') return { ok: false, message: `${field} 是活动参数，不能作为条件` };
      const key = ref.source === 'row' ? `${scope.table}.${ref.path.slice('$row.'.length)}` : ref.path;
      return { ok: true, ref, key };
    }
    case 'table':
      return { ok: false, message: `${field} 是表格，不能作为条件；表格的列请在该列的显示条件中使用` };
    case 'column':
      return { ok: false, message: `${field} 是表格 ${resolved.table.display} 中的一列，只能用于该表格中的列的条件` };
    case 'unknown':
      return { ok: false, message: resolved.message };
  }
}
