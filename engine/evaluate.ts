// evaluate(definition, data, context): the one function every caller runs, in the browser and
// on the server. It copies the data (schema fields only), computes read-only values and
// visibility in dependency order (hidden values are dropped before anything reads them), then
// validates the result with ajv and the definition's rules. Invalid data never throws: every
// problem comes back as an Issue; data past the engine's limits (budget/limits.ts) gets one issue
// and is not evaluated.
import { dataLimitIssue } from './budget/dataLimitIssue';
import { BUDGET_ISSUE_CODE, MAX_COMPUTED_SIZE } from './budget/limits';
import { plainJson } from './budget/plainJson';
import { english } from './i18n/englishMessages';
import { compileForm, type CompiledForm, type CompiledNode, type CompiledValidation } from './compileForm';
import { RuleBudgetError, type CompiledRule, type RootScope } from './rules/compileRule';
import { truthy } from './rules/truthy';
import type { EvaluationContext, EvaluationResult, FormData, FormDefinition, Issue, Severity } from './types';
import { fieldLabel, rowPrefix } from './validation/fieldLabel';
import { numberIssues } from './validation/numberBounds';
import { schemaIssues } from './validation/schemaIssues';

/** Runs a compiled rule on user data; a rule that fails on odd data yields undefined, never a throw. */
export function run(rule: CompiledRule, scope: RootScope): unknown {
  try {
    return rule(scope);
  } catch {
    return undefined;
  }
}

export function allVisible(conditions: CompiledRule[], scope: RootScope): boolean {
  for (const condition of conditions) if (!truthy(run(condition, scope))) return false;
  return true;
}

function containerOf(base: Record<string, unknown>, segments: string[], create: boolean): Record<string, unknown> | null {
  let current = base;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    let next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (!create) return null;
      next = {};
      current[key] = next;
    }
    current = next as Record<string, unknown>;
  }
  return current;
}

export function pointerOf(table: string | null, row: number, segments: string[]): string {
  return table ? `/${table}/${row}/${segments.join('/')}` : `/${segments.join('/')}`;
}

/**
 * A node's computed value as stored (plain JSON, budget/plainJson.ts), or undefined; one past what
 * is left of the evaluation's budget is dropped and its place recorded.
 */
function computedValue(compute: CompiledRule, scope: RootScope, pointer: string): unknown {
  const budget = scope.budget;
  try {
    const stored = plainJson(compute(scope), budget ? budget.left : Infinity);
    if (!('tooLarge' in stored)) {
      if (budget) budget.left -= stored.size;
      return stored.value;
    }
  } catch (e) {
    if (!(e instanceof RuleBudgetError)) return undefined;
  }
  budget?.exceeded.push(pointer);
  return undefined;
}

export function applyNode(node: CompiledNode, base: Record<string, unknown>, scope: RootScope, pointer: string, hidden: Set<string>): void {
  const last = node.segments[node.segments.length - 1]!;
  if (node.compute) {
    const value = computedValue(node.compute, scope, pointer);
    const container = containerOf(base, node.segments, value !== undefined);
    if (container) {
      if (value === undefined) delete container[last];
      else container[last] = value;
    }
  }
  if (node.visible.length > 0 && !allVisible(node.visible, scope)) {
    const container = containerOf(base, node.segments, false);
    if (container) delete container[last];
    hidden.add(pointer);
  }
}

function runNodes(form: CompiledForm, data: FormData, scope: RootScope, hidden: Set<string>): void {
  for (const node of form.nodes) {
    if (node.table === null) {
      applyNode(node, data, scope, pointerOf(null, 0, node.segments), hidden);
      continue;
    }
    const rows = data[node.table];
    if (!Array.isArray(rows)) continue;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
      scope.row = row as Record<string, unknown>;
      applyNode(node, scope.row, scope, pointerOf(node.table, i, node.segments), hidden);
    }
    scope.row = undefined;
  }
}

function isHidden(rule: CompiledValidation, row: number, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  for (const pointerAt of rule.hiddenBy) if (hidden.has(pointerAt(row))) return true;
  return false;
}

