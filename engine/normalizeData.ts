// Copies submitted data into a fresh object the engine may change: only the schema's fields
// (unknown keys, __proto__ included, never get through), empty values (null, "", blanks)
// treated as absent, strings trimmed, an ID number's lower-case final x upper-cased. Wrongly
// typed values are kept for ajv to report.
//
// Every evaluation copies the whole form (250 values for a household of ten), so each container
// of a form gets a copier generated once, with its field names as literal keys, which V8 runs
// several times faster than a loop of computed keys. Keys enter the generated code only as JSON
// string literals; where code may not be generated (a page whose Content-Security-Policy
// forbids eval: there even a refused attempt is reported as a violation), the same copy is made
// by the loop.
import { normalizeIdNumber } from './formats/residentId';
import type { FieldIndex, FieldInfo } from './schema/fieldIndex';
import type { FormData } from './types';

export type ChildMap = Map<string, FieldInfo[]>;

/** Copies any input into the form's data shape (see the module comment). */
export type Normalizer = (input: unknown) => FormData;

type Copier = (input: Record<string, unknown>) => FormData;

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

/** Formats whose values are ID numbers: a lower-case final x is stored as X (normalizeIdNumber). */
const ID_FORMATS: ReadonlySet<string> = new Set(['resident-id', 'id-number', 'disability-certificate']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The characters String.prototype.trim removes (full-width 　 included: Chinese keyboards type it). */
function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function loopCopier(infos: FieldInfo[], normalizeValue: (value: unknown, info: FieldInfo) => unknown): Copier {
  return (input) => {
    const out: FormData = {};
    for (const info of infos) {
      const raw = input[info.code];
      // A field named like a prototype member ("constructor") that the data lacks reads the
      // prototype's function: never a value JSON can carry.
      if (raw === undefined || typeof raw === 'function') continue;
      const value = normalizeValue(raw, info);
      if (value !== undefined) out[info.code] = value;
    }
    return out;
  };
}

function generatedCopier(infos: FieldInfo[], normalizeValue: (value: unknown, info: FieldInfo) => unknown): Copier | null {
  const lines = infos.map((info, i) => {
    const key = JSON.stringify(info.code);
    return `v = input[${key}]; if (v !== undefined && typeof v !== 'function') { v = norm(v, infos[${i}]); if (v !== undefined) out[${key}] = v; }`;
  });
  try {
    const copy = new Function('input', 'norm', 'infos', `'use strict'; const out = {}; let v;\n${lines.join('\n')}\nreturn out;`) as
      (input: Record<string, unknown>, norm: typeof normalizeValue, infos: FieldInfo[]) => FormData;
    return (input) => copy(input, normalizeValue, infos);
  } catch {
    return null;
  }
}

/** `generate`: false where no code may be evaluated (precompiledForm). */
export function buildNormalizer(children: ChildMap, generate = true): Normalizer {
  const copiers = new Map<string, Copier>();
  const copierOf = (container: string): Copier => {
    let copier = copiers.get(container);
    if (!copier) {
      const infos = children.get(container) ?? [];
      copier = (generate ? generatedCopier(infos, normalizeValue) : null) ?? loopCopier(infos, normalizeValue);
      copiers.set(container, copier);
    }
    return copier;
  };
  function normalizeValue(value: unknown, info: FieldInfo): unknown {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') {
      let text = value;
      if (value.length === 0 || isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) {
        text = value.trim();
        if (text === '') return undefined;
      }
      return ID_FORMATS.has(info.schema.format as string) ? normalizeIdNumber(text) : text;
    }
    if (info.kind === 'table') {
      if (!Array.isArray(value)) return value;
      const copyRow = copierOf(info.key);
      return value.map((row) => (isPlainObject(row) ? copyRow(row) : row));
    }
    if (info.kind === 'object') return isPlainObject(value) ? copierOf(info.key)(value) : value;
    if (Array.isArray(value)) return value.slice();
    return value;
  }
  return (input) => (isPlainObject(input) ? copierOf('')(input) : {});
}
