// How a message names the field a value sits in: its title, and for a table row the table and
// the row number ("家庭成员第 2 行：A7 居民身份证（残疾人证）号码").
import type { EngineLanguage } from '../i18n/languages';
import { keyOfPointer, type FieldIndex } from '../schema/fieldIndex';

export interface FieldLabel {
  key: string;
  code: string;
  /** "A28 工资性收入（元）" or "家庭成员第 2 行：A7 ..." */
  label: string;
}

/** A table row's name: "家庭成员第 2 行：", in English "Family members row 2: ". */
const rowName = (table: string, row: number, language: EngineLanguage) => (language === 'en' ? `${table} row ${row}: ` : `${table}第 ${row} 行：`);

export function fieldLabel(pointer: string, index: FieldIndex, language: EngineLanguage = 'zh'): FieldLabel {
  const key = keyOfPointer(pointer);
  const info = index.fields.get(key);
  const code = info?.code ?? key.split('.').pop() ?? '';
  const title = info?.title ?? (code || (language === 'en' ? 'Form' : '表单'));
  if (info?.table) {
    const table = index.fields.get(info.table);
    const row = /\/(\d+)(?:\/|$)/.exec(pointer.slice(info.table.length + 1));
    if (table && row) return { key, code, label: `${rowName(table.title, Number(row[1]) + 1, language)}${title}` };
  }
  return { key, code, label: title };
}

/** The row prefix of a pointer inside a table ("家庭成员第 2 行："), or "". */
export function rowPrefix(table: string, row: number, index: FieldIndex, language: EngineLanguage = 'zh'): string {
  const info = index.fields.get(table);
  return rowName(info?.title ?? table, row + 1, language);
}

/** The value at a JSON Pointer, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
