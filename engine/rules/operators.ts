// The allow-list of the rule language: standard JSON-Logic operations that only compute on
// values, plus the domain operations. Nothing here can reach code: json-logic-js's `method`
// and `log` are absent on purpose, and the checker refuses every name not listed.
import { RESERVED_NAMES } from '../ownValue';
import { domainOperations } from './domainOperations';

/** Operations whose second argument is evaluated once per element of the first. */
export const ITERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

export const STANDARD_OPERATIONS: ReadonlySet<string> = new Set([
  'var', 'missing', 'missing_some',
  'if', '?:', 'and', 'or', '!', '!!',
  '==', '===', '!=', '!==', '>', '>=', '<', '<=',
  '+', '-', '*', '/', '%', 'min', 'max',
  'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in',
  'cat', 'substr',
]);

export const ALLOWED_OPERATIONS: ReadonlySet<string> = new Set([
  ...STANDARD_OPERATIONS,
  ...Object.keys(domainOperations),
]);

/** Path segments a var may never name: they lead to prototypes and inherited functions, not data. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = RESERVED_NAMES;

/** Caps on one rule: nesting depth and number of nodes. */
export const MAX_RULE_DEPTH = 32;
export const MAX_RULE_NODES = 2000;

/** The operator of a JSON-Logic node, or null when the value is data (json-logic-js's is_logic). */
export function operatorOf(node: unknown): string | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0]! : null;
}

/** The arguments of an operation node, unary sugar expanded ({"var": "x"} -> ["x"]). */
export function argumentsOf(node: object, op: string): unknown[] {
  const values = (node as Record<string, unknown>)[op];
  return Array.isArray(values) ? values : [values];
}
