// The review chain of one submission: the form's levels, unless the submitted data calls for a
// final approval at a set level (review.escalations: a 不纳入情形 with the officer's reason to
// continue goes to the county whatever the usual chain). The server decides with it who may
// approve, and the client which buttons to show, so both read the same chain. An escalation
// reads the submitted data only (the checker refuses $params and $household there), so the
// chain of a stored submission is known from the submission alone.
import { compileRule, type CompiledRule } from '../rules/compileRule';
import { truthy } from '../rules/truthy';
import type { FormData, FormDefinition, ReviewEscalation, ReviewLevel } from '../types';

export interface ReviewChain {
  levels: ReviewLevel[];
  /** The escalation that set the chain's last level, if one holds. */
  escalation: { id: string; reason: string; level: ReviewLevel } | null;
}

const compiled = new WeakMap<ReviewEscalation, CompiledRule | null>();

function holds(escalation: ReviewEscalation, data: FormData): boolean {
  if (!compiled.has(escalation)) {
    let rule: CompiledRule | null = null;
    try {
      rule = compileRule(escalation.when);
    } catch {
      // A definition the checker refused never reaches here; should one, it escalates nothing.
    }
    compiled.set(escalation, rule);
  }
  const rule = compiled.get(escalation);
  if (!rule) return false;
  try {
    return truthy(rule({ data, params: undefined, household: undefined, row: undefined, approval: undefined }));
  } catch {
    return false;
  }
}

/**
 * Every level that may approve some submission of the form, lowest first: the usual chain and
 * the escalations' levels (a township-only form that escalates to the county: township, county).
 * A submission's chain is a prefix of it when the form has at most one escalation level.
 */
export function allReviewLevels(definition: FormDefinition): ReviewLevel[] {
  const levels = [...(definition.review?.levels ?? [])];
  for (const { level } of definition.review?.escalations ?? []) {
    if (!levels.some((l) => l.divisionDigits === level.divisionDigits)) levels.push(level);
  }
  return levels.sort((a, b) => b.divisionDigits - a.divisionDigits);
}

/**
 * The levels that approve this submission in turn: the form's, or, when escalations hold, those
 * of the form's below the highest escalation level (more digits: closer to the village), then
 * that level, which gives the final approval.
 */
export function reviewChain(definition: FormDefinition, data: FormData | null | undefined): ReviewChain {
  const levels = definition.review?.levels ?? [];
  let chosen: ReviewEscalation | null = null;
  for (const escalation of definition.review?.escalations ?? []) {
    if (chosen && escalation.level.divisionDigits >= chosen.level.divisionDigits) continue;
    if (holds(escalation, data ?? {})) chosen = escalation;
  }
  if (!chosen) return { levels, escalation: null };
  const below = levels.filter((level) => level.divisionDigits > chosen.level.divisionDigits);
  return { levels: [...below, chosen.level], escalation: { id: chosen.id, reason: chosen.reason, level: chosen.level } };
}
