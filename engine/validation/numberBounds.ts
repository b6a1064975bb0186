// Numbers the form keeps exactly, and money within a plausible bound. A number past
// Number.MAX_SAFE_INTEGER has already lost digits (a 20-digit A28 reads 12345678901234567000):
// it is refused with an issue and dropped before anything computes with it, so no total shows
// it. Money (`"ui:widget": "money"`) without a `maximum` of its own may not pass
// DEFAULT_MONEY_MAXIMUM元: a household's income item beyond it is a slip of the keyboard far more
// often than a fact; a definition that expects more sets the field's `maximum` (JSON Schema).
import type { FieldIndex } from '../schema/fieldIndex';
import { uiNodeOf } from '../schema/uiOptionsOf';
import type { FormData, FormDefinition, Issue } from '../types';
import type { EngineLanguage } from '../i18n/languages';
import { fieldLabel } from './fieldLabel';

export const DEFAULT_MONEY_MAXIMUM = 1_000_000;

export const PRECISION_ISSUE_CODE = 'precision';

export interface NumberBound {
  key: string;
  table: string | null;
  segments: string[];
  /** The bound this module adds (a money field with no `maximum` of its own), or null. */
  maximum: number | null;
}

export function isMoneyField(definition: FormDefinition, index: FieldIndex, key: string): boolean {
  return uiNodeOf(definition, index, key)?.['ui:widget'] === 'money';
}

/** The form's number fields that an officer types (computed ones follow from them). */
export function numberBounds(definition: FormDefinition, index: FieldIndex): NumberBound[] {
  const computed = new Set((definition.rules?.computed ?? []).map((r) => r.field));
  const bounds: NumberBound[] = [];
  for (const info of index.fields.values()) {
    if (info.kind !== 'leaf' || (info.schema.type !== 'number' && info.schema.type !== 'integer')) continue;
    if (info.readOnly || computed.has(info.key)) continue;
    const ownMaximum = typeof info.schema.maximum === 'number' || typeof info.schema.exclusiveMaximum === 'number';
    bounds.push({
      key: info.key, table: info.table,
      segments: (info.table ? info.key.slice(info.table.length + 1) : info.key).split('.'),
      maximum: !ownMaximum && isMoneyField(definition, index, info.key) ? DEFAULT_MONEY_MAXIMUM : null,
    });
  }
  return bounds;
}

const pointerOf = (table: string | null, row: number, segments: string[]) => (table ? `/${table}/${row}/${segments.join('/')}` : `/${segments.join('/')}`);

const AMOUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function check(bound: NumberBound, container: Record<string, unknown>, path: string, index: FieldIndex, issues: Issue[], language: EngineLanguage): void {
  let holder: unknown = container;
  for (const s of bound.segments.slice(0, -1)) holder = holder !== null && typeof holder === 'object' ? (holder as Record<string, unknown>)[s] : undefined;
  if (holder === null || typeof holder !== 'object') return;
  const last = bound.segments[bound.segments.length - 1]!;
  const value = (holder as Record<string, unknown>)[last];
  if (typeof value !== 'number') return;
  const { code, label } = fieldLabel(path, index, language);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    delete (holder as Record<string, unknown>)[last];
    issues.push({ path, field: code, code: PRECISION_ISSUE_CODE, message: language === 'en' ? `${label}: the number is too long to keep exactly (at most 15 digits); please check` : `${label}数字过长，无法准确保存（最多 15 位数字），请核对`, severity: 'error' });
  } else if (bound.maximum !== null && value > bound.maximum) {
    issues.push({ path, field: code, code: 'maximum', message: language === 'en' ? `${label}: must not be more than ${AMOUNT.format(bound.maximum)} yuan (${AMOUNT.format(value)} yuan; please check)` : `${label}不能大于 ${AMOUNT.format(bound.maximum)} 元（${AMOUNT.format(value)} 元，请核对）`, severity: 'error' });
  }
}

/** The issues of the data's numbers; a number that lost digits is removed from the data. */
export function numberIssues(bounds: NumberBound[], data: FormData, index: FieldIndex, language: EngineLanguage = 'zh'): Issue[] {
  const issues: Issue[] = [];
  for (const bound of bounds) {
    if (bound.table === null) {
      check(bound, data, pointerOf(null, 0, bound.segments), index, issues, language);
      continue;
    }
    const rows = data[bound.table];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, i) => {
      if (row !== null && typeof row === 'object' && !Array.isArray(row)) check(bound, row as Record<string, unknown>, pointerOf(bound.table, i, bound.segments), index, issues, language);
    });
  }
  return issues;
}
