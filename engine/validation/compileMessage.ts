// A rule's message with its placeholders filled in: "{{A34}}" becomes the value of A34 as an
// officer reads it (options by label, yes/no as 是/否), "{{$params.incomeLine}}" the parameter.
import { pathReader, type RootScope } from '../rules/compileRule';
import { labelOf, type FieldIndex } from '../schema/fieldIndex';

export type CompiledMessage = (scope: RootScope) => string;

export function compileMessage(template: string, index: FieldIndex): CompiledMessage {
  const parts: (string | ((scope: RootScope) => string))[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    parts.push(template.slice(last, match.index));
    const path = match[1]!;
    const read = pathReader(path, true);
    const info = index.fields.get(path);
    parts.push((scope) => {
      const value = read(scope);
      if (value === undefined || value === null) return '（空）';
      return info ? labelOf(info.schema, value) : Array.isArray(value) ? value.join('、') : String(value);
    });
    last = match.index! + match[0].length;
  }
  parts.push(template.slice(last));
  if (parts.length === 1) return () => template;
  return (scope) => parts.map((p) => (typeof p === 'string' ? p : p(scope))).join('');
}
