// What every function check shares: the shape of a handler, its result, and the checks of
// arguments (a condition, a column, a date, text, a whole number written out, a constant fitted
// to what it meets, results of one type).
import type { FormulaNode } from './ast';
import { fitLiteral } from './fitLiteral';
import type { TableRef } from './resolveName';
import { display, report, requireType, requireValue, typeName, type CheckContext, type Typed } from './typed';
import type { FormulaType } from './types';
import { dateFormatOf, type ValueInfo } from './valueInfo';

export type Call = Extract<FormulaNode, { kind: 'call' }>;
export type Handler = (call: Call, ctx: CheckContext) => Typed;

export function result(call: Call, type: FormulaType, logic: unknown, info: ValueInfo = { type, options: null }): Typed {
  return { node: call, type, logic, info };
}

export function all(checks: boolean[]): boolean {
  return checks.every(Boolean);
}

export function infoTypeName(info: ValueInfo): string {
  return typeName({ type: info.type, info } as Typed);
}

/** A condition: yes/no (a comparison, AND, OR, a yes/no field). */
export function requireCondition(ctx: CheckContext, t: Typed, what: string): boolean {
  if (t.blank) {
    report(ctx, `${what}不能是空值`, t.node);
    return false;
  }
  return requireType(ctx, t, ['boolean'], (bad) => {
    const name = display(ctx, bad);
    const hint = bad.type === 'string' || bad.type === 'date' || bad.type === 'list' ? `；判断是否填写请用 NOT(ISBLANK(${name}))` : '';
    return `${what}应为是/否（比较、AND、OR 等），${name} 是${typeName(bad)}${hint}`;
  });
}

export function requireColumn(ctx: CheckContext, t: Typed, fn: string): t is Typed & { table: TableRef; column: string } {
  if (t.failed) return false;
  if (t.type === 'column') return true;
  const example = t.table ? `${t.table.display}.列` : 'members.A14';
  report(ctx, `${fn} 的这个参数应为表格的一列，如 ${example}`, t.node);
  return false;
}

export function requireDate(ctx: CheckContext, t: Typed, fn: string, month: boolean): boolean {
  if (t.blank) {
    report(ctx, `${fn} 需要日期，不能是空值`, t.node);
    return false;
  }
  if (!requireType(ctx, t, ['date', 'string'], (bad) => `${fn} 需要${month ? '日期或年月' : '日期'}，${display(ctx, bad)} 是${typeName(bad)}`)) return false;
  const format = t.type === 'date' ? t.info.format : t.literal ? dateFormatOf(t.logic as string) : 'date';
  if (t.literal && !format) {
    report(ctx, `${display(ctx, t)} 不是日期，请写成 "2021-09-30"${month ? ' 或 "2021-09"' : ''}`, t.node);
    return false;
  }
  if (!month && format === 'year-month') {
    report(ctx, `${fn} 需要完整日期（年-月-日），${display(ctx, t)} 是年月；按月计算请用 MONTHS`, t.node);
    return false;
  }
  return true;
}

export function requireText(ctx: CheckContext, t: Typed, fn: string): boolean {
  return requireType(ctx, t, ['string', 'date', 'number'], (bad) => `${fn} 需要文字，${display(ctx, bad)} 是${typeName(bad)}`);
}

export function wholeNumber(ctx: CheckContext, t: Typed, message: string, min: number, max = Infinity): number | null {
  if (t.failed) return null;
  if (t.literal && typeof t.logic === 'number' && Number.isInteger(t.logic) && t.logic >= min && t.logic <= max) return t.logic;
  report(ctx, message, t.node);
  return null;
}

/** A literal fitted to what it is compared with; null when it does not fit (reported). */
export function fit(ctx: CheckContext, constant: Typed, info: ValueInfo, name: string): { value: unknown } | null {
  const fitted = fitLiteral(constant.logic, info, name);
  if (fitted.ok) return { value: fitted.value };
  report(ctx, fitted.message, constant.node);
  return null;
}

/** The common type of IF's results: blanks and unknowns fit anything; the rest must agree. */
export function mergeResults(ctx: CheckContext, fn: string, results: Typed[]): ValueInfo | null {
  let first: Typed | null = null;
  for (const t of results) {
    if (!requireValue(ctx, t)) return null;
    if (t.blank || t.type === 'unknown') continue;
    if (!first) first = t;
    else if (first.type !== t.type) {
      report(ctx, `${fn} 的结果类型不一致：${display(ctx, first)} 是${typeName(first)}，${display(ctx, t)} 是${typeName(t)}`, t.node);
      return null;
    }
  }
  return first ? { ...first.info, options: first.type === 'list' ? first.info.options : null } : { type: 'unknown', options: null };
}
