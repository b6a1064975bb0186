// A rewritten rule beside the shipped one on generated households, as the engine computes them:
// computed values must be equal as stored, conditions must agree in truthiness (all a condition
// is used for). Shared by the round trips of the formula language and of XLSForm expressions.
import { expect } from 'vitest';
import { evaluate, type EvaluationContext, type FormDefinition, type Household } from '@engine';
import type { CompiledRule } from '@engine/rules/compileRule';
import { truthy } from '@engine/rules/truthy';
import { pick, randomFormData } from './randomData';
import { wellTypedObject, type ShippedRule } from './shippedRules';

export interface RulePair extends ShippedRule {
  /** The rewritten rule's text, named when the values differ. */
  text: string;
  original: CompiledRule;
  again: CompiledRule;
}

/** A value as stored: undefined, null and non-finite numbers are all left empty. */
export const stored = (value: unknown) => (value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value)) ? null : value);

/** Compares each pair on `times` generated households; returns how many comparisons were made. */
export function compareOnHouseholds(
  definition: FormDefinition,
  pairs: RulePair[],
  random: () => number,
  context: { params: NonNullable<EvaluationContext['params']>[]; households: (Household | undefined)[]; times: number },
): number {
  let compared = 0;
  for (let n = 0; n < context.times; n++) {
    const generated = wellTypedObject(randomFormData(definition, random), definition.schema)!;
    const params = pick(random, context.params);
    const household = pick(random, context.households);
    const data = evaluate(definition, generated, { params, household }).data;
    for (const pair of pairs) {
      const rows = pair.table ? (Array.isArray(data[pair.table]) ? (data[pair.table] as Record<string, unknown>[]) : []) : [undefined];
      for (const row of rows) {
        const s = { data, params, household, row, approval: undefined };
        const [a, b] = [pair.original(s), pair.again(s)];
        const where = `${pair.where}: ${pair.text} on ${JSON.stringify(row ?? data)}`;
        if (pair.condition) expect(truthy(b), where).toBe(truthy(a));
        else expect(stored(b), where).toEqual(stored(a));
        compared += 1;
      }
    }
  }
  return compared;
}
