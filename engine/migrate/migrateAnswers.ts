// Moving a submission's answers from one version of a form to another (a campaign that adopted a
// new version, its open drafts and returned submissions moving along): answers are carried by
// field code, tables row by row by column code. An answer whose field the new version removed is
// listed with its value (the caller keeps it in the submission's history, never loses it); one
// whose field changed type or options is converted where the value fits (convertValue) and
// otherwise left empty and flagged with the reason, for the officer to answer again; a required
// field the old version did not have is listed to fill. Computed and hidden values are the
// evaluation's business afterwards. Pure: no I/O, and the data given is not changed.
import { buildFieldIndex, type FieldIndex, type FieldInfo } from '../schema/fieldIndex';
import type { FormData, FormDefinition } from '../types';
import { convertValue } from './convertValue';

/** One answer as the officer reads it: where it is (a JSON Pointer) and the field's title. */
export interface MovedAnswer {
  path: string;
  field: string;
  title: string;
}

export interface AnswerMove {
  /** The answers in the new version's shape. */
  data: FormData;
  /** Answers to fields the new version removed, with their values. */
  removed: (MovedAnswer & { value: unknown })[];
  /** Answers converted to the field's new type or options. */
  converted: (MovedAnswer & { from: unknown; to: unknown })[];
  /** Answers that did not fit the changed field: left empty, to answer again. */
  flagged: (MovedAnswer & { value: unknown; reason: string })[];
  /** Required fields the old version did not have (columns: once per table). */
  toFill: MovedAnswer[];
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const pointer = (parts: (string | number)[]) => `/${parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

function get(data: unknown, key: string): unknown {
  let current = data;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function set(data: FormData, key: string, value: unknown): void {
  const parts = key.split('.');
  let current = data as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (current[part] === null || typeof current[part] !== 'object' || Array.isArray(current[part])) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts.at(-1)!] = value;
}

/** The leaves directly under a container (the form itself: table null; a table: its key), by their key within it. */
function leaves(index: FieldIndex, table: string | null): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  for (const info of index.fields.values()) {
    if (info.kind !== 'leaf' || info.table !== table) continue;
    out.set(table ? info.key.slice(table.length + 1) : info.key, info);
  }
  return out;
}

export function migrateAnswers(from: FormDefinition, to: FormDefinition, data: FormData): AnswerMove {
  const a = buildFieldIndex(from.schema);
  const b = buildFieldIndex(to.schema);
  const move: AnswerMove = { data: {}, removed: [], converted: [], flagged: [], toFill: [] };

  /** Carries the leaves of one container (the form, or one row of a table) into `target`. */
  const carry = (source: unknown, target: FormData, table: string | null, at: (string | number)[]) => {
    const before = leaves(a, table);
    const after = leaves(b, table);
    for (const [key, old] of before) {
      const value = get(source, key);
      if (isEmpty(value)) continue;
      const path = pointer([...at, ...key.split('.')]);
      const now = after.get(key);
      if (!now) {
        move.removed.push({ path, field: old.key, title: old.title, value });
        continue;
      }
      const conversion = convertValue(old.schema, now.schema, value);
      if (conversion.kind === 'refused') move.flagged.push({ path, field: now.key, title: now.title, value, reason: conversion.reason });
      else {
        set(target, key, conversion.value);
        if (conversion.kind === 'converted') move.converted.push({ path, field: now.key, title: now.title, from: value, to: conversion.value });
      }
    }
  };

  carry(data, move.data, null, []);
  for (const table of b.tables) {
    const rows = a.tables.includes(table) ? get(data, table) : undefined;
    if (!Array.isArray(rows)) continue;
    set(move.data, table, rows.map((row, i) => {
      const target: FormData = {};
      carry(row, target, table, [...table.split('.'), i]);
      return target;
    }));
  }
  for (const table of a.tables) {
    if (b.tables.includes(table)) continue;
    const rows = get(data, table);
    if (Array.isArray(rows) && rows.length) move.removed.push({ path: pointer(table.split('.')), field: table, title: a.fields.get(table)!.title, value: rows });
  }
  for (const info of b.fields.values()) {
    if (!info.required || info.readOnly || a.fields.has(info.key)) continue;
    // A column of a table the old version lacked entirely is filled with the table.
    if (info.table && !a.tables.includes(info.table)) continue;
    move.toFill.push({ path: pointer(info.key.split('.')), field: info.key, title: info.title });
  }
  return move;
}
