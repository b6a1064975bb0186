// What an identification form opened for a household to verify (重点核查户) starts with, where
// the form can take it: the person as the household's head (name, ID number, 户主) through the
// form's own registry mapping, the village, and the reason when it names one of a choice field's
// options (因病, 因灾…). A registered household is pre-filled from the registry instead.
import { prefillData, type FormData, type FormDefinition } from '@engine';
import type { VerificationItem } from '@engine/contract';

/** The first choice field (top level, in order) with an option the reason starts with. */
function reasonField(definition: FormDefinition, reason: string): [string, string] | null {
  for (const [key, property] of Object.entries((definition.schema.properties ?? {}) as Record<string, { enum?: unknown[] }>)) {
    const option = property.enum?.find((o): o is string => typeof o === 'string' && o.length > 1 && reason.startsWith(o));
    if (option) return [key, option];
  }
  return null;
}

export function verificationSeed(definition: FormDefinition, item: VerificationItem): FormData {
  const person = { name: item.name, relation: '户主', ...(item.idNumber ? { idNumber: item.idNumber } : {}) };
  const data = prefillData(definition, { divisionCode: item.divisionCode, headName: item.name, headIdNumber: item.idNumber ?? '', members: [person as { name: string; idNumber: string }] });
  const reason = reasonField(definition, item.reason);
  if (reason) data[reason[0]] = reason[1];
  return data;
}
