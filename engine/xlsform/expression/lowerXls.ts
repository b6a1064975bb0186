// Lowers an XLSForm expression's tree to the formula language's tree, offsets kept, so that
// checkFormula types it and writes the same JSON-Logic as the builder's formulas: ${…} and "."
// become names (xlsNames.ts), and/or chains AND/OR, div "/", mod MOD, a comparison of a question
// with a choice name the stored value (yes/no questions: 'yes'/'no'), and count(${members}[…])
// COUNTIF/COUNTIFS. Every problem is collected with its offsets; functions are in xlsFunctions.ts.
import type { BinaryOperator, FormulaNode } from '../../formula/ast';
import { checkFormula } from '../../formula/checkFormula';
import { resolveName, type TableRef } from '../../formula/resolveName';
import type { Typed } from '../../formula/typed';
import type { FormulaError, FormulaScope } from '../../formula/types';
import type { XlsNode } from './xlsAst';
import { fieldKeyOf, formulaNameOf } from './xlsNames';

export interface XlsOptions {
  /** The field a constraint is on ("A28", "members.A16"): "." reads it. */
  self?: string;
  /** XLSForm choice name -> stored value, per field, when a list's names differ from values. */
  choiceValue?: (field: string, name: string) => unknown;
}

export interface LowerContext {
  scope: FormulaScope;
  options: XlsOptions;
  source: string;
  errors: FormulaError[];
  lower(node: XlsNode): FormulaNode | null;
}

export type Span = { start: number; end: number };

export function problem(ctx: LowerContext, message: string, at: Span): null {
  ctx.errors.push({ message, start: at.start, end: at.end });
  return null;
}

export const name = (text: string, at: Span): FormulaNode => ({ kind: 'name', name: text, bracketed: false, start: at.start, end: at.end });
export const fcall = (fn: string, args: FormulaNode[], at: Span & { nameEnd?: number }): FormulaNode => ({
  kind: 'call', name: fn, nameEnd: at.nameEnd ?? at.end, args, start: at.start, end: at.end,
});

/** The type a lowered piece has, as the checker sees it (its errors are reported by the final check). */
export function typedOf(node: FormulaNode, ctx: LowerContext): Typed {
  return checkFormula(node, ctx.scope, ctx.source).typed;
}

const YES_NO: Record<string, boolean> = { yes: true, no: false, true: true, false: false };

/** A text literal compared with a question: its choice name as the stored value ('yes' → 是 on a yes/no question). */
export function choiceLiteral(ctx: LowerContext, target: FormulaNode, literal: XlsNode & { kind: 'string' }): FormulaNode {
  const at = { start: literal.start, end: literal.end };
  if (target.kind !== 'name') return { kind: 'string', value: literal.value, ...at };
  const resolved = resolveName(target.name, target.bracketed, ctx.scope);
  const field = fieldKeyOf(resolved, ctx.scope);
  const value = field && ctx.options.choiceValue ? ctx.options.choiceValue(field, literal.value) : undefined;
  if (typeof value === 'boolean') return { kind: 'boolean', value, ...at };
  if (typeof value === 'number') return { kind: 'number', value, ...at };
  if (typeof value === 'string') return { kind: 'string', value, ...at };
  const info = resolved.kind === 'value' ? resolved.ref.info : resolved.kind === 'column' ? resolved.info : null;
  const yesNo = YES_NO[literal.value.toLowerCase()];
  if (info?.type === 'boolean' && yesNo !== undefined) return { kind: 'boolean', value: yesNo, ...at };
  return { kind: 'string', value: literal.value, ...at };
}

function lowerRef(node: XlsNode & { kind: 'ref' }, ctx: LowerContext): FormulaNode | null {
  const named = formulaNameOf(node.name, ctx.scope);
  return named.ok ? name(named.name, node) : problem(ctx, named.message, node);
}

function lowerSelf(node: XlsNode & { kind: 'self' }, ctx: LowerContext): FormulaNode | null {
  const self = ctx.options.self;
  if (self === undefined) return problem(ctx, '“.” 表示本题的值，只能用在约束（constraint）中；其他地方请写 ${题目名称}', node);
  const table = ctx.scope.table;
  return name(table && self.startsWith(`${table}.`) ? self.slice(table.length + 1) : self, node);
}

const COMPARISON: Record<string, BinaryOperator> = { '=': '=', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };
const ARITHMETIC: Record<string, BinaryOperator> = { '+': '+', '-': '-', '*': '*', div: '/' };

function flatten(node: XlsNode, op: 'and' | 'or'): XlsNode[] {
  return node.kind === 'binary' && node.op === op ? [...flatten(node.left, op), ...flatten(node.right, op)] : [node];
}

function lowerBinary(node: XlsNode & { kind: 'binary' }, ctx: LowerContext): FormulaNode | null {
  if (node.op === 'and' || node.op === 'or') {
    const parts = flatten(node, node.op).map((part) => ctx.lower(part));
    if (parts.some((p) => !p)) return null;
    return fcall(node.op.toUpperCase(), parts as FormulaNode[], { start: node.start, end: node.end, nameEnd: node.start });
  }
  let left = ctx.lower(node.left);
  let right = ctx.lower(node.right);
  if (!left || !right) return null;
  const at = { start: node.start, end: node.end };
  if (node.op === 'mod') return fcall('MOD', [left, right], at);
  const comparison = COMPARISON[node.op];
  if (comparison) {
    if (node.right.kind === 'string') right = choiceLiteral(ctx, left, node.right);
    if (node.left.kind === 'string') left = choiceLiteral(ctx, right, node.left);
    return { kind: 'binary', op: comparison, left, right, ...at };
  }
  return { kind: 'binary', op: ARITHMETIC[node.op]!, left, right, ...at };
}

