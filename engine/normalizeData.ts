// Copies submitted data into a fresh object the engine may change: only the schema's fields
// (unknown keys, __proto__ included, never get through), empty values (null, "", blanks)
// treated as absent, strings trimmed. Wrongly typed values are kept for ajv to report.
import type { FieldIndex, FieldInfo } from './schema/fieldIndex';
import type { FormData } from './types';

export type ChildMap = Map<string, FieldInfo[]>;

/** Fields by the key of their container ("" for the top level). */
export function childMap(index: FieldIndex): ChildMap {
  const children: ChildMap = new Map([['', []]]);
  for (const info of index.fields.values()) {
    const parent = info.parent ?? '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(info);
  }
  return children;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function normalizeValue(value: unknown, info: FieldInfo, children: ChildMap): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (info.kind === 'table') {
    if (!Array.isArray(value)) return value;
    return value.map((row) => (isPlainObject(row) ? normalizeObject(row, info.key, children) : row));
  }
  if (info.kind === 'object') return isPlainObject(value) ? normalizeObject(value, info.key, children) : value;
  if (Array.isArray(value)) return value.slice();
  return value;
}

export function normalizeObject(input: Record<string, unknown>, container: string, children: ChildMap): FormData {
  const out: FormData = {};
  for (const info of children.get(container) ?? []) {
    if (!Object.hasOwn(input, info.code)) continue;
    const value = normalizeValue(input[info.code], info, children);
    if (value !== undefined) out[info.code] = value;
  }
  return out;
}

export function normalizeData(input: unknown, children: ChildMap): FormData {
  return isPlainObject(input) ? normalizeObject(input, '', children) : {};
}
