// How a table row's card is titled: by default the person's name first, then the gender
// ("陈小红 · 女"), the columns found by their titles (姓名, 性别), then the other columns' short
// texts in the schema's order, two values in all; a definition's `"ui:options": {"rowTitle": [...]}`
// names its own columns. ID numbers in a title are masked (the field below shows them whole).
import type { FieldIndex } from '@engine';
import { maskIdNumber } from '../../components/maskIdNumber';

const NAME = /姓名/;
const GENDER = /性别/;

/** A table's columns in the schema's order, and the ones a title prefers (name, then gender). */
export function titleColumns(index: FieldIndex, table: string): { preferred: string[]; all: string[] } {
  const columns = [...index.fields.values()].filter((f) => f.parent === table && f.kind === 'leaf');
  const name = columns.find((c) => NAME.test(c.title) || c.code === 'name');
  const gender = columns.find((c) => GENDER.test(c.title) || c.code === 'gender');
  return { preferred: [name, gender].filter((c) => c !== undefined).map((c) => c.code), all: columns.map((c) => c.code) };
}

function shortTexts(row: Record<string, unknown>, columns: string[]): string[] {
  return columns.map((c) => row[c]).filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 20);
}

export function rowTitle(row: unknown, named: string[] | undefined, columns: { preferred: string[]; all: string[] }): string {
  if (row === null || typeof row !== 'object') return '';
  const values = row as Record<string, unknown>;
  if (named) return shortTexts(values, named).slice(0, 2).map(maskIdNumber).join(' · ');
  // The name and gender first, then the other columns in order, up to two values.
  const rest = columns.all.filter((c) => !columns.preferred.includes(c));
  return shortTexts(values, [...columns.preferred, ...rest]).slice(0, 2).map(maskIdNumber).join(' · ');
}
