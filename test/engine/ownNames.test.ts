import { describe, expect, it } from 'vitest';
import {
  applyEffects, checkDefinition, compileForm, compileFormula, compileRule, conditionToLogic, formulaOf, evaluate, fillText, householdValue, logicToCondition,
  prefillData, buildFieldIndex, type FormDefinition, type Household,
} from '@engine';
import { defineForm, table, text } from '../helpers/defineForm';

const RESERVED = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

const household: Household = {
  id: 'h1', divisionCode: '500118104201', headName: '张大山', headIdNumber: '500228198506120010',
  members: [{ name: '张大山', idNumber: '500228198506120010' }],
};

/** Plain JSON: what JSON.parse(JSON.stringify(v)) gives back unchanged, with no function or odd prototype anywhere. */
function expectPlainJson(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    expect(typeof v).not.toBe('function');
    if (v !== null && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
      stack.push(...Object.values(v));
    }
  }
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

function errorsAt(definition: unknown, path: string) {
  return checkDefinition(definition).filter((p) => p.severity === 'error' && p.path === path).map((p) => p.message);
}

/** A definition naming `name` as a registry field, an effect's target, a parameter and a field. */
function hostile(name: string): FormDefinition {
  return defineForm(
    { A1: text('A1 家庭地址'), members: table('家庭成员', { name: text('姓名') }) },
    {},
    {
      parameters: JSON.parse(`{"${name}": {"title": "参数", "type": "string"}}`),
      registry: {
        prefill: [{ field: 'A1', from: name }, { field: 'members', from: 'members', columns: JSON.parse(`{"name": "${name}"}`) }],
        effects: [{ type: 'setFields', set: JSON.parse(`{"${name}": {"var": "A1"}}`) }],
      },
    },
  );
}

