// Where a var inside a rule resolves: at the root (form data, $params, $household, $row,
// $approval) or on an element while an iterator walks a list ("current."/"accumulator" in reduce).
import { argumentsOf, operatorOf } from './operators';

export type RuleScope =
  | { kind: 'root' }
  | { kind: 'element'; table: string | null; reduce: boolean };

export const ROOT: RuleScope = { kind: 'root' };

/** The literal path of a var node, or null when the path is computed. */
export function literalVarPath(node: unknown): string | null {
  const args = argumentsOf(node as object, 'var');
  const path = args[0];
  if (path === undefined || path === null) return '';
  if (typeof path === 'string') return path;
  if (typeof path === 'number') return String(path);
  return null;
}

/**
 * The table an iterator walks, when it can be told from the rule: a var naming a table at the
 * root ("members", "$household.members"), possibly filtered.
 */
export function iteratedTable(expr: unknown, scope: RuleScope): string | null {
  const op = operatorOf(expr);
  if (op === 'var' && scope.kind === 'root') return literalVarPath(expr);
  if (op === 'filter') return iteratedTable(argumentsOf(expr as object, op)[0], scope);
  return null;
}
