// Compiles an allow-listed JSON-Logic rule into a JavaScript closure with json-logic-js's exact
// semantics (loose equality, parseFloat in + and *, empty arrays falsy, short-circuit and/or/if,
// iterator scopes), only without re-interpreting the tree on every evaluation. json-logic-js
// stays the reference: test/engine/compileRule.differential.test.ts compares the two on every
// rule of every definition. Rules reach here only after checkRuleSyntax accepted them.
import { MAX_INTERMEDIATE_SIZE } from '../budget/limits';
import { lookupTable, ownValue } from '../ownValue';
import { domainOperations } from './domainOperations';
import { argumentsOf, ITERATORS, operatorOf } from './operators';
import { ruleLimit } from './ruleLimit';
import { truthy } from './truthy';

/** What a rule sees at its root: the form data and the context it is evaluated in. */
export interface RootScope {
  data: Record<string, unknown>;
  params: Record<string, unknown> | undefined;
  household: unknown;
  row: Record<string, unknown> | undefined;
  approval: Record<string, unknown> | undefined;
  /** While a table's rows are checked: values that are the same for every row, computed once. */
  memo?: Map<object, unknown>;
  /** What computed values may still take of MAX_COMPUTED_SIZE, and where a value did not fit. */
  budget?: { left: number; exceeded: string[] };
}

// biome-ignore lint/suspicious/noExplicitAny: a scope is the RootScope at the root and any JSON value inside map/filter/reduce; closures typed for either must be assignable.
export type CompiledRule = (scope: any) => unknown;

/** Wraps the closure of an operation compiled at the root (see memoizeRowInvariant). */
export type WrapOperation = (node: unknown, compiled: CompiledRule) => CompiledRule;

let currentWrap: WrapOperation | null = null;

export class RuleCompileError extends Error {}

/** A value a rule builds passed MAX_INTERMEDIATE_SIZE: the rule stops (evaluation reports the budget). */
export class RuleBudgetError extends Error {}

function bounded<T extends string | unknown[]>(value: T): T {
  if (value.length > MAX_INTERMEDIATE_SIZE) throw new RuleBudgetError(`规则的中间结果超过 ${MAX_INTERMEDIATE_SIZE / 1024 / 1024} MB`);
  return value;
}

export function compileRule(rule: unknown, atRoot = true, wrap?: WrapOperation): CompiledRule {
  const tooBig = ruleLimit(rule);
  if (tooBig) throw new RuleCompileError(tooBig);
  const previous = currentWrap;
  currentWrap = wrap ?? null;
  try {
    return compile(rule, atRoot);
  } finally {
    currentWrap = previous;
  }
}

function compile(node: unknown, atRoot: boolean): CompiledRule {
  const compiled = compileNode(node, atRoot);
  return currentWrap && atRoot && operatorOf(node) !== null ? currentWrap(node, compiled) : compiled;
}

function compileNode(node: unknown, atRoot: boolean): CompiledRule {
  if (Array.isArray(node)) {
    const items = node.map((item) => compile(item, atRoot));
    return (s) => items.map((item) => item(s));
  }
  const op = operatorOf(node);
  if (op === null) return () => node;
  const args = argumentsOf(node as object, op);
  if (op === 'var') return compileVar(args, atRoot);
  if (op === 'if' || op === '?:') return compileIf(args, atRoot);
  if (op === 'and' || op === 'or') return compileAndOr(op, args, atRoot);
  if (ITERATORS.has(op)) return compileIterator(op, args, atRoot);
  const compiled = args.map((arg) => compile(arg, atRoot));
  if (op === 'missing') return compileMissing(compiled, atRoot);
  if (op === 'missing_some') return compileMissingSome(compiled, atRoot);
  const fn = OPERATIONS[op] ?? domainOperations[op];
  if (!fn) throw new RuleCompileError(`不允许的运算 "${op}"`);
  switch (compiled.length) {
    case 1: {
      const [a] = compiled as [CompiledRule];
      return (s) => fn(a(s));
    }
    case 2: {
      const [a, b] = compiled as [CompiledRule, CompiledRule];
      return (s) => fn(a(s), b(s));
    }
    default:
      return (s) => fn(...compiled.map((c) => c(s)));
  }
}

