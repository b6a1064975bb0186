// The fingerprint of a creating request: the same submission id with the same body is a retry
// (answered as the first time), with another body a conflict. Keys are sorted at every depth so
// the order in which a client writes its JSON does not matter. The canonical text is written by
// JSON.stringify over copies of the objects with their keys inserted in sorted order, at native
// speed; an object with a key that looks like an array index (which JavaScript always lists
// first, in numeric order), or a value nested deeper than FAST_DEPTH, is written by hand instead,
// without recursion, so the text is the same either way and no depth can overflow the stack.
import { createHash } from 'node:crypto';

const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;
/** How deep the recursive copy and JSON.stringify may go: well within any stack. */
const FAST_DEPTH = 100;

/** The canonical text, written with an explicit stack of what is left to write. */
function written(body: unknown): string {
  const out: string[] = [];
  // Each entry is text to emit as it is, or {value} to write.
  const todo: (string | { value: unknown })[] = [{ value: body }];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    const value = next.value;
    if (value === null || typeof value !== 'object') {
      out.push(JSON.stringify(value) ?? 'null');
    } else if (Array.isArray(value)) {
      todo.push(']');
      for (let i = value.length - 1; i >= 0; i--) {
        todo.push({ value: value[i] === undefined ? null : value[i] });
        if (i > 0) todo.push(',');
      }
      out.push('[');
    } else {
      const keys = Object.keys(value).sort().filter((key) => (value as Record<string, unknown>)[key] !== undefined);
      todo.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        todo.push({ value: (value as Record<string, unknown>)[keys[i]!] });
        todo.push(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
      }
      out.push('{');
    }
  }
  return out.join('');
}

/** Where a key-sorted copy cannot keep its order (an index-like key) or is too deep: write that body by hand. */
const UNSORTABLE = Symbol('unsortable');

/** The value with every object's keys inserted in sorted order, or UNSORTABLE. */
function sortedCopy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= FAST_DEPTH) return UNSORTABLE;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i], depth + 1);
      if (item === UNSORTABLE) return UNSORTABLE;
      items[i] = item;
    }
    return items;
  }
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const code = key.charCodeAt(0);
    if (code >= 48 && code <= 57 && INDEX_LIKE.test(key)) return UNSORTABLE;
    const item = sortedCopy((value as Record<string, unknown>)[key], depth + 1);
    if (item === UNSORTABLE) return UNSORTABLE;
    copy[key] = item;
  }
  return copy;
}

export function canonicalJson(body: unknown): string {
  const copy = sortedCopy(body, 0);
  return copy === UNSORTABLE ? written(body) : (JSON.stringify(copy) ?? 'null');
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
