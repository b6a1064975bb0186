// Measures a JSON-like value without recursion: nesting depth, number of values and the length of
// its JSON text, stopping at the first limit passed (so a value shared a million times over, or
// nested a million deep, costs no more than the limit). Where a limit is passed, says which and
// where (a JSON Pointer), for a precise issue or problem.

export interface JsonLimits {
  depth: number;
  nodes: number;
  size: number;
}

export type Measure =
  | { ok: true; depth: number; nodes: number; size: number }
  | { ok: false; exceeded: 'depth' | 'nodes' | 'size'; pointer: string };

interface Entry {
  value: unknown;
  depth: number;
  key: string;
  parent: Entry | null;
}

function pointerOf(entry: Entry): string {
  const keys: string[] = [];
  for (let e: Entry | null = entry; e?.parent; e = e.parent) keys.push(e.key.replace(/~/g, '~0').replace(/\//g, '~1'));
  return keys.length === 0 ? '' : `/${keys.reverse().join('/')}`;
}

/** The length of a primitive's JSON text (strings without counting escapes); 0 for what JSON drops. */
export function primitiveSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return value === null ? 4 : 0;
    default:
      return 0;
  }
}

export function measureJson(value: unknown, limits: JsonLimits): Measure {
  let nodes = 0;
  let size = 0;
  let deepest = 0;
  const stack: Entry[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    nodes += 1;
    if (nodes > limits.nodes) return { ok: false, exceeded: 'nodes', pointer: pointerOf(entry) };
    const v = entry.value;
    if (v === null || typeof v !== 'object') {
      size += primitiveSize(v);
    } else {
      const depth = entry.depth + 1;
      if (depth > limits.depth) return { ok: false, exceeded: 'depth', pointer: pointerOf(entry) };
      if (depth > deepest) deepest = depth;
      const count = Array.isArray(v) ? v.length : Object.keys(v).length;
      if (nodes + stack.length + count > limits.nodes) return { ok: false, exceeded: 'nodes', pointer: pointerOf(entry) };
      if (Array.isArray(v)) {
        size += 2 + Math.max(v.length - 1, 0);
        for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, key: String(i), parent: entry });
      } else {
        const keys = Object.keys(v);
        size += 2 + Math.max(keys.length - 1, 0);
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i]!;
          size += key.length + 3;
          stack.push({ value: (v as Record<string, unknown>)[key], depth, key, parent: entry });
        }
      }
    }
    if (size > limits.size) return { ok: false, exceeded: 'size', pointer: pointerOf(entry) };
  }
  return { ok: true, depth: deepest, nodes, size };
}
