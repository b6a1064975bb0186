// Runs a form's test cases (example households with what must come out) through the engine.
// Publishing refuses a definition whose cases fail, so a changed formula cannot silently break
// last year's logic; the test suite runs the seed forms' cases too.
import { compileForm, type CompiledForm } from '../compileForm';
import { evaluateCompiled } from '../evaluate';
import type { CaseResult, EvaluationResult, FormCase, FormDefinition, Issue } from '../types';
import { valueAt } from '../validation/fieldLabel';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function matches(issue: Issue, want: { path: string; code?: string; messageIncludes?: string }): boolean {
  return issue.path === want.path
    && (want.code === undefined || issue.code === want.code)
    && (want.messageIncludes === undefined || issue.message.includes(want.messageIncludes));
}

function describeIssues(issues: Issue[]): string {
  return issues.length === 0 ? '无' : issues.map((i) => `${i.path} ${i.message}`).join('；');
}

export function checkCase(result: EvaluationResult, expect: FormCase['expect']): string[] {
  const failures: string[] = [];
  if (expect.valid !== undefined && result.valid !== expect.valid) {
    failures.push(expect.valid ? `应无错误，实际错误：${describeIssues(result.errors)}` : '应有错误，实际没有');
  }
  for (const [pointer, want] of Object.entries(expect.values ?? {})) {
    const got = valueAt(result.data, pointer);
    if (!same(got, want)) failures.push(`${pointer} 应为 ${JSON.stringify(want)}，实际为 ${JSON.stringify(got ?? null)}`);
  }
  for (const [kind, wanted, issues] of [
    ['错误', expect.errors ?? [], result.errors],
    ['警告', expect.warnings ?? [], result.warnings],
  ] as const) {
    for (const want of wanted) {
      if (!issues.some((issue) => matches(issue, want))) {
        failures.push(`${want.path} 应有${kind}${want.messageIncludes ? `“${want.messageIncludes}”` : ''}，实际${kind}：${describeIssues(issues)}`);
      }
    }
  }
  for (const path of expect.noIssuesAt ?? []) {
    const found = [...result.errors, ...result.warnings].filter((i) => i.path === path);
    if (found.length > 0) failures.push(`${path} 不应有提示，实际：${describeIssues(found)}`);
  }
  const hidden = new Set(result.hidden);
  for (const path of expect.hidden ?? []) if (!hidden.has(path)) failures.push(`${path} 应隐藏，实际显示`);
  for (const path of expect.visible ?? []) if (hidden.has(path)) failures.push(`${path} 应显示，实际隐藏`);
  return failures;
}

export function runCases(
  definition: FormDefinition,
  cases: FormCase[],
  defaultParams: { [name: string]: unknown } = {},
): CaseResult[] {
  return runCompiledCases(compileForm(definition), cases, defaultParams);
}

/** The same on a compiled form (the form builder's, made from precompiled validators). */
export function runCompiledCases(
  form: CompiledForm,
  cases: FormCase[],
  defaultParams: { [name: string]: unknown } = {},
): CaseResult[] {
  return cases.map((c) => {
    const result = evaluateCompiled(form, c.data, { params: { ...defaultParams, ...c.params }, household: c.household ?? null });
    const failures = checkCase(result, c.expect);
    return { name: c.name, passed: failures.length === 0, failures };
  });
}