/** Checks one rule (on one row); the pointer and the message are made only when it fails. */
function checkOne(form: CompiledForm, rule: CompiledValidation, scope: RootScope, row: number, issues: Issue[]): void {
  if (rule.when && !truthy(run(rule.when, scope))) return;
  if (truthy(run(rule.assert, scope))) return;
  let message: string;
  try {
    message = rule.message(scope);
  } catch {
    message = rule.id;
  }
  const prefix = rule.table === null ? '' : rowPrefix(rule.table, row, form.index, form.language);
  issues.push({ path: pointerOf(rule.table, row, rule.segments), field: rule.field, code: rule.code, message: prefix + message, severity: rule.severity });
}

/** The issues of the definition's rules (only those of severity `only`, when given). */
export function ruleIssues(form: CompiledForm, data: FormData, scope: RootScope, hidden: ReadonlySet<string>, only?: Severity): Issue[] {
  const issues: Issue[] = [];
  scope.memo = new Map();
  for (const rule of form.validations) {
    if (only !== undefined && rule.severity !== only) continue;
    if (rule.table === null) {
      if (!isHidden(rule, 0, hidden)) checkOne(form, rule, scope, 0, issues);
      continue;
    }
    const rows = data[rule.table];
    if (!Array.isArray(rows)) continue;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
      if (isHidden(rule, i, hidden)) continue;
      scope.row = row as Record<string, unknown>;
      checkOne(form, rule, scope, i, issues);
    }
    scope.row = undefined;
  }
  scope.memo = undefined;
  return issues;
}

/** One issue per computed value dropped for the budget: the evaluation's output stays bounded. */
function budgetIssues(form: CompiledForm, scope: RootScope): Issue[] {
  return (scope.budget?.exceeded ?? []).map((path) => {
    const { code, label } = fieldLabel(path, form.index, form.language);
    const message = form.language === 'en'
      ? `${label}: the computed result is too large: this evaluation's results exceed ${MAX_COMPUTED_SIZE / 1024} KB in all and were not kept`
      : `${label}的计算结果过大：本次计算的结果合计超过 ${MAX_COMPUTED_SIZE / 1024} KB，未能保存`;
    return { path, field: code, code: BUDGET_ISSUE_CODE, message, severity: 'error' as const };
  });
}

export function evaluate(definition: FormDefinition, input: unknown, context: EvaluationContext = {}): EvaluationResult {
  const form = compileForm(definition);
  return evaluateCompiled(form, input, context);
}

/** The scope rules run in: the data and what the context knows. */
export function rootScope(data: FormData, context: EvaluationContext): RootScope {
  return {
    data, params: context.params ?? undefined, household: context.household ?? undefined, row: undefined, approval: undefined,
    budget: { left: MAX_COMPUTED_SIZE, exceeded: [] },
  };
}

export function evaluateCompiled(form: CompiledForm, input: unknown, context: EvaluationContext = {}): EvaluationResult {
  const tooBig = dataLimitIssue(input);
  if (tooBig) {
    const issue = form.language === 'en' ? { ...tooBig, message: english(tooBig.message) } : tooBig;
    return { data: {}, hidden: [], hiddenSections: [], errors: [issue], warnings: [], valid: false };
  }
  const data = form.normalize(input);
  // Numbers that lost digits are dropped before anything computes with them.
  const numbers = numberIssues(form.numbers, data, form.index, form.language);
  const scope = rootScope(data, context);
  const hidden = new Set<string>();
  runNodes(form, data, scope, hidden);
  const hiddenSections = form.sections.filter((s) => !allVisible(s.visible, scope)).map((s) => s.id);
  const issues: Issue[] = budgetIssues(form, scope);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const message = '表单数据格式错误：应为一个对象';
    issues.push({ path: '', field: '', code: 'type', message: form.language === 'en' ? english(message) : message, severity: 'error' });
  }
  issues.push(...numbers.filter((i) => !hidden.has(i.path)));
  const schemaValid = form.validate(data);
  // A number refused for its length is not also said to be missing.
  const refused = new Set(numbers.map((i) => i.path));
  if (!schemaValid) issues.push(...schemaIssues(form.validate.errors, data, form.index, hidden, form.language).filter((i) => !refused.has(i.path)));
  issues.push(...ruleIssues(form, data, scope, hidden));
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return { data, hidden: [...hidden], hiddenSections, errors, warnings, valid: errors.length === 0 };
}