const ROOT_BASES: ReadonlyMap<string, keyof RootScope> = new Map([
  ['$params', 'params'], ['$household', 'household'], ['$row', 'row'], ['$approval', 'approval'],
] as const);

/**
 * A function reading a literal dotted path from a scope, json-logic-js's var walk, only through
 * own properties: a path never reaches an inherited member ("x.toString" of a text is undefined).
 */
// biome-ignore lint/suspicious/noExplicitAny: reads a RootScope at the root, any JSON value elsewhere (as CompiledRule).
export function pathReader(path: string, atRoot: boolean): (s: any) => unknown {
  if (path === '') return atRoot ? (s: RootScope) => s.data : (s) => s;
  const segments = path.split('.');
  const first = segments[0]!;
  const base = atRoot ? ROOT_BASES.get(first) : undefined;
  const rest = base !== undefined || !atRoot ? segments.slice(base !== undefined ? 1 : 0) : segments;
  // biome-ignore lint/suspicious/noExplicitAny: as pathReader, a RootScope or any JSON value.
  const start: (s: any) => unknown = base !== undefined ? (s: RootScope) => s[base] : atRoot ? (s: RootScope) => s.data : (s) => s;
  if (rest.length === 1) {
    // The common reads ("A28", "$row.A7", an element's "A17"), without a second closure call.
    const key = rest[0]!;
    if (base !== undefined) {
      return (s: RootScope) => {
        return ownValue(s[base], key);
      };
    }
    if (atRoot) {
      return (s: RootScope) => {
        return ownValue(s.data, key);
      };
    }
    return (s) => ownValue(s, key);
  }
  return (s) => {
    let cur = start(s);
    for (const key of rest) {
      cur = ownValue(cur, key);
      if (cur === undefined) return undefined;
    }
    return cur;
  };
}

function compileVar(args: unknown[], atRoot: boolean): CompiledRule {
  const path = args[0];
  if (path !== undefined && path !== null && typeof path !== 'string' && typeof path !== 'number') {
    throw new RuleCompileError('var 的路径必须是文字');
  }
  const read = pathReader(path === undefined || path === null ? '' : String(path), atRoot);
  if (args.length < 2) {
    return (s) => {
      const value = read(s);
      return value === undefined ? null : value;
    };
  }
  const fallback = compile(args[1], atRoot);
  return (s) => {
    const value = read(s);
    if (value !== undefined) return value;
    const b = fallback(s);
    return b === undefined ? null : b;
  };
}

function compileIf(args: unknown[], atRoot: boolean): CompiledRule {
  const compiled = args.map((arg) => compile(arg, atRoot));
  return (s) => {
    let i = 0;
    for (; i < compiled.length - 1; i += 2) {
      if (truthy(compiled[i]!(s))) return compiled[i + 1]!(s);
    }
    if (compiled.length === i + 1) return compiled[i]!(s);
    return null;
  };
}

function compileAndOr(op: 'and' | 'or', args: unknown[], atRoot: boolean): CompiledRule {
  const compiled = args.map((arg) => compile(arg, atRoot));
  const stopWhen = op === 'or';
  return (s) => {
    let current: unknown;
    for (const c of compiled) {
      current = c(s);
      if (truthy(current) === stopWhen) return current;
    }
    return current;
  };
}

