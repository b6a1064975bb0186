// What an identification form opened for a household to verify (重点核查户) starts with, where
// the form can take it: the person as the household's head (name, ID number, 户主) through the
// form's own registry mapping, the village, and the causes the item names (reasonCauses: an
// application's risks, or the option another reason starts with) in the form's first choice field
// offering them: one option for a single choice, every one named for a multiple choice (风险类型).
// A registered household is pre-filled from the registry instead.
import { prefillData, reasonCauses, type FormData, type FormDefinition } from '@engine';
import type { VerificationItem } from '@engine/contract';

interface ChoiceProperty { type?: string; enum?: unknown[]; items?: { enum?: unknown[] } }

/** The first choice field (top level, in order) offering a cause, with the value naming them. */
function causeField(definition: FormDefinition, causes: string[]): [string, string | string[]] | null {
  // In the causes' order (an application's main risk first).
  const named = (options: unknown[] | undefined) => causes
    .map((c) => (options ?? []).find((o): o is string => typeof o === 'string' && o.length > 1 && c.startsWith(o)))
    .filter((o, i, all): o is string => o !== undefined && all.indexOf(o) === i);
  for (const [key, property] of Object.entries((definition.schema.properties ?? {}) as Record<string, ChoiceProperty>)) {
    const single = named(property.enum);
    if (single.length > 0) return [key, single[0]!];
    const multiple = property.type === 'array' ? named(property.items?.enum) : [];
    if (multiple.length > 0) return [key, multiple];
  }
  return null;
}

export function verificationSeed(definition: FormDefinition, item: VerificationItem): FormData {
  const person = { name: item.name, relation: '户主', ...(item.idNumber ? { idNumber: item.idNumber } : {}) };
  const data = prefillData(definition, { divisionCode: item.divisionCode, headName: item.name, headIdNumber: item.idNumber ?? '', members: [person as { name: string; idNumber: string }] });
  const cause = causeField(definition, reasonCauses(item.reason));
  if (cause) data[cause[0]] = cause[1];
  return data;
}
