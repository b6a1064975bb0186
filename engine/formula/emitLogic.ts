// The JSON-Logic a formula becomes, one shape per construct, using only allow-listed operations
// with json-logic-js's semantics: "+" and "*" parse their operands with parseFloat, so a form
// field read as a number is {"var": ["A28", 0]} (an empty amount counts as 0, as in Excel and in
// the seed forms); elsewhere a field is read plainly, so emptiness stays visible to comparisons
// and ISBLANK. Text functions read their argument through {"cat": [x]}, which turns an empty value
// into "" (String(null) would be "null").
import type { ValueInfo } from './valueInfo';

/** A unary operation, written as the seeds write it ({"!": x}) unless x is itself a list. */
export function unary(op: string, arg: unknown): unknown {
  return { [op]: Array.isArray(arg) ? [arg] : arg };
}

export function varOf(path: string, fallback?: unknown): unknown {
  return fallback === undefined ? { var: path } : { var: [path, fallback] };
}

/** n-ary + * and & (cat): nested left operands of the same operation are merged into one list. */
export function nary(op: '+' | '*' | 'cat', args: unknown[]): unknown {
  const flat: unknown[] = [];
  for (const arg of args) {
    const inner = arg !== null && typeof arg === 'object' && !Array.isArray(arg) && Object.keys(arg).length === 1 ? (arg as Record<string, unknown>)[op] : undefined;
    if (Array.isArray(inner) && flat.length === 0) flat.push(...inner);
    else flat.push(arg);
  }
  return { [op]: flat };
}

/** A value as text, an empty one as "" ({"cat": [x]}); text literals stay as they are. */
export function asText(logic: unknown): unknown {
  return typeof logic === 'string' ? logic : { cat: [logic] };
}

/**
 * Whether a value is blank (negated: filled). Text, dates and lists are blank when falsy (no
 * value, "", no option chosen); numbers and yes/no are blank only when missing, since 0 and 否
 * are answers. `path` is given when the value is a plain var, so `missing` can name it.
 */
export function blankTest(logic: unknown, info: ValueInfo, path: string | null, negated: boolean): unknown {
  if (info.type === 'string' || info.type === 'date' || info.type === 'list') return unary(negated ? '!!' : '!', logic);
  if (path !== null) return negated ? unary('!', { missing: [path] }) : unary('!!', { missing: [path] });
  return { [negated ? '!=' : '==']: [logic, null] };
}

export type LengthComparison = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** LEN(x) compared with a whole number, written with substr (the rule language has no length). */
export function lengthTest(text: unknown, op: LengthComparison, n: number): unknown {
  const tail = (from: number) => ({ substr: [text, from] });
  const empty = (from: number) => ({ '==': [tail(from), ''] });
  const filled = (from: number) => ({ '!=': [tail(from), ''] });
  switch (op) {
    case '>': return filled(n);
    case '<=': return empty(n);
    case '>=': return n === 0 ? true : filled(n - 1);
    case '<': return n === 0 ? false : empty(n - 1);
    case '=': return n === 0 ? empty(0) : { and: [filled(n - 1), empty(n)] };
    case '<>': return n === 0 ? filled(0) : { or: [empty(n - 1), filled(n)] };
  }
}

export function flipComparison<T extends string>(op: T): T {
  const flipped: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
  return (flipped[op] ?? op) as T;
}

/** IF(c, a, IF(d, b, e)) as one {"if": [c, a, d, b, e]}. */
export function ifChain(condition: unknown, then: unknown, otherwise: unknown): unknown {
  const inner = otherwise !== null && typeof otherwise === 'object' && !Array.isArray(otherwise) && Object.keys(otherwise).length === 1
    ? (otherwise as Record<string, unknown>).if : undefined;
  if (Array.isArray(inner) && inner.length % 2 === 1) return { if: [condition, then, ...inner] };
  return { if: [condition, then, otherwise] };
}
