// A value a rule computed, as the engine stores it: a fresh copy that is plain JSON all through
// (what JSON.stringify would keep: NaN and Infinity become null in lists and are dropped as
// values, functions and undefined dropped), measured as it is copied, without recursion, and
// refused once past a size limit. Nothing the engine hands back shares objects with its input.
import { MAX_DEFINITION_DEPTH } from './limits';
import { primitiveSize } from './measureJson';

export type PlainJson = { value: unknown; size: number } | { value: undefined; size: number; tooLarge: true };

function primitive(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

/** Sets an own property, "__proto__" included (assigning that one would set the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The stored form of `value` and its size; undefined (not stored) for null, NaN, functions; tooLarge past `limit`. */
export function plainJson(value: unknown, limit: number): PlainJson {
  if (value === null || typeof value !== 'object') {
    const stored = value === null ? undefined : primitive(value) ?? undefined;
    const size = primitiveSize(stored);
    return size > limit ? { value: undefined, size, tooLarge: true } : { value: stored === null ? undefined : stored, size };
  }
  let size = 0;
  const root: { value: unknown } = { value: undefined };
  const stack: [source: unknown, assign: (v: unknown) => void, depth: number][] = [[value, (v) => { root.value = v; }, 0]];
  while (stack.length > 0) {
    const [source, assign, depth] = stack.pop()!;
    if (source === null || typeof source !== 'object' || depth >= MAX_DEFINITION_DEPTH) {
      const stored = depth >= MAX_DEFINITION_DEPTH && source !== null && typeof source === 'object' ? null : primitive(source);
      size += primitiveSize(stored);
      assign(stored);
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length).fill(null);
      size += 2 + Math.max(source.length - 1, 0);
      assign(copy);
      source.forEach((item, i) => { stack.push([item, (v) => { copy[i] = v === undefined ? null : v; }, depth + 1]); });
    } else {
      const copy: Record<string, unknown> = {};
      assign(copy);
      const keys = Object.keys(source);
      size += 2 + Math.max(keys.length - 1, 0);
      for (const key of keys) {
        size += key.length + 3;
        stack.push([(source as Record<string, unknown>)[key], (v) => { if (v !== undefined) define(copy, key, v); }, depth + 1]);
      }
    }
    if (size > limit) return { value: undefined, size, tooLarge: true };
  }
  return { value: root.value, size };
}
