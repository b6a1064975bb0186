// Pre-fill: the values a new submission for a household starts with, read from the registry as
// the form declares ("过录指标"). Fields marked `verify` are shown for verification; a value the
// officer changed is a correction, listed with the registry's old value for reviewers.
import { ownValue } from '../ownValue';
import { fieldLabel } from '../validation/fieldLabel';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from './householdFields';
import { buildFieldIndex } from '../schema/fieldIndex';
import type { FormData, FormDefinition, Household, PrefillMapping } from '../types';

/** A declared household field's value, with the derived ones (memberCount); undefined for any other name. */
export function householdValue(household: Household, field: string): unknown {
  if (!Object.hasOwn(HOUSEHOLD_FIELDS, field)) return undefined;
  if (field === 'memberCount') return household.members?.length ?? 0;
  return ownValue(household, field);
}

function mappedValue(mapping: PrefillMapping, household: Household): unknown {
  const value = householdValue(household, mapping.from);
  if (mapping.columns && Array.isArray(value)) {
    return value.map((member: unknown) => {
      const row: Record<string, unknown> = {};
      for (const [column, memberField] of Object.entries(mapping.columns!)) {
        const cell = Object.hasOwn(MEMBER_FIELDS, memberField) ? ownValue(member, memberField) : undefined;
        if (cell !== undefined && cell !== null) row[column] = cell;
      }
      return row;
    });
  }
  return value;
}

export function prefillData(definition: FormDefinition, household: Household | null | undefined): FormData {
  const data: FormData = {};
  if (!household) return data;
  for (const mapping of definition.registry?.prefill ?? []) {
    const value = mappedValue(mapping, household);
    if (value === undefined || value === null || value === '') continue;
    const segments = mapping.field.split('.');
    let container = data;
    for (const segment of segments.slice(0, -1)) {
      const next = ownValue(container, segment);
      if (typeof next !== 'object' || next === null) container[segment] = {};
      container = container[segment] as FormData;
    }
    container[segments[segments.length - 1]!] = value;
  }
  return data;
}

/** Keys of the fields an officer verifies rather than fills (核实无误 / 更正). */
export function verificationFields(definition: FormDefinition): string[] {
  return (definition.registry?.prefill ?? []).filter((m) => m.verify).map((m) => m.field);
}

export interface Correction {
  field: string;
  title: string;
  registryValue: unknown;
  value: unknown;
}

function readKey(data: FormData, key: string): unknown {
  let current: unknown = data;
  for (const segment of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = ownValue(current, segment);
  }
  return current;
}

/**
 * The verified fields whose value differs from the pre-filled one: what the officer corrected,
 * with the registry's value. `prefill` is what prefillData gave when the submission started.
 */
export function corrections(definition: FormDefinition, data: FormData, prefill: FormData | null | undefined): Correction[] {
  if (!prefill) return [];
  const index = buildFieldIndex(definition.schema);
  const out: Correction[] = [];
  for (const mapping of definition.registry?.prefill ?? []) {
    if (!mapping.verify) continue;
    const registryValue = readKey(prefill, mapping.field);
    const value = readKey(data, mapping.field);
    if (JSON.stringify(registryValue ?? null) !== JSON.stringify(value ?? null)) {
      out.push({ field: mapping.field, title: fieldLabel(`/${mapping.field.split('.').join('/')}`, index).label, registryValue, value });
    }
  }
  return out;
}
