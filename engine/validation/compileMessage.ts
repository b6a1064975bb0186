// A rule's message with its placeholders filled in: "{{A34}}" becomes the value of A34 as an
// officer reads it (options by label, yes/no as 是/否), "{{$params.incomeLine}}" the parameter;
// in a table's rule "{{$row.A2}}" is the row's column, by its label too. A form compiled in
// English (its options' labels translated) says "(empty)" for an empty value.
import type { EngineLanguage } from '../i18n/languages';
import { pathReader, type RootScope } from '../rules/compileRule';
import { labelOf, type FieldIndex } from '../schema/fieldIndex';

export type CompiledMessage = (scope: RootScope) => string;

export function compileMessage(template: string, index: FieldIndex, table: string | null = null, language: EngineLanguage = 'zh'): CompiledMessage {
  const empty = language === 'en' ? '(empty)' : '（空）';
  const parts: (string | ((scope: RootScope) => string))[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    parts.push(template.slice(last, match.index));
    const path = match[1]!;
    const read = pathReader(path, true);
    const info = index.fields.get(table !== null && path.startsWith('$row.') ? `${table}.${path.slice(5)}` : path);
    parts.push((scope) => {
      const value = read(scope);
      if (value === undefined || value === null) return empty;
      return info ? labelOf(info.schema, value) : Array.isArray(value) ? value.join('、') : String(value);
    });
    last = match.index! + match[0].length;
  }
  parts.push(template.slice(last));
  if (parts.length === 1) return () => template;
  return (scope) => parts.map((p) => (typeof p === 'string' ? p : p(scope))).join('');
}
