// The syntax tree of a formula, every node with the offsets [start, end) of its text: what the
// parser builds, the checker reads and the printer writes back out.

export type BinaryOperator = '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export type FormulaNode =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'boolean'; value: boolean; start: number; end: number }
  /** A field, column, parameter or household field as written ("A28", "members.A17", "收入线"); bracketed: "[…]". */
  | { kind: 'name'; name: string; bracketed: boolean; start: number; end: number }
  | { kind: 'call'; name: string; nameEnd: number; args: FormulaNode[]; start: number; end: number }
  | { kind: 'negate'; operand: FormulaNode; start: number; end: number }
  | { kind: 'percent'; operand: FormulaNode; start: number; end: number }
  | { kind: 'binary'; op: BinaryOperator; left: FormulaNode; right: FormulaNode; start: number; end: number }
  /** 6 <= AGE(A4, 统计时点) <= 16: a value between two bounds (< or <= both ways). */
  | { kind: 'between'; ops: ['<' | '<=', '<' | '<=']; operands: [FormulaNode, FormulaNode, FormulaNode]; start: number; end: number }
  /** {"无劳动力", "丧失劳动力"}: a list written out. */
  | { kind: 'list'; items: FormulaNode[]; start: number; end: number };

export const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '>', '<=', '>=']);

/** Binding strength of binary operators, Excel's order: comparisons, &, + -, * /. */
export function precedenceOf(op: BinaryOperator): number {
  if (COMPARISONS.has(op)) return 1;
  if (op === '&') return 2;
  if (op === '+' || op === '-') return 3;
  return 4;
}
