// A checked piece of a formula: its type, its JSON-Logic, and what the checker needs to know to
// combine it further (the var it reads, its options, whether it is a literal, a table, a column,
// a LEN awaiting its comparison, an ISBLANK that NOT may turn around). Also the checking context:
// the scope and the errors found so far, each at the offsets of the text it concerns.
import type { FormulaNode } from './ast';
import type { TableRef, ValueRef } from './resolveName';
import type { FormulaError, FormulaScope, FormulaType } from './types';
import { varOf } from './emitLogic';
import { TYPE_NAMES, type ValueInfo } from './valueInfo';

export interface Typed {
  node: FormulaNode;
  type: FormulaType | 'table' | 'column';
  logic: unknown;
  info: ValueInfo;
  ref?: ValueRef;
  table?: TableRef;
  column?: string;
  /** A constant written in the formula (number, text, 是/否). */
  literal?: boolean;
  /** The empty text "": blank. */
  blank?: boolean;
  /** LEN(x): its text, valid only compared with a whole number. */
  lengthOf?: unknown;
  /** ISBLANK(x): the logic of "x is filled", for NOT. */
  filled?: unknown;
  /** The checked items of a list written out ({"a", "b"}), to fit constants to what they are compared with. */
  items?: Typed[];
  /** A failed piece: already reported, never reported again. */
  failed?: boolean;
}

export interface CheckContext {
  scope: FormulaScope;
  source: string;
  errors: FormulaError[];
  check(node: FormulaNode): Typed;
}

export function report(ctx: CheckContext, message: string, at: { start: number; end: number }): void {
  ctx.errors.push({ message, start: at.start, end: at.end });
}

export function failed(node: FormulaNode): Typed {
  return { node, type: 'unknown', logic: null, info: { type: 'unknown', options: null }, failed: true };
}

/** How a message names a piece: a field by its code, text in quotes, anything else as written. */
export function display(ctx: CheckContext, t: Typed): string {
  if (t.ref) return t.ref.display;
  if (t.table && t.column) return `${t.table.display}.${t.column}`;
  if (t.table) return t.table.display;
  if (t.node.kind === 'string') return `“${t.node.value}”`;
  const text = ctx.source.slice(t.node.start, t.node.end).trim();
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

export function typeName(t: Typed): string {
  if (t.type === 'date' && t.info.format === 'year-month') return '年月';
  return TYPE_NAMES[t.type];
}

/**
 * A piece used as a value: tables, columns and a lone LEN are refused with a message that says
 * what to write instead. Returns false (after reporting) when the piece cannot be a value.
 */
export function requireValue(ctx: CheckContext, t: Typed): boolean {
  if (t.failed) return false;
  if (t.type === 'table') {
    const name = t.table!.display;
    report(ctx, `${name} 是表格，请用 COUNT(${name}) 或 SUM(${name}.列)`, t.node);
    return false;
  }
  if (t.type === 'column') {
    const name = display(ctx, t);
    report(ctx, `${name} 是表格中的一列，请用 SUM(${name})、COUNTIF(${name}, …) 或 CONTAINS(${name}, …)`, t.node);
    return false;
  }
  if (t.lengthOf !== undefined) {
    report(ctx, 'LEN 只能与整数比较，如 LEN(A7) = 18（规则语言没有求长度的运算）', t.node);
    return false;
  }
  return true;
}

/** A value that must have one of the given types ("unknown" always passes). */
export function requireType(ctx: CheckContext, t: Typed, types: FormulaType[], problem: (t: Typed) => string): boolean {
  if (!requireValue(ctx, t)) return false;
  if (t.type === 'unknown' || types.includes(t.type as FormulaType)) return true;
  report(ctx, problem(t), t.node);
  return false;
}

/**
 * The logic of a number operand. A field an officer fills is read with 0 when empty (Excel's blank
 * cell); a computed field, a parameter or a registry value is read as it is, so a value that
 * could not be computed (A34 without members) leaves what depends on it empty, as #DIV/0! would.
 */
export function numeric(t: Typed): unknown {
  if (t.ref && !t.ref.computed && t.type === 'number') return varOf(t.ref.path, 0);
  return t.logic;
}

/** Checks an operand of arithmetic; false when it is not a number (reported). */
export function requireNumber(ctx: CheckContext, t: Typed, what = '不能做加减乘除'): boolean {
  if (t.blank) {
    report(ctx, `"" 是空值，${what}`, t.node);
    return false;
  }
  return requireType(ctx, t, ['number'], (bad) => {
    const hint = bad.type === 'date' ? '（日期相差请用 MONTHS 或 DAYS）' : bad.type === 'boolean' ? '（是/否不能计算）' : '';
    return `${display(ctx, bad)} 是${typeName(bad)}，${what}${hint}`;
  });
}
