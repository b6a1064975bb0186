// What changed between two versions of a submission's data, field by field (table cells by row),
// for the history reviewers read: "A28 工资性收入（元）: 12000 → 15000".
import { labelOf, type FieldIndex, type FieldInfo, type FormData } from '@engine';

export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

const LIMIT = 100;

const columnsCache = new WeakMap<FieldIndex, Map<string, FieldInfo[]>>();

/** The fields directly inside a table or object, looked up once per form. */
function childrenOf(index: FieldIndex, key: string): FieldInfo[] {
  let byKey = columnsCache.get(index);
  if (!byKey) {
    byKey = new Map();
    for (const info of index.fields.values()) {
      if (info.parent === null) continue;
      if (!byKey.has(info.parent)) byKey.set(info.parent, []);
      byKey.get(info.parent)!.push(info);
    }
    columnsCache.set(index, byKey);
  }
  return byKey.get(key) ?? [];
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function leafChanges(before: unknown, after: unknown, pointer: string, key: string, index: FieldIndex, out: FieldChange[]): void {
  if (out.length >= LIMIT) return;
  const info = index.fields.get(key);
  if (info?.kind === 'table' || info?.kind === 'object') {
    const a = (before ?? (info.kind === 'table' ? [] : {})) as Record<string, unknown>;
    const b = (after ?? (info.kind === 'table' ? [] : {})) as Record<string, unknown>;
    if (typeof a !== 'object' || typeof b !== 'object') {
      out.push({ field: pointer, from: before, to: after });
      return;
    }
    const children = childrenOf(index, key);
    const rows = info.kind === 'table' ? Math.max((a as unknown as unknown[]).length ?? 0, (b as unknown as unknown[]).length ?? 0) : 0;
    if (info.kind === 'table') {
      for (let i = 0; i < rows; i++) {
        const ra = (a as unknown as Record<string, unknown>[])[i];
        const rb = (b as unknown as Record<string, unknown>[])[i];
        if (ra === undefined || rb === undefined) {
          out.push({ field: `${pointer}/${i}`, from: ra, to: rb });
          continue;
        }
        for (const child of children) leafChanges(ra?.[child.code], rb?.[child.code], `${pointer}/${i}/${child.code}`, child.key, index, out);
      }
    } else {
      for (const child of children) leafChanges(a[child.code], b[child.code], `${pointer}/${child.code}`, child.key, index, out);
    }
    return;
  }
  if (same(before, after)) return;
  const schema = info?.schema ?? {};
  out.push({
    field: pointer,
    ...(before === undefined ? {} : { from: labelOf(schema, before) }),
    ...(after === undefined ? {} : { to: labelOf(schema, after) }),
  });
}

export function diffData(before: FormData | null, after: FormData, index: FieldIndex): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of index.topLevel) leafChanges(before?.[key], after[key], `/${key}`, key, index, out);
  return out;
}
