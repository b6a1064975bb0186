// The few values of a form a reviewer scans in the table ("key values"): those the definition
// declares in `uiSchema["ui:options"].keyFields` (top-level keys), or else picked from the form
// itself: its last computed numbers (totals, per-capita values) or derived verdicts, then its
// named choices, then its yes/no questions, leaving out what the registry pre-fills (the
// household's head, address… are columns of their own).
import { buildFieldIndex, labelOf, optionsOf, type FieldIndex, type FormData, type FormDefinition } from '@engine';

export interface KeyField {
  key: string;
  title: string;
}

const MOST = 4;
const COMPUTED_FIRST = 2;

function declared(definition: FormDefinition): unknown {
  const options = definition.uiSchema?.['ui:options'];
  return options && typeof options === 'object' ? (options as Record<string, unknown>).keyFields : undefined;
}

export function keyFields(definition: FormDefinition, index: FieldIndex = buildFieldIndex(definition.schema)): KeyField[] {
  const leaf = (key: string) => index.fields.get(key)?.kind === 'leaf';
  const field = (key: string): KeyField => ({ key, title: index.fields.get(key)!.title });
  const chosen = declared(definition);
  if (Array.isArray(chosen)) return chosen.filter((k): k is string => typeof k === 'string' && index.topLevel.includes(k) && leaf(k)).slice(0, 8).map(field);

  const prefilled = new Set((definition.registry?.prefill ?? []).map((p) => p.field.split('.')[0]));
  const candidates = index.topLevel.filter((k) => leaf(k) && !prefilled.has(k));
  const schemaOf = (k: string) => index.fields.get(k)!.schema;
  const computedKeys = new Set((definition.rules?.computed ?? []).map((c) => c.field));
  const computed = candidates.filter((k) => computedKeys.has(k));
  // A form's totals and per-capita values come last (A33 → A34, L51 → L52); derived verdicts are not numbers.
  const numbers = computed.filter((k) => schemaOf(k).type === 'number' || schemaOf(k).type === 'integer').slice(-COMPUTED_FIRST);
  const derived = [...numbers, ...computed.filter((k) => !numbers.includes(k))].slice(0, COMPUTED_FIRST);
  const choices = candidates.filter((k) => !computedKeys.has(k) && optionsOf(schemaOf(k)) !== null);
  const named = choices.filter((k) => schemaOf(k).type !== 'boolean');
  const ordered = [...derived, ...named, ...choices.filter((k) => !named.includes(k))];
  return ordered.slice(0, MOST).map(field);
}

/** The values of those fields in a submission's data, labelled by its version's index (是/否, codes to names); numbers stay numbers. */
export function keyValues(index: FieldIndex, fields: KeyField[], data: FormData): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const { key } of fields) {
    const value = data[key];
    const schema = index.fields.get(key)?.schema;
    out[key] = value === undefined || value === null ? null : typeof value === 'number' ? value : labelOf(schema ?? {}, value);
  }
  return out;
}
