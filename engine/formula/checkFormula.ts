// Type-checks a formula's syntax tree and lowers it to JSON-Logic: names resolved against the
// scope, operands checked against what each operator needs, constants fitted to the fields they
// meet. Every problem is collected with the offsets of the text it concerns, so an administrator
// sees all of them underlined at once; a failed piece checks on as "unknown" without new errors.
import { lookupTable } from '../ownValue';
import type { BinaryOperator, FormulaNode } from './ast';
import { checkCall } from './checkCall';
import { blankTest, flipComparison, lengthTest, nary, varOf, type LengthComparison } from './emitLogic';
import { fitLiteral } from './fitLiteral';
import { resolveName } from './resolveName';
import { display, failed, numeric, report, requireNumber, requireType, requireValue, typeName, type CheckContext, type Typed } from './typed';
import type { FormulaError, FormulaScope, FormulaType } from './types';
import { dateFormatOf, type ValueInfo } from './valueInfo';

const UNKNOWN: ValueInfo = { type: 'unknown', options: null };

export function checkFormula(node: FormulaNode, scope: FormulaScope, source: string): { typed: Typed; errors: FormulaError[] } {
  const ctx: CheckContext = { scope, source, errors: [], check: (n) => check(n, ctx) };
  const typed = ctx.check(node);
  requireValue(ctx, typed);
  return { typed, errors: ctx.errors };
}

function literal(node: FormulaNode, value: unknown, type: FormulaType): Typed {
  return { node, type, logic: value, info: { type, options: null }, literal: true };
}

function check(node: FormulaNode, ctx: CheckContext): Typed {
  switch (node.kind) {
    case 'number':
      return literal(node, node.value, 'number');
    case 'boolean':
      return literal(node, node.value, 'boolean');
    case 'string':
      if (node.value === '') return { node, type: 'unknown', logic: null, info: UNKNOWN, literal: true, blank: true };
      return literal(node, node.value, 'string');
    case 'name':
      return checkName(node, ctx);
    case 'list':
      return checkList(node, ctx);
    case 'negate':
    case 'percent':
      return checkSign(node, ctx);
    case 'binary':
      return checkBinary(node, ctx);
    case 'between':
      return checkBetween(node, ctx);
    case 'call':
      return checkCall(node, ctx);
  }
}

function checkName(node: Extract<FormulaNode, { kind: 'name' }>, ctx: CheckContext): Typed {
  const resolved = resolveName(node.name, node.bracketed, ctx.scope);
  switch (resolved.kind) {
    case 'value':
      return { node, type: resolved.ref.info.type, logic: varOf(resolved.ref.path), info: resolved.ref.info, ref: resolved.ref };
    case 'table':
      return { node, type: 'table', logic: varOf(resolved.table.path), info: UNKNOWN, table: resolved.table };
    case 'column':
      return {
        node, type: 'column', logic: { map: [varOf(resolved.table.path), varOf(resolved.column)] }, info: resolved.info,
        table: resolved.table, column: resolved.column,
      };
    case 'unknown':
      report(ctx, resolved.message, node);
      return failed(node);
  }
}

function checkList(node: Extract<FormulaNode, { kind: 'list' }>, ctx: CheckContext): Typed {
  const items = node.items.map((item) => ctx.check(item));
  const ok = items.every((item) => requireValue(ctx, item));
  if (!ok) return failed(node);
  return { node, type: 'list', logic: items.map((i) => i.logic), info: { type: 'list', options: null }, items };
}

function checkSign(node: Extract<FormulaNode, { kind: 'negate' | 'percent' }>, ctx: CheckContext): Typed {
  const operand = ctx.check(node.operand);
  const ok = requireNumber(ctx, operand, node.kind === 'negate' ? '不能取负数' : '不能用 %');
  if (!ok) return failed(node);
  if (operand.literal && typeof operand.logic === 'number') {
    return literal(node, node.kind === 'negate' ? -operand.logic : operand.logic / 100, 'number');
  }
  const logic = node.kind === 'negate' ? { '-': [numeric(operand)] } : { '/': [numeric(operand), 100] };
  return { node, type: 'number', logic, info: { type: 'number', options: null } };
}

function checkBinary(node: Extract<FormulaNode, { kind: 'binary' }>, ctx: CheckContext): Typed {
  const left = ctx.check(node.left);
  const right = ctx.check(node.right);
  switch (node.op) {
    case '+': case '-': case '*': case '/': {
      const ok = [requireNumber(ctx, left), requireNumber(ctx, right)].every(Boolean);
      if (!ok) return failed(node);
      const args = [numeric(left), numeric(right)];
      const logic = node.op === '+' || node.op === '*' ? nary(node.op, args) : { [node.op]: args };
      return { node, type: 'number', logic, info: { type: 'number', options: null } };
    }
    case '&': {
      const ok = [left, right].every((t) => requireType(ctx, t, ['number', 'string', 'date', 'boolean'], (bad) => `${display(ctx, bad)} 是${typeName(bad)}，不能用 & 连接`));
      if (!ok) return failed(node);
      return { node, type: 'string', logic: nary('cat', [left.logic, right.logic]), info: { type: 'string', options: null } };
    }
    default:
      return checkComparison(node, node.op, left, right, ctx);
  }
}

