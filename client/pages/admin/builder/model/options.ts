// A choice field's options as the options editor shows them: labels only (the value is the label,
// "enum") or code + label pairs (the value is the code, "oneOf" of const/title, where the seed
// numbers its options). Pasting a column copied from Excel fills the list: one option per line,
// "1<Tab>新生儿" as code and label; a copied row (cells separated by tabs) gives one option per cell.
import type { JsonSchema } from '@engine';

export interface ChoiceOption {
  /** '' when the options have no codes. */
  code: string;
  label: string;
}

export interface OptionList {
  options: ChoiceOption[];
  coded: boolean;
}

function choiceSchema(schema: JsonSchema): JsonSchema {
  return schema.type === 'array' ? ((schema.items ?? {}) as JsonSchema) : schema;
}

export function optionListOf(schema: JsonSchema): OptionList {
  const source = choiceSchema(schema);
  if (Array.isArray(source.oneOf)) {
    return { coded: true, options: (source.oneOf as JsonSchema[]).map((b) => ({ code: String(b.const ?? ''), label: String(b.title ?? b.const ?? '') })) };
  }
  return { coded: false, options: (Array.isArray(source.enum) ? source.enum : []).map((v) => ({ code: '', label: String(v) })) };
}

/** The schema with these options (a multiple choice keeps them on its items). */
export function withOptions(schema: JsonSchema, list: OptionList): JsonSchema {
  const { enum: _e, oneOf: _o, ...rest } = choiceSchema(schema);
  const options = list.options;
  const choice: JsonSchema = list.coded
    ? { ...rest, type: 'string', oneOf: options.map((o) => ({ const: o.code.trim(), title: o.label.trim() || o.code.trim() })) }
    : { ...rest, type: 'string', enum: options.map((o) => o.label.trim()) };
  return schema.type === 'array' ? { ...schema, items: choice, uniqueItems: true } : choice;
}

export function parsePastedOptions(text: string): OptionList {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 1 && lines[0]!.split('\t').length > 2) {
    return { coded: false, options: lines[0]!.split('\t').map((c) => c.trim()).filter(Boolean).map((label) => ({ code: '', label })) };
  }
  const cells = lines.map((l) => l.split('\t').map((c) => c.trim()));
  const coded = cells.length > 0 && cells.every((c) => c.length >= 2 && c[0] !== '' && c.slice(1).join('') !== '');
  const seen = new Set<string>();
  const options: ChoiceOption[] = [];
  for (const c of cells) {
    const option = coded ? { code: c[0]!, label: c.slice(1).filter(Boolean).join(' ') } : { code: '', label: c.filter(Boolean).join(' ') };
    const id = coded ? option.code : option.label;
    if (seen.has(id)) continue;
    seen.add(id);
    options.push(option);
  }
  return { coded, options };
}
