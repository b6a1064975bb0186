// The formula language's public types: what the form builder passes in (the scope a formula is
// written in) and what it gets back (JSON-Logic and its type, or Chinese errors at character
// offsets it can underline as the administrator types). Types only.
import type { FieldIndex } from '../schema/fieldIndex';

export type FormulaType = 'number' | 'string' | 'boolean' | 'list' | 'date' | 'unknown';

export interface FormulaParameter {
  title: string;
  type: 'number' | 'string' | 'date' | 'year-month';
}

/** Where a formula is written: the form's fields, the campaign's parameters, the rule's table. */
export interface FormulaScope {
  fields: FieldIndex;
  parameters: Record<string, FormulaParameter>;
  /** The rule's table when its target is a column ("members"): bare column names read the current row. */
  table?: string;
  /** Whether household fields (户.kind, $household.kind) may be read; allowed unless false. */
  household?: boolean;
  /** The type the rule needs (boolean for conditions, the field's type for a computed value). */
  expect?: FormulaType;
}

/** A problem in a formula: Chinese, with the offsets [start, end) of the text to underline. */
export interface FormulaError {
  message: string;
  start: number;
  end: number;
}

export type FormulaResult =
  | { ok: true; logic: unknown; type: FormulaType }
  | { ok: false; errors: FormulaError[] };
