// Small builders of syntax nodes (for formulas read back from JSON-Logic, hence without offsets)
// and the two questions asked of every JSON-Logic node: its operation and its arguments.
import type { BinaryOperator, FormulaNode } from './ast';

export const at = { start: 0, end: 0 };
export const num = (value: number): FormulaNode => (value < 0 || Object.is(value, -0) ? { kind: 'negate', operand: { kind: 'number', value: -value, ...at }, ...at } : { kind: 'number', value, ...at });
export const str = (value: string): FormulaNode => ({ kind: 'string', value, ...at });
export const bool = (value: boolean): FormulaNode => ({ kind: 'boolean', value, ...at });
export const name = (text: string, bracketed = false): FormulaNode => ({ kind: 'name', name: text, bracketed, ...at });
export const call = (fn: string, ...args: FormulaNode[]): FormulaNode => ({ kind: 'call', name: fn, nameEnd: 0, args, ...at });
export const binary = (op: BinaryOperator, left: FormulaNode, right: FormulaNode): FormulaNode => ({ kind: 'binary', op, left, right, ...at });
export const BLANK = str('');

export function operatorOf(node: unknown): string | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0]! : null;
}

export function argsOf(node: unknown, op: string): unknown[] {
  const value = (node as Record<string, unknown>)[op];
  return Array.isArray(value) ? value : [value];
}

export function isWhole(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
