// A static interval analysis of JSON-Logic: the smallest and largest number a rule can produce,
// from the bounds of what it reads (a field's schema minimum/maximum, a typed money field's
// DEFAULT_MONEY_MAXIMUM, a table's maxItems, other computed fields' own ranges). Sound, not
// exact: where it cannot tell (a campaign parameter, a division whose divisor may be 0, map or
// reduce), the range is unbounded on that side. The checker uses it to prove a computed field's
// formula stays inside the bounds its schema sets (checkComputedBounds).
import { argumentsOf, operatorOf } from './operators';

export interface Range {
  lo: number;
  hi: number;
}

export const ANY: Range = { lo: -Infinity, hi: Infinity };
const BOOLEAN: Range = { lo: 0, hi: 1 };
const point = (n: number): Range => ({ lo: n, hi: n });

/** What the analysis needs to know of the form: the range of a var's path, a table's row cap. */
export interface RangeScope {
  /** The range of the value at a var path ("A28", "$params.incomeLine"); ANY when unknown. */
  varRange(path: string): Range;
  /** At most how many rows the list a var names can have (Infinity when unknown). */
  rowsOf(path: string): number;
  /** The range of a column of a table ("members", "A16"). */
  columnRange(table: string, column: string): Range;
}

function union(a: Range | null, b: Range | null): Range | null {
  if (!a) return b;
  if (!b) return a;
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** a·b where an infinite bound times 0 counts 0 (a limit, never reached by a finite value). */
function times(a: number, b: number): number {
  const p = a * b;
  return Number.isNaN(p) || p === 0 ? 0 : p;
}

function multiply(a: Range, b: Range): Range {
  const corners = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return { lo: Math.min(...corners), hi: Math.max(...corners) };
}

function divide(a: Range, b: Range): Range {
  if (b.lo <= 0 && b.hi >= 0) return ANY;
  return multiply(a, { lo: 1 / b.hi, hi: 1 / b.lo });
}

function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + scaled * Number.EPSILON) / factor;
  return value < 0 ? -rounded : rounded;
}

const literalPath = (node: unknown): string | null => {
  if (operatorOf(node) !== 'var') return null;
  const path = argumentsOf(node as object, 'var')[0];
  return typeof path === 'string' ? path : typeof path === 'number' ? String(path) : null;
};

/** The range of the numbers `rule` can produce; null when it produces no number (null, text). */
export function valueRange(rule: unknown, scope: RangeScope): Range | null {
  if (typeof rule === 'number') return point(rule);
  if (typeof rule === 'boolean') return point(rule ? 1 : 0);
  if (rule === null || typeof rule === 'string') return null;
  if (Array.isArray(rule)) return ANY;
  const op = operatorOf(rule);
  if (op === null) return ANY;
  const args = argumentsOf(rule as object, op);
  const sub = (node: unknown): Range => valueRange(node, scope) ?? point(0);
  switch (op) {
    case 'var': {
      const path = literalPath(rule);
      const read = path === null ? ANY : scope.varRange(path);
      return args.length > 1 ? union(read, valueRange(args[1], scope)) : read;
    }
    case 'if':
    case '?:': {
      // Every branch may be taken: the conditions are not followed.
      let out: Range | null = null;
      for (let i = 1; i < args.length; i += 2) out = union(out, valueRange(args[i], scope));
      if (args.length % 2 === 1) out = union(out, valueRange(args[args.length - 1], scope));
      return out;
    }
    case '+':
      return args.reduce<Range>((acc, a) => ({ lo: acc.lo + sub(a).lo, hi: acc.hi + sub(a).hi }), point(0));
    case '-': {
      if (args.length === 1) { const a = sub(args[0]); return { lo: -a.hi, hi: -a.lo }; }
      const a = sub(args[0]); const b = sub(args[1]);
      return { lo: a.lo - b.hi, hi: a.hi - b.lo };
    }
    case '*':
      return args.reduce<Range>((acc, a) => multiply(acc, sub(a)), point(1));
    case '/':
      return divide(sub(args[0]), sub(args[1]));
    case '%': {
      const a = sub(args[0]); const b = sub(args[1]);
      const m = Math.max(Math.abs(b.lo), Math.abs(b.hi));
      return { lo: a.lo >= 0 ? 0 : Math.max(-m, a.lo), hi: a.hi <= 0 ? 0 : Math.min(m, a.hi) };
    }
    case 'min':
    case 'max': {
      if (args.length === 0) return null;
      const ranges = args.map(sub);
      const pick = op === 'min' ? Math.min : Math.max;
      return { lo: pick(...ranges.map((r) => r.lo)), hi: pick(...ranges.map((r) => r.hi)) };
    }
    case 'round': {
      const a = sub(args[0]);
      const d = typeof args[1] === 'number' && Number.isInteger(args[1]) ? Math.min(Math.max(args[1], 0), 6) : 0;
      return { lo: roundTo(a.lo, d), hi: roundTo(a.hi, d) };
    }
    case 'count': {
      const path = literalPath(args[0]);
      return { lo: 0, hi: path === null ? Infinity : scope.rowsOf(path) };
    }
    case 'sum': {
      const path = literalPath(args[0]);
      if (path === null || typeof args[1] !== 'string') return ANY;
      const column = scope.columnRange(path, args[1]);
      const rows = scope.rowsOf(path);
      return { lo: Math.min(0, times(column.lo, rows)), hi: Math.max(0, times(column.hi, rows)) };
    }
    case 'monthsBetween': case 'daysBetween': case 'ageAt':
      return ANY;
    case '==': case '===': case '!=': case '!==': case '>': case '>=': case '<': case '<=':
    case '!': case '!!': case 'in': case 'all': case 'some': case 'none':
      return BOOLEAN;
    default:
      // and/or give one of their operands, map/reduce/filter/merge lists, cat/substr texts.
      return ANY;
  }
}
