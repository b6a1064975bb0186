// Warnings and their explanations (核实说明) on the monitoring-object form, with the households of
// its shipped cases: 李扎约 of 双江县勐勐镇 (脱贫户, 5,999 元 per person against a 6,000 元 line)
// and 陈国富 of 永川区双石镇 (a member whose 性别 disagrees with her ID number).
import { describe, expect, it } from 'vitest';
import {
  checkExplanations, compileForm, currentWarnings, evaluateChange, evaluateCompiled, MAX_EXPLANATION_LENGTH, unexplainedWarnings,
  type ChangeState, type EvaluationContext, type FormCase, type FormData,
} from '@engine';
import { loadCases, loadForm } from '../helpers/forms';

const definition = loadForm('monitoring-object');
const form = compileForm(definition);

function kase(prefix: string): FormCase {
  const found = loadCases('monitoring-object').find((c) => c.name.startsWith(prefix));
  if (!found) throw new Error(`no case ${prefix}`);
  return found;
}

const li = kase('脱贫户人均 5999 元（低于 6000 元收入线）填突发严重困难户');
const chen = kase('A6 性别与身份证第 17 位不符');
const context = (c: FormCase): EvaluationContext => ({ params: c.params, household: c.household ?? null });

function start(c: FormCase): ChangeState {
  const full = evaluateCompiled(form, c.data, context(c));
  return { data: full.data, hidden: new Set(full.hidden), hiddenSections: new Set(full.hiddenSections) };
}

function change(state: ChangeState, key: string, value: unknown, c: FormCase): ChangeState {
  return evaluateChange(form, state, { ...state.data, [key]: value } as FormData, key, context(c));
}

describe('currentWarnings', () => {
  it('gives the warnings evaluate() gives, with the values of now, as A28 changes', () => {
    let state = start(li);
    expect(currentWarnings(form, state, context(li)).map((w) => w.message)).toEqual([
      'A3 监测对象类别：A34 家庭人均纯收入 5999 元低于收入线 6000 元，脱贫户（A4 为“是”）应为脱贫不稳定户',
    ]);
    // 3,003 more yuan of wages: 6,000 per person, not below the line, and 突发严重困难户 is right.
    state = change(state, 'A28', 12603, li);
    expect(currentWarnings(form, state, context(li))).toEqual([]);
    // 3,000 more again but 脱贫不稳定户 chosen: the other rule warns, worded with the new A34.
    state = change(change(state, 'A28', 15603, li), 'A3', '脱贫不稳定户', li);
    const warnings = currentWarnings(form, state, context(li));
    expect(warnings).toEqual(evaluateCompiled(form, state.data, context(li)).warnings);
    expect(warnings[0]).toMatchObject({ path: '/A3', code: 'rule:kind-at-or-above-line', message: expect.stringContaining('A34 家庭人均纯收入 8000 元不低于收入线') });
  });

  it('runs the warning rules on table rows and leaves errors to evaluate()', () => {
    const state = start(chen);
    expect(currentWarnings(form, state, context(chen)).map((w) => [w.path, w.code])).toEqual([['/members/1/A6', 'rule:member-gender-matches-id']]);
    const withError = change(state, 'E3', true, chen);
    expect(currentWarnings(form, withError, context(chen)).every((w) => w.severity === 'warning')).toBe(true);
  });
});

describe('unexplainedWarnings', () => {
  const warnings = evaluateCompiled(form, li.data, context(li)).warnings;

  it('asks for an explanation of each warning rule, at its field, naming the rule', () => {
    const issues = unexplainedWarnings(warnings, {});
    expect(issues).toEqual([{
      path: '/A3', field: 'A3', code: 'explanation:kind-below-line-poverty-exited', severity: 'error',
      message: expect.stringMatching(/^A3 监测对象类别：A34 家庭人均纯收入 5999 元.*须填写核实说明.*kind-below-line-poverty-exited/),
    }]);
    expect(unexplainedWarnings(warnings, { 'kind-below-line-poverty-exited': '  ' })).toHaveLength(1);
    expect(unexplainedWarnings(warnings, { 'kind-below-line-poverty-exited': '户主年底务工收入已到账，已核实' })).toEqual([]);
  });

  it('wants one explanation for a rule that warns on several rows', () => {
    const twoRows = { ...chen.data, members: (chen.data.members as FormData[]).map((m, i) => (i === 3 ? { ...m, A6: '男' } : m)) };
    const rowWarnings = evaluateCompiled(form, twoRows, context(chen)).warnings;
    expect(rowWarnings.map((w) => w.path)).toEqual(['/members/1/A6', '/members/3/A6']);
    expect(unexplainedWarnings(rowWarnings).map((i) => i.path)).toEqual(['/members/1/A6']);
    expect(unexplainedWarnings(rowWarnings, { 'member-gender-matches-id': '户籍登记有误，已告知派出所更正' })).toEqual([]);
  });

  it('refuses an explanation past the length', () => {
    const long = '核'.repeat(MAX_EXPLANATION_LENGTH + 1);
    expect(unexplainedWarnings(warnings, { 'kind-below-line-poverty-exited': long })[0]!.message).toContain(`不能超过 ${MAX_EXPLANATION_LENGTH} 字`);
  });
});

describe('checkExplanations', () => {
  const warnings = evaluateCompiled(form, li.data, context(li)).warnings;
  const explained = { 'kind-below-line-poverty-exited': ' 户主年底务工收入已到账，已核实 ' };

  it('keeps the explanations of the warnings that hold, trimmed, and lets a draft go without them', () => {
    expect(checkExplanations(definition, warnings, explained, true)).toEqual({ kept: { 'kind-below-line-poverty-exited': '户主年底务工收入已到账，已核实' }, issues: [] });
    expect(checkExplanations(definition, warnings, {}, false)).toEqual({ kept: {}, issues: [] });
    expect(checkExplanations(definition, warnings, {}, true).issues.map((i) => i.code)).toEqual(['explanation:kind-below-line-poverty-exited']);
  });

  it('drops the explanation of a warning rule that no longer holds', () => {
    const check = checkExplanations(definition, warnings, { ...explained, 'kind-at-or-above-line': '旧的说明' }, true);
    expect(check).toEqual({ kept: { 'kind-below-line-poverty-exited': '户主年底务工收入已到账，已核实' }, issues: [] });
  });

  it('refuses keys that are no warning rule of the form, values that are not text, and long texts', () => {
    const check = checkExplanations(definition, warnings, {
      'exclusion-e3': '不是提示', 'no-such-rule': 'x', 'kind-below-line-poverty-exited': 42 as unknown as string,
    }, true);
    expect(check.issues.map((i) => [i.path, i.code])).toEqual([
      ['', 'explanation:exclusion-e3'], ['', 'explanation:no-such-rule'], ['/A3', 'explanation:kind-below-line-poverty-exited'],
    ]);
    expect(check.issues[0]!.message).toBe('核实说明所对应的提示规则“exclusion-e3”不是本表的提示规则');
    expect(check.issues[2]!.message).toBe('核实说明（提示规则 kind-below-line-poverty-exited）应为文字');
    const long = checkExplanations(definition, warnings, { 'kind-below-line-poverty-exited': '核'.repeat(501) }, false);
    expect(long.issues.map((i) => i.message)).toEqual([`核实说明（提示规则 kind-below-line-poverty-exited）不能超过 ${MAX_EXPLANATION_LENGTH} 字，现为 501 字`]);
    expect(long.kept).toEqual({});
  });
});
