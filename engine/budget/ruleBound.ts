// A static upper bound of the size (JSON characters) of what a rule can produce, from bounds of
// what it reads: the checker refuses rule chains whose values could pass the evaluation budget
// (18 chained merges turned 156 bytes into 2.6 MB). Each operation's growth is accounted for:
// cat and merge add their arguments, substr keeps at most its text, map multiplies the rows by
// what its body makes of one row, reduce is followed step by step. The bound holds for data the
// form accepts (values within their schema); evaluation enforces the budget on any data.
//
// A value's bound is its size, and, should it be a list, how many items and how large each. The
// body of map over a list of total size T, n items, each at most E: what the body makes of an item
// grows at most convexly with the item's size e (sums, maxima and products of such), so over all
// items it is at most n·f(0) + (f(E) − f(0))·T/E: reading a column of every row is bounded by the
// table itself, not by rows × the largest row.
import { argumentsOf, ITERATORS, operatorOf } from '../rules/operators';
import { primitiveSize } from './measureJson';

export interface SizeBound {
  /** JSON characters of the value. */
  size: number;
  /** Items, should it be a list; 0: never a list nor an object (a text, a number, true/false, null). */
  count: number;
  /** JSON characters of each item. */
  item: number;
}

export const NUMBER_BOUND: SizeBound = { size: 24, count: 0, item: 0 };
export const BOOLEAN_BOUND: SizeBound = { size: 5, count: 0, item: 0 };
const NOTHING: SizeBound = { size: 4, count: 0, item: 0 };
/** What String() of an object gives: "[object Object]". */
const OBJECT_TEXT = 15;

export function scalarBound(size: number): SizeBound {
  return { size, count: 0, item: 0 };
}

/** A value known only by its size: a list of at most size/2 items of at most that size. */
export function anyBound(size: number): SizeBound {
  return { size, count: Math.ceil(size / 2), item: size };
}

/** A list of at most `count` items of at most `item` each, no larger than `cap`. */
export function listBound(count: number, item: SizeBound, cap = Infinity): SizeBound {
  return { size: Math.min(cap, 2 + count * (item.size + 1)), count, item: item.size };
}

function either(...bounds: SizeBound[]): SizeBound {
  const out = { size: 0, count: 0, item: 0 };
  for (const b of bounds) {
    out.size = Math.max(out.size, b.size);
    out.count = Math.max(out.count, b.count);
    out.item = Math.max(out.item, b.item);
  }
  return out;
}

/** Length of String(value) at most: the text, the list joined, a number's digits, "[object Object]" (only lists and objects have a count). */
function textSize(b: SizeBound): number {
  return b.count > 0 ? Math.max(b.size, OBJECT_TEXT) : b.size;
}

const NUMBER_OPERATIONS = new Set(['+', '-', '*', '/', '%', 'min', 'max', 'sum', 'count', 'round', 'monthsBetween', 'ageAt', 'daysBetween']);
const BOOLEAN_OPERATIONS = new Set(['!', '!!', '==', '===', '!=', '!==', '>', '>=', '<', '<=', 'in', 'all', 'none', 'some']);

/** Where a rule's vars resolve: the root (fields, context) or an element of a list being walked. */
export interface BoundScope {
  /** The bound of a value read at the root by its dotted path. */
  root(path: string): SizeBound;
  /** In map/filter/...: the element; in reduce: current and accumulator. */
  element?: SizeBound;
  accumulator?: SizeBound;
}

interface State {
  peak: number;
  /** Nodes bounded so far: nested iterators are bounded once per step, so this is capped. */
  work: number;
}

/** Nodes the bound of one rule may visit; a rule needing more (reduce in reduce in reduce…) is unbounded. */
const MAX_WORK = 100_000;

class TooComplex extends Error {}

export interface RuleBound {
  value: SizeBound;
  /** The largest bound of any value met on the way (intermediate values included). */
  peak: number;
}

/** The bound of what `rule` evaluates to in `scope`. The rule has passed checkRuleSyntax (depth-bounded). */
export function ruleBound(rule: unknown, scope: BoundScope): RuleBound {
  const state: State = { peak: 0, work: 0 };
  try {
    const value = bound(rule, scope, state);
    return { value, peak: Math.max(state.peak, value.size) };
  } catch (e) {
    if (e instanceof TooComplex) return { value: anyBound(Infinity), peak: Infinity };
    throw e;
  }
}

function bound(node: unknown, scope: BoundScope, state: State): SizeBound {
  state.work += 1;
  if (state.work > MAX_WORK) throw new TooComplex();
  let result = boundOf(node, scope, state);
  // Infinity times nothing (an unbounded list of empty items) is NaN: unbounded, never "fits".
  if (Number.isNaN(result.size) || Number.isNaN(result.count) || Number.isNaN(result.item)) result = anyBound(Infinity);
  if (result.size > state.peak) state.peak = result.size;
  return result;
}

function literal(node: unknown): SizeBound {
  if (node === null || typeof node !== 'object') return scalarBound(primitiveSize(node));
  const size = JSON.stringify(node).length;
  return { size, count: Array.isArray(node) ? node.length : 1, item: size };
}

