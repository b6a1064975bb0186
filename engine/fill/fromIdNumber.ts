// What follows from an ID number: a definition marks a field (a member's 性别 or 出生日期) with
// `"ui:options": {"fromIdNumber": {"field": "A4", "part": "gender" | "birthDate"}}`, naming the ID
// field beside it (the same row of a table, or the form's top level). When a valid number is
// typed there, the field is filled if it is empty or still shows what the previous number gave;
// a value the officer typed is kept (the form's rules say where it disagrees with the number).
import { birthDateOf, genderOf, isResidentId } from '../formats/residentId';
import { keyOfPointer, type FieldIndex } from '../schema/fieldIndex';
import { uiOptionsOf } from '../schema/uiOptionsOf';
import type { FormData, FormDefinition } from '../types';

export const ID_PARTS = ['gender', 'birthDate'] as const;
export type IdPart = (typeof ID_PARTS)[number];

export interface IdDerivedField {
  /** The field filled ("members.A2"), and the ID field it follows ("members.A4"). */
  key: string;
  source: string;
  table: string | null;
  part: IdPart;
}

/** The marker as written, or null when the field has none. */
export function fromIdNumberOption(definition: FormDefinition, index: FieldIndex, key: string): unknown {
  return uiOptionsOf(definition, index, key).fromIdNumber ?? null;
}

/** The fields a definition marks as following an ID number (checkFillOptions refuses a malformed marker). */
export function idDerivedFields(definition: FormDefinition, index: FieldIndex): IdDerivedField[] {
  const out: IdDerivedField[] = [];
  for (const info of index.fields.values()) {
    if (info.kind !== 'leaf') continue;
    const option = fromIdNumberOption(definition, index, info.key) as { field?: unknown; part?: unknown } | null;
    if (!option || typeof option.field !== 'string' || !(ID_PARTS as readonly unknown[]).includes(option.part)) continue;
    const source = info.table ? `${info.table}.${option.field}` : option.field;
    if (index.fields.get(source)?.table !== info.table) continue;
    out.push({ key: info.key, source, table: info.table, part: option.part as IdPart });
  }
  return out;
}

/** The part a number gives ("女", "1949-12-31"), or null when the number is not a valid one. */
export function idPart(idNumber: unknown, part: IdPart): string | null {
  if (typeof idNumber !== 'string' || idNumber.length < 18) return null;
  const id = idNumber.slice(0, 18);
  if (!isResidentId(id)) return null;
  if (part === 'gender') return genderOf(id);
  const birth = birthDateOf(id)!;
  return `${birth.year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`;
}

const lastOf = (key: string) => key.slice(key.lastIndexOf('.') + 1);

/**
 * After a change at `pointer` (from `before` to `after`): the fields that follow the changed ID
 * number, in its row, filled where they are empty or still show what the previous number gave.
 * The data is copied where it changes; `after` is returned as is when nothing follows.
 */
export function fillFromIdNumber(fields: IdDerivedField[], before: FormData, after: FormData, pointer: string): FormData {
  const key = keyOfPointer(pointer);
  const following = fields.filter((f) => f.source === key);
  if (following.length === 0) return after;
  const rowOf = (data: FormData): Record<string, unknown> | null => {
    if (following[0]!.table === null) return data;
    const rows = data[following[0]!.table];
    const i = Number(pointer.split('/')[2]);
    const row = Array.isArray(rows) ? rows[i] : undefined;
    return row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : null;
  };
  const old = rowOf(before);
  const row = rowOf(after);
  if (!row) return after;
  const sourceCode = lastOf(key);
  const patch: Record<string, unknown> = {};
  for (const f of following) {
    const next = idPart(row[sourceCode], f.part);
    if (next === null) continue;
    const target = lastOf(f.key);
    const current = row[target];
    const previous = old ? idPart(old[sourceCode], f.part) : null;
    if (current === undefined || current === null || current === '' || current === previous) patch[target] = next;
  }
  if (Object.keys(patch).length === 0) return after;
  const table = following[0]!.table;
  if (table === null) return { ...after, ...patch };
  const rows = [...(after[table] as unknown[])];
  const i = Number(pointer.split('/')[2]);
  rows[i] = { ...row, ...patch };
  return { ...after, [table]: rows };
}
