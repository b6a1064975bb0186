// A field's own rules as the field editor reads and writes them: its visibility condition (or a
// section's), its computed value (which makes it read-only) and its checks. Empty rule lists are
// removed so a definition without rules stays as plain as the seeds write it. Mutating.
import type { FormDefinition, FormRules, ValidationRule } from '@engine';

export interface RuleTarget {
  field?: string;
  section?: string;
}

const matches = (r: RuleTarget, t: RuleTarget) => (t.field !== undefined ? r.field === t.field : r.section === t.section && r.field === undefined);

function tidy(definition: FormDefinition): void {
  const rules = definition.rules;
  if (!rules) return;
  for (const k of ['visibility', 'computed', 'validations'] as (keyof FormRules)[]) if (rules[k]?.length === 0) delete rules[k];
  if (Object.keys(rules).length === 0) delete definition.rules;
}

export function visibilityOf(definition: FormDefinition, target: RuleTarget): unknown {
  return definition.rules?.visibility?.find((r) => matches(r, target))?.when;
}

export function setVisibility(definition: FormDefinition, target: RuleTarget, when: unknown): void {
  const rules = (definition.rules ??= {});
  const list = (rules.visibility ??= []);
  const i = list.findIndex((r) => matches(r, target));
  if (when === undefined) {
    if (i >= 0) list.splice(i, 1);
  } else {
    const rule = target.field !== undefined ? { field: target.field, when } : { section: target.section!, when };
    if (i >= 0) list[i] = rule;
    else list.push(rule);
  }
  tidy(definition);
}

export function computedOf(definition: FormDefinition, key: string): unknown {
  return definition.rules?.computed?.find((r) => r.field === key)?.value;
}

export function setComputed(definition: FormDefinition, key: string, value: unknown): void {
  const rules = (definition.rules ??= {});
  const list = (rules.computed ??= []);
  const i = list.findIndex((r) => r.field === key);
  if (value === undefined) {
    if (i >= 0) list.splice(i, 1);
  } else if (i >= 0) {
    list[i] = { field: key, value };
  } else {
    list.push({ field: key, value });
  }
  tidy(definition);
}

export function validationsOf(definition: FormDefinition, key: string): ValidationRule[] {
  return (definition.rules?.validations ?? []).filter((r) => r.field === key);
}

/** Replaces the field's checks, where its first check was (or at the end). */
export function setValidations(definition: FormDefinition, key: string, checks: ValidationRule[]): void {
  const rules = (definition.rules ??= {});
  const list = rules.validations ?? [];
  const at = list.findIndex((r) => r.field === key);
  const others = list.filter((r) => r.field !== key);
  const position = at < 0 ? others.length : list.slice(0, at).filter((r) => r.field !== key).length;
  rules.validations = [...others.slice(0, position), ...checks, ...others.slice(position)];
  tidy(definition);
}

/** A check id not yet taken: "A34-check", "A34-check-2"… */
export function newCheckId(definition: FormDefinition, key: string): string {
  const taken = new Set((definition.rules?.validations ?? []).map((r) => r.id));
  const base = `${key.replace(/\./g, '-')}-check`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
