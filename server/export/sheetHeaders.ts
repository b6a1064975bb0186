// A sheet's header row, one distinct name per column, so a spreadsheet's filters, a pivot table or
// a program reading the file by header can tell every column apart. Where a form field has the
// title of a fixed column (the form's own 户主姓名 beside the submission's), both say which is
// which: the fixed one is the household's record (农户档案: the registry's, or what the form
// registers), the other what the officer filled in (表内填写). Any other repeat (two fields of
// one title) is told apart by the field's code.
import type { ExportColumn } from './exportColumns';
import { ZH_EXPORT_WORDS, type ExportWords } from './exportWords';

export const FIXED_SUFFIX = ZH_EXPORT_WORDS.fixedSuffix;
export const FIELD_SUFFIX = ZH_EXPORT_WORDS.fieldSuffix;

export function sheetHeaders(fixed: readonly string[], columns: readonly ExportColumn[], words: ExportWords = ZH_EXPORT_WORDS): string[] {
  const fieldTitles = new Set(columns.map((c) => c.header));
  const headers = [
    ...fixed.map((h) => (fieldTitles.has(h) ? `${h}${words.fixedSuffix}` : h)),
    ...columns.map((c) => (fixed.includes(c.header) ? `${c.header}${words.fieldSuffix}` : c.header)),
  ];
  const counts = new Map<string, number>();
  for (const h of headers) counts.set(h, (counts.get(h) ?? 0) + 1);
  const taken = new Set<string>();
  return headers.map((h, i) => {
    const column = columns[i - fixed.length];
    let name = counts.get(h)! > 1 && column ? `${h}${words.apart(column.key)}` : h;
    for (let n = 2; taken.has(name); n++) name = `${h}${words.apart(n)}`;
    taken.add(name);
    return name;
  });
}
