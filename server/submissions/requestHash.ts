// The fingerprint of a creating request: the same submission id with the same body is a retry
// (answered as the first time), with another body a conflict. Keys are sorted at every depth so
// the order in which a client writes its JSON does not matter. The canonical text is written by
// JSON.stringify over copies of the objects with their keys inserted in sorted order, at native
// speed; an object with a key that looks like an array index (which JavaScript always lists
// first, in numeric order) is written by hand instead, so the text is the same either way.
import { createHash } from 'node:crypto';

const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

function written(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : written(item))).join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${written(item)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Where a key-sorted copy cannot keep its order (an index-like key): write that body by hand. */
const UNSORTABLE = Symbol('unsortable');

/** The value with every object's keys inserted in sorted order, or UNSORTABLE. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i]);
      if (item === UNSORTABLE) return UNSORTABLE;
      items[i] = item;
    }
    return items;
  }
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const code = key.charCodeAt(0);
    if (code >= 48 && code <= 57 && INDEX_LIKE.test(key)) return UNSORTABLE;
    const item = sortedCopy((value as Record<string, unknown>)[key]);
    if (item === UNSORTABLE) return UNSORTABLE;
    copy[key] = item;
  }
  return copy;
}

export function canonicalJson(body: unknown): string {
  const copy = sortedCopy(body);
  return copy === UNSORTABLE ? written(body) : (JSON.stringify(copy) ?? 'null');
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
