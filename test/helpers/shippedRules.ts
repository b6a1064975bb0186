// Every rule of a shipped definition (visibility when, computed value, validation when/assert)
// with where it sits, and form data kept to what passes its schema's types: what the round-trip
// tests of the formula language and of XLSForm expressions walk over.
import { buildFieldIndex, type FormDefinition } from '@engine';

export interface ShippedRule {
  where: string;
  rule: unknown;
  /** The table of a rule on a column ("members"): bare names read the current row. */
  table: string | undefined;
  /** A condition (only truthiness counts) rather than a value. */
  condition: boolean;
  /** The field a validation's assert is on (an XLSForm constraint's "."). */
  self?: string;
}

export function shippedRules(definition: FormDefinition): ShippedRule[] {
  const index = buildFieldIndex(definition.schema);
  const tableOf = (field: string | undefined) => (field ? index.fields.get(field)?.table ?? undefined : undefined);
  const rules = definition.rules ?? {};
  const out: ShippedRule[] = [];
  rules.visibility?.forEach((r) => { out.push({ where: `${definition.id} visibility ${r.field ?? r.section}`, rule: r.when, table: tableOf(r.field), condition: true }); });
  rules.computed?.forEach((r) => { out.push({ where: `${definition.id} computed ${r.field}`, rule: r.value, table: tableOf(r.field), condition: false }); });
  rules.validations?.forEach((r) => {
    if (r.when !== undefined) out.push({ where: `${definition.id} ${r.id} when`, rule: r.when, table: tableOf(r.field), condition: true });
    out.push({ where: `${definition.id} ${r.id} assert`, rule: r.assert, table: tableOf(r.field), condition: true, self: r.field });
  });
  return out;
}

/** A value kept only if it has its schema's type: what can pass validation. */
export function wellTyped(value: unknown, schema: Record<string, any>): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (schema.type) {
    case 'number': return typeof value === 'number' ? value : undefined;
    case 'integer': return Number.isInteger(value) ? value : undefined;
    case 'boolean': return typeof value === 'boolean' ? value : undefined;
    case 'string': return typeof value === 'string' ? value : undefined;
    case 'object': return wellTypedObject(value, schema);
    case 'array':
      if (!Array.isArray(value)) return undefined;
      if (schema.items?.type === 'object') return value.map((row) => wellTypedObject(row, schema.items)).filter((row) => row !== undefined);
      return value.every((item) => typeof item === 'string') ? value : undefined;
    default: return value;
  }
}

export function wellTypedObject(value: unknown, schema: Record<string, any>): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const kept = schema.properties?.[key] ? wellTyped(child, schema.properties[key]) : undefined;
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}
