// conditionToLogic: the builder's clauses to JSON-Logic, checking each clause on the way: the
// field exists, the operator fits its type (contains only for multiple choice and text, greater or
// less only for numbers and dates), the value is one of the field's options or fits its type.
// The logic is what the formula language writes for the same test (A1 = 是, CONTAINS(A27, "…")).
import { lookupTable } from '../ownValue';
import { blankTest, unary, varOf } from '../formula/emitLogic';
import { fitLiteral } from '../formula/fitLiteral';
import { TYPE_NAMES, dateFormatOf } from '../formula/valueInfo';
import type { FormulaScope } from '../formula/types';
import { clauseField } from './clauseField';
import { CLAUSE_OPS, type Clause, type Condition, type ConditionError, type ConditionResult } from './types';

const RELATIONAL = lookupTable({ gt: '>', lt: '<', gte: '>=', lte: '<=' } as const);

type Built = { ok: true; logic: unknown } | { ok: false; message: string };

function fail(message: string): Built {
  return { ok: false, message };
}

/** A value for a number field may come from a text box ("6000"). */
function numberOf(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

function clauseLogic(clause: Clause, scope: FormulaScope): Built {
  const field = clauseField(clause.field, scope);
  if (!field.ok) return fail(field.message);
  const { ref } = field;
  const name = ref.display;
  const type = ref.info.type;
  const cell = varOf(ref.path);
  const opName = CLAUSE_OPS[clause.op];
  if (!opName) return fail(`不认识的条件“${String(clause.op)}”`);
  if (clause.op === 'isEmpty' || clause.op === 'isNotEmpty') return { ok: true, logic: blankTest(cell, ref.info, ref.path, clause.op === 'isNotEmpty') };
  if (clause.value === undefined || clause.value === null || clause.value === '') return fail(`请填写${name}${opName}什么`);
  const fit = (value: unknown) => fitLiteral(type === 'number' ? numberOf(value) : value, ref.info, name);

  if (clause.op === 'is' || clause.op === 'isNot') {
    if (type === 'list') return fail(`${name} 是多选，请用“包含”或“不包含”`);
    const values = Array.isArray(clause.value) ? clause.value : [clause.value];
    if (values.length === 0) return fail(`请至少选择一个${name}的值`);
    const fitted: unknown[] = [];
    for (const value of values) {
      const one = fit(value);
      if (!one.ok) return fail(one.message);
      fitted.push(one.value);
    }
    if (Array.isArray(clause.value)) {
      const oneOf = { in: [cell, fitted] };
      return { ok: true, logic: clause.op === 'is' ? oneOf : unary('!', oneOf) };
    }
    return { ok: true, logic: { [clause.op === 'is' ? '==' : '!=']: [cell, fitted[0]] } };
  }

  if (clause.op === 'contains' || clause.op === 'notContains') {
    if (type !== 'list' && type !== 'string' && type !== 'unknown') return fail(`“${opName}”只能用于多选或文字字段，${name} 是${TYPE_NAMES[type]}`);
    if (typeof clause.value !== 'string') return fail(`${name}${opName}的应是文字`);
    const one = type === 'list' ? fit(clause.value) : { ok: true as const, value: clause.value };
    if (!one.ok) return fail(one.message);
    const test = { in: [one.value, cell] };
    return { ok: true, logic: clause.op === 'contains' ? test : unary('!', test) };
  }

  const op = RELATIONAL[clause.op];
  if (!op) return fail(`不认识的条件“${String(clause.op)}”`);
  if (type !== 'number' && type !== 'date') return fail(`“${opName}”只能用于数字或日期，${name} 是${TYPE_NAMES[type]}`);
  let value = type === 'number' ? numberOf(clause.value) : clause.value;
  if (type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) return fail(`${name} 是数字，请填写数字`);
  if (type === 'date') {
    const wanted = ref.info.format ?? 'date';
    if (typeof value !== 'string' || dateFormatOf(value) !== wanted) return fail(wanted === 'date' ? `${name} 是日期，请写成 2021-09-30` : `${name} 是年月，请写成 2021-09`);
  }
  if (ref.info.options) {
    const one = fit(value);
    if (!one.ok) return fail(one.message);
    value = one.value;
  }
  return { ok: true, logic: { [op]: [cell, value] } };
}

export function conditionToLogic(condition: Condition, scope: FormulaScope): ConditionResult {
  if (condition.join !== 'and' && condition.join !== 'or') return { ok: false, errors: [{ clause: -1, message: '请选择“并且”或“或者”' }] };
  if (!Array.isArray(condition.clauses) || condition.clauses.length === 0) return { ok: false, errors: [{ clause: -1, message: '请至少添加一个条件' }] };
  const errors: ConditionError[] = [];
  const parts: unknown[] = [];
  condition.clauses.forEach((clause, i) => {
    const built = clauseLogic(clause, scope);
    if (built.ok) parts.push(built.logic);
    else errors.push({ clause: i, message: built.message });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, logic: parts.length === 1 ? parts[0] : { [condition.join]: parts } };
}
