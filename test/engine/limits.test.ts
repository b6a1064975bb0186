import { describe, expect, it } from 'vitest';
import {
  buildFieldIndex, checkDefinition, compileForm, compileFormula, compileRule, DefinitionError, evaluate, formulaOf, logicToCondition,
  MAX_DATA_DEPTH, MAX_DEFINITION_DEPTH, MAX_SUBMISSION_SIZE,
} from '@engine';
import { defineForm, money, readOnlyMoney, text } from '../helpers/defineForm';

function nested(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

const deepRule = nested(3000, { var: 'A28' }, (inner) => ({ '+': [inner, 1] }));
const fields = { A28: money('A28 工资性收入（元）'), A33: readOnlyMoney('A33 家庭纯收入（元）'), A5: text('A5 姓名') };
const scope = { fields: buildFieldIndex({ type: 'object', properties: fields }), parameters: {} };

describe('depth and size are bounded before any recursive walk', () => {
  it('refuses a rule 3,000 levels deep with a problem at its place, not a stack overflow', () => {
    for (const where of ['computed', 'visibility', 'validations'] as const) {
      const rules = where === 'computed' ? { computed: [{ field: 'A33', value: deepRule }] }
        : where === 'visibility' ? { visibility: [{ field: 'A5', when: deepRule }] }
          : { validations: [{ id: 'v', field: 'A28', assert: deepRule, message: 'A28 测试' }] };
      const problems = checkDefinition(defineForm(fields, rules));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toBe(`表单定义嵌套过深：超过 ${MAX_DEFINITION_DEPTH} 层`);
      expect(problems[0]!.path).toMatch(new RegExp(`^/rules/${where}/0/`));
      expect(() => compileForm(defineForm(fields, rules))).toThrow(DefinitionError);
    }
  });

  it('refuses a registry effect and a uiSchema nested as deep', () => {
    const effect = defineForm(fields, {}, { registry: { effects: [{ type: 'setFields', set: { phone: deepRule } }] } });
    expect(checkDefinition(effect)[0]!.message).toMatch(/表单定义嵌套过深/);
    const ui = defineForm(fields, {}, { uiSchema: { A5: nested(5000, 'x', (inner) => ({ 'ui:options': inner })) as Record<string, unknown> } });
    expect(checkDefinition(ui)[0]!.message).toMatch(/表单定义嵌套过深/);
  });

  it('refuses a field whose $ref points into itself instead of following it forever', () => {
    const selfRef = defineForm({ b: { type: 'object', properties: { c: { $ref: '#/properties/b' } } } });
    const problems = checkDefinition(selfRef);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/嵌套过深.*\$ref 是否指向了自身/));
  });

  it('compiles, decompiles and reads back as a condition no rule deeper than the cap', () => {
    expect(() => compileRule(deepRule)).toThrow(/规则嵌套过深/);
    expect(formulaOf(deepRule, scope)).toBeNull();
    expect(logicToCondition({ and: [deepRule] }, scope)).toBeNull();
    expect(logicToCondition(nested(5000, true, (inner) => ({ and: [inner] })), scope)).toBeNull();
  });

  it('answers a formula thousands of parentheses or operators long with a message, not a stack overflow', () => {
    const parens = compileFormula(`${'('.repeat(5000)}A28${')'.repeat(5000)}`, scope);
    expect(parens).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^公式太长/) }] });
    expect(compileFormula(`${'-'.repeat(20000)}1`, scope).ok).toBe(false);
    expect(compileFormula(Array(20000).fill('A28').join('+'), scope).ok).toBe(false);
    const nestedFormula = compileFormula(`${'('.repeat(100)}A28${')'.repeat(100)}`, scope);
    expect(nestedFormula).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^公式嵌套过深/) }] });
    expect(compileFormula('(A28 + 1) * 2', scope).ok).toBe(true);
  });

  it('answers submission data 5,000 levels deep with an issue, not a RangeError', () => {
    const definition = defineForm(fields, { computed: [{ field: 'A33', value: { '+': [{ var: ['A28', 0] }, 1] } }] });
    for (const deep of [nested(5000, 1, (inner) => [inner]), nested(5000, 1, (inner) => ({ a: inner }))]) {
      const result = evaluate(definition, { A28: 1, A5: deep });
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([expect.objectContaining({ code: 'limit', message: `表单数据嵌套过深：超过 ${MAX_DATA_DEPTH} 层` })]);
      expect(result.errors[0]!.path).toMatch(/^\/A5\/(0|a)\//);
      expect(result.data).toEqual({});
    }
  });

  it('answers data too large or with too many values with an issue', () => {
    const definition = defineForm(fields);
    expect(evaluate(definition, { A5: 'x'.repeat(MAX_SUBMISSION_SIZE) }).errors[0]!.message).toBe(`表单数据过大：超过 ${MAX_SUBMISSION_SIZE / 1024} KB`);
    expect(evaluate(definition, { A5: Array.from({ length: 200_000 }, () => 0) }).errors[0]!.message).toMatch(/^表单数据过多/);
    expect(evaluate(definition, { A5: '张三', A28: 100 }).valid).toBe(true);
  });
});
