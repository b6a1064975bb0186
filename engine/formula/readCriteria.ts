// Reads a filter's condition on one row back into COUNTIF criteria: {"==": [{"var": "A8"}, "户主"]}
// is members.A8, "户主"; "!=" is "<>户主"; > >= < <= are ">6"…; blank tests are "" and "<>";
// an and of several is COUNTIFS's pairs. Null when a condition is not one Excel's criteria say.
import { lookupTable } from '../ownValue';
import type { FormulaNode } from './ast';
import { argsOf, bool, name, num, operatorOf, str } from './formulaNodes';
import type { TableRef } from './resolveName';

const RELATIONAL = new Set(['<', '>', '<=', '>=']);
const FLIPPED = lookupTable<string>({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' });

/** The column of a row var inside filter/some ({"var": "A17"}), if the table has it. */
export function cellOf(table: TableRef, node: unknown): string | null {
  if (operatorOf(node) !== 'var') return null;
  const args = argsOf(node, 'var');
  return args.length === 1 && typeof args[0] === 'string' && table.columns.has(args[0]) ? args[0] : null;
}

/** A filter condition as COUNTIF's column-criterion pairs. */
export function readCriteria(table: TableRef, condition: unknown): FormulaNode[] | null {
  const op = operatorOf(condition);
  if (op === 'and') {
    const parts = argsOf(condition, op).map((c) => readCriteria(table, c));
    return parts.every((p) => p !== null) ? (parts as FormulaNode[][]).flat() : null;
  }
  if (op === null) return null;
  const args = argsOf(condition, op);
  const pair = (column: string, criterion: FormulaNode) => [name(`${table.display}.${column}`), criterion];
  const textual = (column: string) => ['string', 'date', 'list'].includes(table.columns.get(column)!.type);
  if ((op === '!' || op === '!!') && args.length === 1) {
    const column = cellOf(table, args[0]);
    if (column && textual(column)) return pair(column, str(op === '!' ? '' : '<>'));
    const missing = operatorOf(args[0]) === 'missing' ? argsOf(args[0], 'missing') : null;
    if (missing?.length === 1 && typeof missing[0] === 'string' && table.columns.has(missing[0]) && !textual(missing[0])) {
      return pair(missing[0], str(op === '!!' ? '' : '<>'));
    }
    return null;
  }
  if (args.length !== 2) return null;
  let [left, right] = args;
  let operator = op;
  if (cellOf(table, right) && !cellOf(table, left)) {
    [left, right] = [right, left];
    operator = FLIPPED[op] ?? op;
  }
  const column = cellOf(table, left);
  if (!column) return null;
  if (right === null && (op === '==' || op === '!=')) return textual(column) ? null : pair(column, str(op === '==' ? '' : '<>'));
  if (typeof right !== 'string' && typeof right !== 'number' && typeof right !== 'boolean') return null;
  if (operator === '==' || operator === '===') {
    if (typeof right === 'string') return right === '' || /^[<>=]/.test(right) ? null : pair(column, str(right));
    return pair(column, typeof right === 'number' ? num(right) : bool(right));
  }
  const shown = typeof right === 'boolean' ? (right ? '是' : '否') : String(right);
  if (operator === '!=' || operator === '!==') return shown === '' ? null : pair(column, str(`<>${shown}`));
  if (RELATIONAL.has(operator)) return pair(column, str(`${operator}${shown}`));
  return null;
}
