// Where a field's first value comes from in the household registry: a top-level field from a
// household field ("A2" from headName, verify: 过录指标，只需核实), a table from the members, a
// column from a member attribute (the table's pre-fill maps form columns to member fields). Mutating.
import type { FormDefinition, PrefillMapping } from '@engine';
import { splitKey } from './fieldPaths';

export interface PrefillChoice {
  /** Household field (or member field for a column); '' for none. */
  from: string;
  verify: boolean;
}

function entries(definition: FormDefinition): PrefillMapping[] {
  return definition.registry?.prefill ?? [];
}

export function prefillOf(definition: FormDefinition, key: string): PrefillChoice {
  const { table, name } = splitKey(key);
  if (table) {
    const mapping = entries(definition).find((p) => p.field === table);
    return { from: mapping?.columns?.[name] ?? '', verify: false };
  }
  const mapping = entries(definition).find((p) => p.field === key);
  return { from: mapping?.from ?? '', verify: mapping?.verify === true };
}

function tidy(definition: FormDefinition): void {
  const registry = definition.registry;
  if (!registry) return;
  if (registry.prefill?.length === 0) delete registry.prefill;
  if (Object.keys(registry).length === 0) delete definition.registry;
}

export function setPrefill(definition: FormDefinition, key: string, choice: PrefillChoice): void {
  const { table, name } = splitKey(key);
  const registry = (definition.registry ??= {});
  const list = (registry.prefill ??= []);
  if (table) {
    let mapping = list.find((p) => p.field === table);
    if (!mapping && choice.from) {
      mapping = { field: table, from: 'members', columns: {} };
      list.push(mapping);
    }
    if (mapping) {
      const columns = { ...mapping.columns };
      if (choice.from) columns[name] = choice.from;
      else delete columns[name];
      mapping.columns = columns;
    }
  } else {
    const i = list.findIndex((p) => p.field === key);
    const isTable = choice.from === 'members';
    const mapping: PrefillMapping = { field: key, from: choice.from, ...(isTable ? { columns: list[i]?.columns ?? {} } : {}), ...(choice.verify && !isTable ? { verify: true } : {}) };
    if (!choice.from) {
      if (i >= 0) list.splice(i, 1);
    } else if (i >= 0) {
      list[i] = mapping;
    } else {
      list.push(mapping);
    }
  }
  tidy(definition);
}