function readVar(path: string, scope: BoundScope): SizeBound {
  if (scope.element === undefined) return scope.root(path);
  if (scope.accumulator !== undefined) {
    if (path === 'accumulator') return scope.accumulator;
    if (path.startsWith('accumulator.')) return anyBound(scope.accumulator.size);
    if (path === 'current') return scope.element;
    if (path.startsWith('current.')) return anyBound(scope.element.size);
    return NOTHING;
  }
  return path === '' ? scope.element : anyBound(scope.element.size);
}

function boundOf(node: unknown, scope: BoundScope, state: State): SizeBound {
  if (Array.isArray(node)) {
    const items = node.map((item) => bound(item, scope, state));
    return { size: 2 + items.reduce((sum, b) => sum + b.size + 1, 0), count: items.length, item: either(...items).size };
  }
  const op = operatorOf(node);
  if (op === null) return literal(node);
  const args = argumentsOf(node as object, op);
  if (op === 'var') {
    const path = args[0] === undefined || args[0] === null ? '' : String(args[0]);
    const read = readVar(path, scope);
    return args.length > 1 ? either(read, bound(args[1], scope, state)) : read;
  }
  if (ITERATORS.has(op)) return iteratorBound(op, args, scope, state);
  const parts = args.map((arg) => bound(arg, scope, state));
  if (NUMBER_OPERATIONS.has(op)) return NUMBER_BOUND;
  if (BOOLEAN_OPERATIONS.has(op)) return BOOLEAN_BOUND;
  switch (op) {
    case 'if':
    case '?:': {
      const branches = parts.filter((_, i) => i % 2 === 1 || i === parts.length - 1);
      return branches.length > 0 ? either(...branches, NOTHING) : NOTHING;
    }
    case 'and':
    case 'or':
      return parts.length > 0 ? either(...parts) : NOTHING;
    case 'cat':
      return scalarBound(2 + parts.reduce((sum, b) => sum + textSize(b), 0));
    case 'substr':
      return scalarBound(2 + textSize(parts[0] ?? NOTHING));
    case 'merge': {
      const size = 2 + parts.reduce((sum, b) => sum + b.size + 1, 0);
      const count = parts.reduce((sum, b) => sum + Math.max(b.count, 1), 0);
      return { size, count, item: Math.max(0, ...parts.map((b) => b.size)) };
    }
    case 'missing':
    case 'missing_some':
      return anyBound(2 + parts.reduce((sum, b) => sum + b.size + 1, 0));
    case 'duplicates':
      return parts[0] ? { ...parts[0] } : NOTHING;
    case 'idGender':
      return scalarBound(5);
    case 'idBirthDate':
      // "1949-12-31" with its quotes.
      return scalarBound(12);
    default:
      // An operation this bound does not know: nothing can be said, the checker refuses it.
      return anyBound(Infinity);
  }
}

function iteratorBound(op: string, args: unknown[], scope: BoundScope, state: State): SizeBound {
  const list = bound(args[0], scope, state);
  const n = list.count;
  const item = anyBound(list.item);
  if (op === 'reduce') return reduceBound(args, list, scope, state);
  const whole = bound(args[1], { root: scope.root, element: item }, state);
  if (op !== 'map') return op === 'filter' ? list : BOOLEAN_BOUND;
  const empty = bound(args[1], { root: scope.root, element: anyBound(0) }, state);
  const perGrowth = list.item > 0 ? ((whole.size - empty.size) * list.size) / list.item : 0;
  const total = Math.min(n * whole.size, n * empty.size + Math.max(perGrowth, 0));
  const size = Number.isNaN(total) ? Infinity : 2 + n + total;
  if (size > state.peak) state.peak = size;
  return { size, count: n, item: whole.size };
}

/** Steps followed one by one before the growth per step is taken as constant. */
const REDUCE_STEPS = 64;

function reduceBound(args: unknown[], list: SizeBound, scope: BoundScope, state: State): SizeBound {
  let accumulator = args.length > 2 && args[2] !== undefined ? bound(args[2], scope, state) : NOTHING;
  const current = anyBound(list.item);
  let previousGrowth = -1;
  for (let step = 0; step < list.count; step++) {
    const next = either(accumulator, bound(args[1], { root: scope.root, element: current, accumulator }, state));
    const growth = next.size - accumulator.size;
    const settled = growth === 0 && next.count === accumulator.count && next.item === accumulator.item;
    accumulator = next;
    if (settled || !Number.isFinite(next.size)) return accumulator;
    if (step >= REDUCE_STEPS) {
      // Past the steps followed: a constant growth continues for the steps left, anything faster is unbounded.
      const left = list.count - step - 1;
      const grown = growth <= 0 ? accumulator.size : growth <= previousGrowth ? accumulator.size + left * growth : Infinity;
      return { size: grown, count: Number.isFinite(grown) ? Math.ceil(grown / 2) : Infinity, item: grown };
    }
    previousGrowth = growth;
  }
  return accumulator;
}