const LOGIC_OPS = lookupTable<string>({ '=': '==', '<>': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' });

function booleanResult(node: FormulaNode, logic: unknown): Typed {
  return { node, type: 'boolean', logic, info: { type: 'boolean', options: null } };
}

function isWholeNumber(t: Typed): t is Typed & { logic: number } {
  return t.literal === true && typeof t.logic === 'number' && Number.isInteger(t.logic) && t.logic >= 0;
}

function checkComparison(node: FormulaNode, op: BinaryOperator, left: Typed, right: Typed, ctx: CheckContext): Typed {
  if (left.failed || right.failed) return failed(node);
  // LEN(x) compared with a whole number, either way round.
  if (left.lengthOf !== undefined || right.lengthOf !== undefined) {
    const [len, n, lop] = left.lengthOf !== undefined ? [left, right, op] : [right, left, flipComparison(op)];
    if (n.lengthOf !== undefined || !isWholeNumber(n)) {
      report(ctx, 'LEN 只能与整数比较，如 LEN(A7) = 18', n.node);
      return failed(node);
    }
    return booleanResult(node, lengthTest(len.lengthOf, lop as LengthComparison, n.logic));
  }
  // x = "" and x <> "": blank tests, as Excel compares an empty cell with "".
  if (left.blank || right.blank) {
    const other = left.blank ? right : left;
    if (op !== '=' && op !== '<>') {
      report(ctx, '"" 表示空值，只能用 = 或 <> 比较（是否填写）', (left.blank ? left : right).node);
      return failed(node);
    }
    if (other.blank) return literal(node, op === '=', 'boolean');
    if (!requireValue(ctx, other)) return failed(node);
    return booleanResult(node, blankTest(other.logic, other.info, other.ref?.path ?? null, op === '<>'));
  }
  if (!requireValue(ctx, left) || !requireValue(ctx, right)) return failed(node);
  const fitted = fitComparison(op, left, right, ctx);
  if (!fitted) return failed(node);
  return booleanResult(node, { [LOGIC_OPS[op]!]: fitted });
}

/** Both sides of a comparison, constants fitted to the other side; null when they cannot meet. */
function fitComparison(op: string, left: Typed, right: Typed, ctx: CheckContext): [unknown, unknown] | null {
  const relational = op !== '=' && op !== '<>';
  for (const t of [left, right]) {
    if (t.type === 'list') {
      report(ctx, `${display(ctx, t)} 是多选，请用 CONTAINS(${display(ctx, t)}, "…") 判断是否选了某项`, t.node);
      return null;
    }
    // Text and yes/no have no order; a constant is judged against the other side below.
    const constant = t.literal && (left.literal !== right.literal);
    const dateText = t.literal && typeof t.logic === 'string' && dateFormatOf(t.logic);
    if (relational && !constant && !dateText && (t.type === 'string' || t.type === 'boolean')) {
      report(ctx, `${display(ctx, t)} 是${typeName(t)}，不能比较大小`, t.node);
      return null;
    }
  }
  const sides: [unknown, unknown] = [left.logic, right.logic];
  if (left.literal !== right.literal) {
    const [value, constant, index] = left.literal ? [right, left, 0] : [left, right, 1];
    const fitted = fitLiteral(constant.logic, value.info, display(ctx, value));
    if (!fitted.ok) {
      report(ctx, fitted.message, constant.node);
      return null;
    }
    sides[index] = fitted.value;
    return sides;
  }
  if (compatible(left, right)) return sides;
  report(ctx, `${display(ctx, left)} 是${typeName(left)}，不能与${typeName(right)} ${display(ctx, right)} 比较`, right.node);
  return null;
}

function compatible(a: Typed, b: Typed): boolean {
  if (a.type === 'unknown' || b.type === 'unknown' || a.type === b.type) return true;
  const textual = (t: Typed) => t.type === 'string' || t.type === 'date';
  return textual(a) && textual(b);
}

function checkBetween(node: Extract<FormulaNode, { kind: 'between' }>, ctx: CheckContext): Typed {
  const operands = node.operands.map((n) => ctx.check(n));
  const ok = operands.every((t) => requireType(ctx, t, ['number', 'date'], (bad) => `${display(ctx, bad)} 是${typeName(bad)}，不能比较大小`));
  if (!ok) return failed(node);
  const logic = operands.map((t) => t.logic);
  if (node.ops[0] === node.ops[1]) return booleanResult(node, { [node.ops[0]]: logic });
  return booleanResult(node, { and: [{ [node.ops[0]]: [logic[0], logic[1]] }, { [node.ops[1]]: [logic[1], logic[2]] }] });
}

