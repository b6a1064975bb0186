// What the formula language knows about a value it reads: its type (from the JSON Schema, a
// parameter's declaration or the registry's catalogue), its date format and its options, and the
// Chinese words that name types in messages.
import type { RegistryField } from '../registry/householdFields';
import { HOUSEHOLD_KINDS } from '../registry/householdFields';
import { optionsOf, type OptionLabel } from '../schema/fieldIndex';
import type { JsonSchema } from '../types';
import type { FormulaParameter, FormulaType } from './types';

export interface ValueInfo {
  type: FormulaType;
  /** For dates: a full date (2021-09-30) or a year-month (2021-09). */
  format?: 'date' | 'year-month';
  /** The choices of a single-choice field, or of each item of a multiple-choice field. */
  options: OptionLabel[] | null;
}

export const TYPE_NAMES: Record<FormulaType | 'table' | 'column', string> = {
  number: '数字', string: '文字', boolean: '是/否', list: '多选', date: '日期', unknown: '未知类型', table: '表格', column: '表格列',
};

export function valueInfoOfSchema(schema: JsonSchema): ValueInfo {
  const format = schema.format === 'date' || schema.format === 'year-month' ? schema.format : undefined;
  if (schema.type === 'array') {
    const items = schema.items && typeof schema.items === 'object' ? (schema.items as JsonSchema) : {};
    return { type: 'list', options: optionsOf(items) };
  }
  if (schema.type === 'number' || schema.type === 'integer') return { type: 'number', options: optionsOf(schema) };
  if (schema.type === 'boolean') return { type: 'boolean', options: null };
  if (format) return { type: 'date', format, options: null };
  const options = optionsOf(schema);
  if (schema.type === 'string' || options) return { type: 'string', options };
  return { type: 'unknown', options: null };
}

export function valueInfoOfParameter(parameter: FormulaParameter): ValueInfo {
  if (parameter.type === 'date' || parameter.type === 'year-month') return { type: 'date', format: parameter.type, options: null };
  return { type: parameter.type, options: null };
}

export function valueInfoOfRegistry(name: string, field: RegistryField): ValueInfo {
  if (field.type === 'year-month') return { type: 'date', format: 'year-month', options: null };
  if (field.type === 'members') return { type: 'unknown', options: null };
  if (name === 'kind') return { type: 'string', options: HOUSEHOLD_KINDS.map((k) => ({ value: k, label: k })) };
  return { type: field.type, options: null };
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The date format a text literal is written in, or null when it is no date. */
export function dateFormatOf(text: string): 'date' | 'year-month' | null {
  if (DATE.test(text)) return 'date';
  if (YEAR_MONTH.test(text)) return 'year-month';
  return null;
}
