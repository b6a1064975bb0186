// The filler's fields (填表人, 联系电话, 填表日期…): a definition marks a top-level field with
// `"ui:options": {"filler": "name" | "phone" | "date"}` and a new submission starts with the
// signed-in user's name, phone and today's date there, when nothing (the registry) filled it
// already. They stay ordinary fields: the officer may change them.
import { explainMobilePhone } from '../formats/simpleFormats';
import { buildFieldIndex, type FieldIndex } from '../schema/fieldIndex';
import { uiOptionsOf } from '../schema/uiOptionsOf';
import type { FormData, FormDefinition } from '../types';

export const FILLER_PARTS = ['name', 'phone', 'date'] as const;
export type FillerPart = (typeof FILLER_PARTS)[number];

/** Who fills the form, and when ("2021-11-21", the date in China). */
export interface Filler {
  name?: string | null;
  phone?: string | null;
  date?: string | null;
}

/** The fields a definition marks as the filler's, with what each takes. */
export function fillerFields(definition: FormDefinition, index: FieldIndex = buildFieldIndex(definition.schema)): { key: string; part: FillerPart }[] {
  const out: { key: string; part: FillerPart }[] = [];
  for (const key of index.topLevel) {
    const part = uiOptionsOf(definition, index, key).filler;
    if (typeof part === 'string' && (FILLER_PARTS as readonly string[]).includes(part)) out.push({ key, part: part as FillerPart });
  }
  return out;
}

/** The data with the filler's fields filled where empty (a phone the field cannot take is left out). */
export function fillerData(definition: FormDefinition, data: FormData, filler: Filler): FormData {
  const index = buildFieldIndex(definition.schema);
  let out = data;
  for (const { key, part } of fillerFields(definition, index)) {
    const value = filler[part]?.trim();
    const current = out[key];
    if (!value || (current !== undefined && current !== null && current !== '')) continue;
    if (part === 'phone' && index.fields.get(key)?.schema.format === 'mobile-phone' && explainMobilePhone(value) !== null) continue;
    out = { ...out, [key]: value };
  }
  return out;
}
