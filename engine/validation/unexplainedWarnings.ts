// Warnings are information, not errors: a submission may go with them, but only once the officer
// has written, for each rule that warns, a short explanation of what was verified (核实说明:
// "户主年底务工收入已到账，已核实"). The officer's form (before sending) and the server (before
// storing) run these same functions on the engine's warnings, so no client can skip the
// explanation. Explanations are kept per rule id; a rule warning on several table rows needs one.
// Pure: issues come back as data, in the shape of the engine's own, at the warning's field.
import type { FormDefinition, Issue } from '../types';

/** Longest explanation kept, in characters (a Chinese character counts 1). */
export const MAX_EXPLANATION_LENGTH = 500;

/** The issue code of a problem with the explanation of rule `id`: "explanation:<id>". */
export const EXPLANATION_CODE_PREFIX = 'explanation:';

/** Rule id -> the officer's explanation. */
export type Explanations = { [ruleId: string]: string };

const RULE_PREFIX = 'rule:';

/** The rule a warning comes from ("rule:kind-line" -> "kind-line"), or null for another issue. */
export function ruleIdOf(issue: Issue): string | null {
  return issue.code.startsWith(RULE_PREFIX) ? issue.code.slice(RULE_PREFIX.length) : null;
}

/** Each warning rule that holds with its warnings (several for a rule on table rows), in order. */
export function warningsByRule(warnings: readonly Issue[]): { ruleId: string; issues: Issue[] }[] {
  const byRule = new Map<string, Issue[]>();
  for (const warning of warnings) {
    const id = ruleIdOf(warning);
    if (id === null || warning.severity !== 'warning') continue;
    const list = byRule.get(id);
    if (list) list.push(warning);
    else byRule.set(id, [warning]);
  }
  return [...byRule].map(([ruleId, issues]) => ({ ruleId, issues }));
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function lengthOf(text: string): number {
  return Array.from(text).length;
}

/** Where an explanation problem sits: at its warning's field, or at the form when none holds. */
type Place = Pick<Issue, 'path' | 'field'>;
const FORM: Place = { path: '', field: '' };

function explanationIssue(warning: Place, ruleId: string, message: string): Issue {
  return { path: warning.path, field: warning.field, code: EXPLANATION_CODE_PREFIX + ruleId, message, severity: 'error' };
}

/**
 * One error per warning rule without a usable explanation (missing, blank or too long), at the
 * rule's first warning, naming the rule: what blocks 正式提交.
 */
export function unexplainedWarnings(warnings: readonly Issue[], explanations: Readonly<Record<string, unknown>> = {}): Issue[] {
  const issues: Issue[] = [];
  for (const { ruleId, issues: held } of warningsByRule(warnings)) {
    const first = held[0]!;
    const text = Object.hasOwn(explanations, ruleId) ? textOf(explanations[ruleId]) : '';
    if (text === '') {
      issues.push(explanationIssue(first, ruleId, `${first.message}——须填写核实说明后才能正式提交（提示规则 ${ruleId}）`));
    } else if (lengthOf(text) > MAX_EXPLANATION_LENGTH) {
      issues.push(explanationIssue(first, ruleId, `核实说明（提示规则 ${ruleId}）不能超过 ${MAX_EXPLANATION_LENGTH} 字，现为 ${lengthOf(text)} 字`));
    }
  }
  return issues;
}

export interface ExplanationCheck {
  /** The explanations to keep: those of the warnings that hold, trimmed. */
  kept: Explanations;
  /** Refusals, in the engine's issue shape (errors). */
  issues: Issue[];
}

/**
 * What the server keeps of the explanations sent with a save or a submit. A key that is no warning
 * rule of the form, or a value that is not a text within the length, is refused; the explanation
 * of a warning rule that does not hold now (the data changed since it was written) is dropped.
 * On a submit every warning that holds needs its explanation.
 */
export function checkExplanations(
  definition: FormDefinition,
  warnings: readonly Issue[],
  explanations: Readonly<Record<string, unknown>> = {},
  submit: boolean,
): ExplanationCheck {
  const warningRules = new Set((definition.rules?.validations ?? []).filter((r) => r.severity === 'warning').map((r) => r.id));
  const holding = new Map(warningsByRule(warnings).map(({ ruleId, issues }) => [ruleId, issues[0]!]));
  const issues: Issue[] = [];
  const kept: [string, string][] = [];
  for (const [ruleId, value] of Object.entries(explanations)) {
    if (!warningRules.has(ruleId)) {
      issues.push(explanationIssue(FORM, ruleId, `核实说明所对应的提示规则“${ruleId}”不是本表的提示规则`));
      continue;
    }
    const warning = holding.get(ruleId);
    const at = warning ?? FORM;
    if (typeof value !== 'string') {
      issues.push(explanationIssue(at, ruleId, `核实说明（提示规则 ${ruleId}）应为文字`));
      continue;
    }
    const text = value.trim();
    if (lengthOf(text) > MAX_EXPLANATION_LENGTH) {
      issues.push(explanationIssue(at, ruleId, `核实说明（提示规则 ${ruleId}）不能超过 ${MAX_EXPLANATION_LENGTH} 字，现为 ${lengthOf(text)} 字`));
      continue;
    }
    if (warning && text !== '') kept.push([ruleId, text]);
  }
  if (submit) {
    const refused = new Set(issues.map((i) => i.code));
    for (const issue of unexplainedWarnings(warnings, explanations)) if (!refused.has(issue.code)) issues.push(issue);
  }
  return { kept: Object.fromEntries(kept), issues };
}
