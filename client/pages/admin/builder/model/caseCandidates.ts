// What a test case could expect, read off the preview as it is now: each computed value, each
// error and warning, each field or section a condition shows or hides, and whether the form can
// be submitted. The administrator ticks what must come out; buildCase turns the ticks into an
// engine FormCase (values at JSON Pointers, issues by path and code, hidden/visible pointers).
import type { EvaluationResult, FormCase, FormData, FormDefinition, Household } from '@engine';
import { fieldSchema, splitKey } from './fieldPaths';

export interface Candidate {
  id: string;
  kind: 'valid' | 'value' | 'error' | 'warning' | 'visible' | 'hidden';
  /** Chinese, as the administrator reads it. */
  label: string;
  pointers: string[];
  value?: unknown;
  code?: string;
}

/** "/A33" for a field; "/members/0/A5", "/members/1/A5"… for a column, one per row. */
function pointersOf(key: string, data: FormData): string[] {
  const { table, name } = splitKey(key);
  if (!table) return [`/${key}`];
  const rows = Array.isArray(data[table]) ? (data[table] as unknown[]) : [];
  return rows.map((_, i) => `/${table}/${i}/${name}`);
}

const titleOf = (definition: FormDefinition, key: string) => String(fieldSchema(definition, key)?.title ?? key);

function valueAt(data: FormData, pointer: string): unknown {
  let node: unknown = data;
  for (const part of pointer.split('/').slice(1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

export function caseCandidates(definition: FormDefinition, result: EvaluationResult): Candidate[] {
  const out: Candidate[] = [{ id: 'valid', kind: 'valid', label: result.valid ? '可以正式提交（没有错误）' : '不能提交（有错误）', pointers: [], value: result.valid }];
  for (const rule of definition.rules?.computed ?? []) {
    for (const pointer of pointersOf(rule.field, result.data)) {
      const value = valueAt(result.data, pointer) ?? null;
      out.push({ id: `value:${pointer}`, kind: 'value', label: `${titleOf(definition, rule.field)}${pointer.includes('/', 1) ? `（${pointer}）` : ''} = ${JSON.stringify(value)}`, pointers: [pointer], value });
    }
  }
  for (const [kind, issues] of [['error', result.errors], ['warning', result.warnings]] as const) {
    for (const issue of issues) {
      out.push({ id: `${kind}:${issue.path}:${issue.code}`, kind, label: issue.message, pointers: [issue.path], code: issue.code });
    }
  }
  const hidden = new Set(result.hidden);
  for (const rule of definition.rules?.visibility ?? []) {
    if (rule.section) {
      const section = definition.sections?.find((s) => s.id === rule.section);
      if (!section) continue;
      const pointers = section.fields.map((f) => `/${f}`);
      const shown = !pointers.every((p) => hidden.has(p));
      out.push({ id: `section:${section.id}`, kind: shown ? 'visible' : 'hidden', label: `分区“${section.title}”${shown ? '显示' : '隐藏'}`, pointers });
    } else if (rule.field) {
      for (const pointer of pointersOf(rule.field, result.data)) {
        const shown = !hidden.has(pointer);
        out.push({ id: `field:${pointer}`, kind: shown ? 'visible' : 'hidden', label: `${titleOf(definition, rule.field)}${shown ? '显示' : '隐藏'}`, pointers: [pointer] });
      }
    }
  }
  return out;
}

export function buildCase(
  name: string, data: FormData, household: Household | null, params: Record<string, unknown> | null, chosen: Candidate[],
): FormCase {
  const expect: FormCase['expect'] = {};
  for (const c of chosen) {
    switch (c.kind) {
      case 'valid': expect.valid = c.value as boolean; break;
      case 'value': (expect.values ??= {})[c.pointers[0]!] = c.value; break;
      case 'error': (expect.errors ??= []).push({ path: c.pointers[0]!, code: c.code }); break;
      case 'warning': (expect.warnings ??= []).push({ path: c.pointers[0]!, code: c.code }); break;
      case 'visible': (expect.visible ??= []).push(...c.pointers); break;
      case 'hidden': (expect.hidden ??= []).push(...c.pointers); break;
    }
  }
  return { name, ...(params ? { params } : {}), ...(household ? { household } : {}), data, expect };
}
