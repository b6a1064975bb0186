// What changed between two versions of a submission's data, field by field (table cells by row),
// for the history reviewers read: "A28 工资性收入（元）: 12000 → 15000".
import { labelOf, type FieldIndex, type FormData } from '../../engine/index';

export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

const LIMIT = 100;

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
    const children = [...index.fields.values()].filter((f) => f.parent === key);
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
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return;
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