export function lowerNode(node: XlsNode, ctx: LowerContext, calls: (node: XlsNode & { kind: 'call' }, ctx: LowerContext) => FormulaNode | null): FormulaNode | null {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', value: node.value, start: node.start, end: node.end };
    case 'string':
      return { kind: 'string', value: node.value, start: node.start, end: node.end };
    case 'ref':
      return lowerRef(node, ctx);
    case 'self':
      return lowerSelf(node, ctx);
    case 'bare':
      if (node.name === 'true' || node.name === 'false') return problem(ctx, `是/否请写成 ${node.name}()`, node);
      return problem(ctx, `“${node.name}” 是什么？题目请写成 \${${node.name}}，文字请加引号 '${node.name}'`, node);
    case 'filter':
      return problem(ctx, `[…] 中的条件只能用在 count() 中，如 count(\${members}[A8 = '户主'])`, node);
    case 'negate': {
      const operand = ctx.lower(node.operand);
      return operand && { kind: 'negate', operand, start: node.start, end: node.end };
    }
    case 'binary':
      return lowerBinary(node, ctx);
    case 'call':
      return calls(node, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// count(${members}[A8 = '户主' and A16 >= 6]): the predicate as COUNTIF criteria, one column of
// the rows compared with one constant per part.

const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=', '!=': '!=' };

function constantOf(node: XlsNode): XlsNode | null {
  if (node.kind === 'string' || node.kind === 'number') return node;
  if (node.kind === 'negate' && node.operand.kind === 'number') return { ...node.operand, value: -node.operand.value, start: node.start };
  if (node.kind === 'call' && node.args.length === 0 && (node.name === 'true' || node.name === 'false')) return node;
  return null;
}

function columnOf(node: XlsNode, table: TableRef): string | null {
  if (node.kind !== 'bare' && node.kind !== 'ref') return null;
  return table.columns.has(node.name) ? node.name : null;
}

function criterionOf(ctx: LowerContext, column: FormulaNode, op: string, constant: XlsNode): FormulaNode | null {
  const at = { start: constant.start, end: constant.end };
  let value: FormulaNode = constant.kind === 'call' ? { kind: 'boolean', value: constant.name === 'true', ...at }
    : constant.kind === 'string' ? choiceLiteral(ctx, column, constant) : { kind: 'number', value: (constant as { value: number }).value, ...at };
  if (op === '=') {
    if (value.kind === 'string' && /^[<>=]/.test(value.value)) return problem(ctx, '以 < > = 开头的文字不能用作条件', constant);
    return value;
  }
  const plain = value as { kind: string; value: unknown };
  const shown = plain.kind === 'boolean' ? (plain.value ? '是' : '否') : String(plain.value);
  if (op === '!=') return { kind: 'string', value: shown === '' ? '<>' : `<>${shown}`, ...at };
  value = { kind: 'string', value: `${op}${shown}`, ...at };
  return value;
}

function criteria(node: XlsNode, table: TableRef, ctx: LowerContext, pairs: FormulaNode[]): boolean {
  if (node.kind === 'binary' && node.op === 'and') return criteria(node.left, table, ctx, pairs) && criteria(node.right, table, ctx, pairs);
  const example = `如 count(\${members}[A8 = '户主' and A16 >= 6])`;
  if (node.kind !== 'binary' || !FLIP[node.op]) return !!problem(ctx, `[…] 中只能写“列 比较 固定值”，用 and 连接，${example}`, node);
  const leftColumn = columnOf(node.left, table);
  const [columnNode, constantNode, op] = leftColumn ? [node.left, node.right, node.op] : [node.right, node.left, FLIP[node.op]!];
  const column = columnOf(columnNode, table);
  if (!column) return !!problem(ctx, `${table.display} 中没有列“${ctx.source.slice(columnNode.start, columnNode.end)}”（[…] 中直接写列名，${example}）`, columnNode);
  const constant = constantOf(constantNode);
  if (!constant) return !!problem(ctx, `[…] 中只能与固定的值比较，${example}`, constantNode);
  const columnName = name(`${table.display}.${column}`, columnNode);
  const criterion = criterionOf(ctx, columnName, op, constant);
  if (!criterion) return false;
  pairs.push(columnName, criterion);
  return true;
}

/** count(rows[predicate]) as COUNTIF/COUNTIFS over the repeat's columns. */
export function countFiltered(filter: XlsNode & { kind: 'filter' }, call: XlsNode & { kind: 'call' }, ctx: LowerContext): FormulaNode | null {
  const base = ctx.lower(filter.base);
  if (!base) return null;
  const resolved = base.kind === 'name' ? resolveName(base.name, false, ctx.scope) : null;
  if (resolved?.kind !== 'table') return problem(ctx, '[…] 只能跟在重复组（表格）后面，如 ${members}[A8 = \'户主\']', filter.base);
  const pairs: FormulaNode[] = [];
  if (!criteria(filter.predicate, resolved.table, ctx, pairs)) return null;
  return fcall(pairs.length > 2 ? 'COUNTIFS' : 'COUNTIF', pairs, call);
}