describe('names from definitions are looked up among own, declared names only', () => {
  for (const name of RESERVED) {
    it(`checkDefinition refuses "${name}" as a registry field, an effect target, a member field, a parameter and a field code`, () => {
      const definition = hostile(name);
      expect(errorsAt(definition, '/registry/prefill/0/from')).toEqual([`户信息中没有字段 "${name}"`]);
      expect(errorsAt(definition, `/registry/effects/0/set/${name}`)).toEqual([`户信息中没有字段 "${name}"`]);
      expect(errorsAt(definition, '/registry/prefill/1/columns/name')).toEqual([`家庭成员信息中没有字段 "${name}"`]);
      expect(errorsAt(definition, `/parameters/${name}`)).toEqual([`"${name}" 是保留名称，不能用作活动参数名`]);
      const field = defineForm(JSON.parse(`{"${name === '__proto__' ? 'toString' : name}": {"type": "string"}}`));
      expect(checkDefinition(field).map((p) => p.message).join()).toMatch(/是保留名称，不能用作字段编码|只能由字母/);
    });

    it(`checkDefinition refuses "${name}" in a var path and in $params, even undeclared`, () => {
      const definition = defineForm({ A1: { type: 'array', items: { type: 'string' } }, A2: { type: 'string', readOnly: true } }, {
        computed: [{ field: 'A2', value: { cat: [{ var: `$params.${name}` }, { map: [{ var: 'A1' }, { var: name }] }] } }],
      });
      const messages = checkDefinition(definition).map((p) => `${p.path} ${p.message}`);
      expect(messages).toContain(`/rules/computed/0/value/cat/0/var var 路径不能包含 "${name}"`);
      expect(messages).toContain(`/rules/computed/0/value/cat/1/map/1/var var 路径不能包含 "${name}"`);
    });

    it(`prefill and effects of an unchecked definition naming "${name}" copy no function or prototype`, () => {
      const definition = hostile(name);
      const data = prefillData(definition, household);
      expect(data.A1).toBeUndefined();
      expectPlainJson(data);
      expect(householdValue(household, name)).toBeUndefined();
      const outcome = applyEffects(definition, { A1: { polluted: true } as unknown as string }, household, { month: '2021-09' });
      expectPlainJson(outcome.household);
      expect(Object.keys(outcome.household!)).toEqual(Object.keys(household));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it(`a compiled rule reads "${name}" as nothing, in data, elements, parameters and the household`, () => {
      const scope = { data: { x: 'abc', list: ['a', 'b'] }, params: {}, household, row: undefined, approval: undefined };
      expect(compileRule({ var: `x.${name}` })(scope)).toBeNull();
      expect(compileRule({ var: `$params.${name}` })(scope)).toBeNull();
      expect(compileRule({ var: `$household.${name}` })(scope)).toBeNull();
      expect(compileRule({ var: name })(scope)).toBeNull();
      expect(compileRule({ map: [{ var: 'list' }, { var: name }] })(scope)).toEqual([null, null]);
      expect(compileRule({ reduce: [{ var: 'list' }, { var: `accumulator.${name}` }, 'x'] })(scope)).toBeNull();
      expect(() => compileRule(JSON.parse(`{"${name}": [1]}`))).toThrow(/不允许的运算/);
    });

    it(`formulas name "${name}" as no function, parameter or household field`, () => {
      const scopeOf = { fields: buildFieldIndex({ type: 'object', properties: { A1: { type: 'number' } } }), parameters: { line: { title: '收入线', type: 'number' as const } } };
      expect(compileFormula(`${name}(A1)`, scopeOf)).toMatchObject({ ok: false, errors: [{ message: `不认识的函数 ${name}` }] });
      expect(compileFormula(`$params.${name} + 1`, scopeOf)).toMatchObject({ ok: false, errors: [{ message: `没有活动参数 ${name}` }] });
      expect(compileFormula(`户.${name}`, scopeOf)).toMatchObject({ ok: false, errors: [{ message: `户信息中没有 ${name}` }] });
      expect(formulaOf({ var: `$params.${name}` }, scopeOf)).toBeNull();
    });

    it(`the condition builder and message placeholders treat "${name}" as unknown`, () => {
      const scopeOf = { fields: buildFieldIndex({ type: 'object', properties: { A1: { type: 'number' } } }), parameters: {} };
      const built = conditionToLogic({ join: 'and', clauses: [{ field: 'A1', op: name as 'gt', value: 1 }] }, scopeOf);
      expect(built.ok).toBe(false);
      expect(logicToCondition(JSON.parse(`{"${name}": [{"var": "A1"}, 1]}`), scopeOf)).toBeNull();
      const form = compileForm(defineForm({ A1: text('A1') }));
      expect(fillText(form, `参数 {{$params.${name}}}，字段 {{A1.${name}}}`, { params: {} }, { A1: 'x' })).toBe('参数 （空），字段 （空）');
    });
  }

  it('evaluation of data carrying prototype names returns plain JSON', () => {
    const definition = defineForm({ A1: text('A1'), members: table('家庭成员', { name: text('姓名') }) });
    const result = evaluate(definition, JSON.parse('{"A1": "x", "__proto__": {"A1": 1}, "constructor": 1, "members": [{"name": "a", "toString": 1}]}'));
    expect(result.data).toEqual({ A1: 'x', members: [{ name: 'a' }] });
    expectPlainJson(result.data);
  });

  it('stores computed values and effects as plain JSON: NaN dropped, kept as null inside a list, no shared objects', () => {
    const definition = defineForm(
      { A1: text('A1'), A2: { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 3 }, C1: { type: 'number', readOnly: true }, C2: { type: 'array', items: {}, readOnly: true } },
      { computed: [{ field: 'C1', value: { '+': [{ var: 'A1' }, 1] } }, { field: 'C2', value: { merge: [{ '/': [0, 0] }, { var: 'A2' }] } }] },
      { registry: { effects: [{ type: 'setFields', set: { phone: { '*': [{ var: 'A1' }, 2] }, mainRisk: { merge: [{ '-': [1, { var: 'A1' }] }] } } }] } },
    );
    expect(checkDefinition(definition)).toEqual([]);
    const input = { A1: 'abc', A2: ['x'] };
    const result = evaluate(definition, input);
    expect(result.data).toEqual({ A1: 'abc', A2: ['x'], C2: [null, 'x'] });
    expectPlainJson(result.data);
    const outcome = applyEffects(definition, result.data, household, { month: '2021-09' });
    expect(outcome.household).toEqual({ ...household, mainRisk: [null] });
    expectPlainJson(outcome.household);
  });
});