function compileIterator(op: string, args: unknown[], atRoot: boolean): CompiledRule {
  const list = compile(args[0], atRoot);
  const body = compile(args[1], false);
  switch (op) {
    case 'filter':
      return (s) => {
        const items = list(s);
        return Array.isArray(items) ? items.filter((item) => truthy(body(item))) : [];
      };
    case 'map':
      return (s) => {
        const items = list(s);
        return Array.isArray(items) ? items.map((item) => body(item)) : [];
      };
    case 'all':
      return (s) => {
        const items = list(s);
        if (!Array.isArray(items) || items.length === 0) return false;
        for (const item of items) if (!truthy(body(item))) return false;
        return true;
      };
    case 'none':
      return (s) => {
        const items = list(s);
        if (!Array.isArray(items) || items.length === 0) return true;
        for (const item of items) if (truthy(body(item))) return false;
        return true;
      };
    case 'some':
      return (s) => {
        const items = list(s);
        if (!Array.isArray(items) || items.length === 0) return false;
        for (const item of items) if (truthy(body(item))) return true;
        return false;
      };
    default: {
      const initial = args.length > 2 && args[2] !== undefined ? compile(args[2], atRoot) : () => null;
      return (s) => {
        const items = list(s);
        const start = initial(s);
        if (!Array.isArray(items)) return start;
        let accumulator = start;
        for (const current of items) accumulator = body({ current, accumulator });
        return accumulator;
      };
    }
  }
}

function compileMissing(compiled: CompiledRule[], atRoot: boolean): CompiledRule {
  return (s) => {
    const values = compiled.map((c) => c(s));
    const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    const missing: unknown[] = [];
    for (const key of keys) {
      const value = readKey(key, s, atRoot);
      if (value === null || value === '') missing.push(key);
    }
    return missing;
  };
}

function compileMissingSome(compiled: CompiledRule[], atRoot: boolean): CompiledRule {
  return (s) => {
    const need = compiled[0] ? compiled[0](s) : undefined;
    const options = compiled[1] ? compiled[1](s) : undefined;
    const keys = Array.isArray(options) ? options : [options];
    const missing: unknown[] = [];
    for (const key of keys) {
      const value = readKey(key, s, atRoot);
      if (value === null || value === '') missing.push(key);
    }
    const present = (options as { length: number }).length - missing.length;
    return present >= (need as number) ? [] : missing;
  };
}

function readKey(key: unknown, s: unknown, atRoot: boolean): unknown {
  if (key === undefined || key === null || key === '') return s === undefined ? null : atRoot ? (s as RootScope).data : s;
  const value = pathReader(String(key), atRoot)(s);
  return value === undefined ? null : value;
}

/** Standard operations taking evaluated arguments, as json-logic-js defines them. */
// biome-ignore lint/suspicious/noExplicitAny: JSON-Logic applies JavaScript's own operators (==, <, +) to whatever JSON it is given; `any` is that semantics.
const OPERATIONS: Readonly<Record<string, (...args: any[]) => unknown>> = lookupTable<(...args: any[]) => unknown>({
  // biome-ignore lint/suspicious/noDoubleEquals: JSON-Logic's == is JavaScript's loose equality (json-logic-js, tests.json).
  '==': (a, b) => a == b,
  '===': (a, b) => a === b,
  // biome-ignore lint/suspicious/noDoubleEquals: JSON-Logic's != is JavaScript's loose inequality (json-logic-js, tests.json).
  '!=': (a, b) => a != b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b, c) => (c === undefined ? a < b : a < b && b < c),
  '<=': (a, b, c) => (c === undefined ? a <= b : a <= b && b <= c),
  '!!': (a) => truthy(a),
  '!': (a) => !truthy(a),
  '%': (a, b) => a % b,
  in: (a, b) => {
    if (!b || typeof b.indexOf === 'undefined') return false;
    return b.indexOf(a) !== -1;
  },
  cat: (...args) => bounded(args.join('')),
  substr: (source, start, end) => {
    if (end < 0) {
      const temp = String(source).substr(start);
      return temp.substr(0, temp.length + end);
    }
    return String(source).substr(start, end);
  },
  '+': (...args) => args.reduce((a: unknown, b: unknown) => parseFloat(a as string) + parseFloat(b as string), 0),
  '*': (...args) => args.reduce((a: unknown, b: unknown) => parseFloat(a as string) * parseFloat(b as string)),
  '-': (a, b) => (b === undefined ? -a : a - b),
  '/': (a, b) => a / b,
  min: (...args) => Math.min(...args),
  max: (...args) => Math.max(...args),
  merge: (...args) => bounded(args.reduce((a: unknown[], b: unknown) => a.concat(b), [])),
});
