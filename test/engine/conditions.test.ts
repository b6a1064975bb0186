// The condition builder's model: "show when [field] [is/is not/contains/>/<] [value]", joined by
// and/or, to JSON-Logic with Chinese errors per clause, and the seeds' visibility rules back into
// clauses when they fit, meaning the same on generated households.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildFieldIndex, compileRule, conditionToLogic, evaluate, logicToCondition,
  type Condition, type FormDefinition, type FormulaScope, type Household,
} from '@engine';
import { checkRule } from '@engine/definition/checkRules';
import { truthy } from '@engine/rules/truthy';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';
import { FORMS_DIR, loadCampaign, loadForm } from '../helpers/forms';
import { pick, randomFormData, seededRandom } from '../helpers/randomData';

const form: FormDefinition = defineForm({
  A1: yesNo('A1 居住在安置区'),
  A2: text('A2 安置区地址'),
  A3: text('A3 监测对象类别', { enum: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] }),
  A27: { type: 'array', title: 'A27 风险类型', items: { type: 'string', enum: ['因病', '因学', '因自然灾害', '其他'] }, uniqueItems: true },
  A16: { type: 'integer', title: 'A16 外出务工人数' },
  A28: money('A28 工资性收入（元）'),
  A34: readOnlyMoney('A34 家庭人均纯收入（元）'),
  A54: text('A54 风险消除时间', { format: 'year-month' }),
  fillDate: text('填表日期', { format: 'date' }),
  addReason: { type: 'string', title: '增加原因', oneOf: [{ const: '1', title: '新生儿' }, { const: '2', title: '婚入' }] },
  members: table('家庭成员', {
    A14: text('A14 劳动技能', { enum: ['普通劳动力', '丧失劳动力', '无劳动力'] }),
    A16: { type: 'integer', title: 'A16 务工时间（月）' },
    A17: yesNo('A17 是否参加基本医疗保险'),
  }),
}, {}, { parameters: { incomeLine: { title: '监测收入线（元/人·年）', type: 'number' } } });

const scope: FormulaScope = { fields: buildFieldIndex(form.schema), parameters: form.parameters! };
const inMembers: FormulaScope = { ...scope, table: 'members' };

function logicOf(condition: Condition, where: FormulaScope = scope): unknown {
  const result = conditionToLogic(condition, where);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.logic;
}

function errorsOf(condition: Condition, where: FormulaScope = scope) {
  const result = conditionToLogic(condition, where);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.logic)}`);
  return result.errors;
}

const when = (field: string, op: Condition['clauses'][number]['op'], value?: unknown): Condition => ({
  join: 'and', clauses: [value === undefined ? { field, op } : { field, op, value }],
});

function holds(condition: Condition, data: Record<string, unknown>, row?: Record<string, unknown>, where: FormulaScope = scope): boolean {
  return truthy(compileRule(logicOf(condition, where))({ data, params: {}, household: undefined, row, approval: undefined }));
}

describe('conditionToLogic', () => {
  it('A1 is 是: {"==": [{"var": "A1"}, true]}, as the seed shows A2', () => {
    expect(logicOf(when('A1', 'is', true))).toEqual({ '==': [{ var: 'A1' }, true] });
    expect(holds(when('A1', 'is', true), { A1: true })).toBe(true);
    expect(holds(when('A1', 'is', true), { A1: false })).toBe(false);
  });

  it('is and is not an option, 是/否 also given as text', () => {
    expect(logicOf(when('A3', 'is', '边缘易致贫户'))).toEqual({ '==': [{ var: 'A3' }, '边缘易致贫户'] });
    expect(logicOf(when('A3', 'isNot', '边缘易致贫户'))).toEqual({ '!=': [{ var: 'A3' }, '边缘易致贫户'] });
    expect(logicOf(when('A1', 'isNot', '否'))).toEqual({ '!=': [{ var: 'A1' }, false] });
  });

  it('is one of and is none of several options', () => {
    expect(logicOf(when('A3', 'is', ['脱贫不稳定户', '边缘易致贫户']))).toEqual({ in: [{ var: 'A3' }, ['脱贫不稳定户', '边缘易致贫户']] });
    expect(logicOf(when('A3', 'isNot', ['脱贫不稳定户', '边缘易致贫户']))).toEqual({ '!': { in: [{ var: 'A3' }, ['脱贫不稳定户', '边缘易致贫户']] } });
    expect(holds(when('A3', 'isNot', ['脱贫不稳定户', '边缘易致贫户']), { A3: '突发严重困难户' })).toBe(true);
  });

  it('takes an option by its label and writes its value ("新生儿" is "1")', () => {
    expect(logicOf(when('addReason', 'is', '新生儿'))).toEqual({ '==': [{ var: 'addReason' }, '1'] });
  });

  it('contains and does not contain an option of a multiple choice, or a piece of text', () => {
    expect(logicOf(when('A27', 'contains', '因自然灾害'))).toEqual({ in: ['因自然灾害', { var: 'A27' }] });
    expect(logicOf(when('A27', 'notContains', '其他'))).toEqual({ '!': { in: ['其他', { var: 'A27' }] } });
    expect(logicOf(when('A2', 'contains', '安置区'))).toEqual({ in: ['安置区', { var: 'A2' }] });
    expect(holds(when('A27', 'contains', '因自然灾害'), { A27: ['因病', '因自然灾害'] })).toBe(true);
    expect(holds(when('A27', 'contains', '因自然灾害'), {})).toBe(false);
  });

  it('compares numbers and dates, a number also typed as text', () => {
    expect(logicOf(when('A28', 'gt', 0))).toEqual({ '>': [{ var: 'A28' }, 0] });
    expect(logicOf(when('A34', 'lt', '6000'))).toEqual({ '<': [{ var: 'A34' }, 6000] });
    expect(logicOf(when('A54', 'gte', '2021-03'))).toEqual({ '>=': [{ var: 'A54' }, '2021-03'] });
    expect(logicOf(when('fillDate', 'lte', '2021-09-30'))).toEqual({ '<=': [{ var: 'fillDate' }, '2021-09-30'] });
    expect(holds(when('A54', 'gte', '2021-03'), { A54: '2021-10' })).toBe(true);
  });

  it('is empty and is not empty as the formula language writes them: 0 and 否 are answers', () => {
    expect(logicOf(when('A54', 'isEmpty'))).toEqual({ '!': { var: 'A54' } });
    expect(logicOf(when('A54', 'isNotEmpty'))).toEqual({ '!!': { var: 'A54' } });
    expect(logicOf(when('A28', 'isEmpty'))).toEqual({ '!!': { missing: ['A28'] } });
    expect(holds(when('A28', 'isNotEmpty'), { A28: 0 })).toBe(true);
    expect(holds(when('A1', 'isNotEmpty'), { A1: false })).toBe(true);
    expect(holds(when('A27', 'isEmpty'), { A27: [] })).toBe(true);
  });

  it('joins clauses with and or or', () => {
    const condition: Condition = { join: 'or', clauses: [{ field: 'A1', op: 'is', value: true }, { field: 'A28', op: 'gte', value: 1000 }] };
    expect(logicOf(condition)).toEqual({ or: [{ '==': [{ var: 'A1' }, true] }, { '>=': [{ var: 'A28' }, 1000] }] });
    expect(holds(condition, { A1: false, A28: 2000 })).toBe(true);
    expect(holds({ ...condition, join: 'and' }, { A1: false, A28: 2000 })).toBe(false);
  });

  it("tests the current row's columns in a rule on a column, by key or by code", () => {
    const byKey = when('members.A14', 'isNot', ['无劳动力', '丧失劳动力']);
    expect(logicOf(byKey, inMembers)).toEqual({ '!': { in: [{ var: '$row.A14' }, ['无劳动力', '丧失劳动力']] } });
    expect(logicOf(when('A14', 'isNot', ['无劳动力', '丧失劳动力']), inMembers)).toEqual(logicOf(byKey, inMembers));
    expect(holds(byKey, {}, { A14: '普通劳动力' }, inMembers)).toBe(true);
    expect(holds(byKey, {}, { A14: '无劳动力' }, inMembers)).toBe(false);
  });

  it("takes a field's key as that field, even beside a column of the same code", () => {
    expect(logicOf(when('A16', 'gt', 1), inMembers)).toEqual({ '>': [{ var: 'A16' }, 1] });
    expect(logicOf(when('members.A16', 'gt', 1), inMembers)).toEqual({ '>': [{ var: '$row.A16' }, 1] });
    expect(logicToCondition({ '>': [{ var: 'A16' }, 1] }, inMembers)).toEqual(when('A16', 'gt', 1));
    expect(logicToCondition({ '>': [{ var: '$row.A16' }, 1] }, inMembers)).toEqual(when('members.A16', 'gt', 1));
  });

  it('tests household fields', () => {
    expect(logicOf(when('$household.kind', 'is', '脱贫户'))).toEqual({ '==': [{ var: '$household.kind' }, '脱贫户'] });
    expect(logicOf(when('$household.identifiedMonth', 'isNotEmpty'))).toEqual({ '!!': { var: '$household.identifiedMonth' } });
  });

  it('writes rules the definition checker accepts', () => {
    const conditions: [Condition, FormulaScope][] = [
      [when('A1', 'is', true), scope], [when('A27', 'contains', '其他'), scope], [when('A28', 'isEmpty'), scope],
      [when('members.A14', 'isNot', ['无劳动力']), inMembers], [when('A17', 'is', false), inMembers],
      [when('$household.kind', 'is', ['脱贫户', '边缘易致贫户']), scope],
      [{ join: 'or', clauses: [{ field: 'A54', op: 'gt', value: '2021-01' }, { field: 'A2', op: 'notContains', value: '安置' }] }, scope],
    ];
    for (const [condition, where] of conditions) {
      expect(checkRule(logicOf(condition, where), '/when', form, scope.fields, where.table ?? null), JSON.stringify(condition)).toEqual([]);
    }
  });
});

describe('conditionToLogic: errors, per clause, in Chinese', () => {
  it('a field the form does not have', () => {
    expect(errorsOf(when('A99', 'is', 1))).toEqual([{ clause: 0, message: '没有字段 A99' }]);
    expect(errorsOf(when('', 'is', 1))).toEqual([{ clause: 0, message: '请选择字段' }]);
  });

  it('contains on something that is neither a multiple choice nor text', () => {
    expect(errorsOf(when('A28', 'contains', '1'))).toEqual([{ clause: 0, message: '“包含”只能用于多选或文字字段，A28 是数字' }]);
  });

  it('greater or less on something that is neither a number nor a date', () => {
    expect(errorsOf(when('A3', 'gt', '边缘易致贫户'))).toEqual([{ clause: 0, message: '“大于”只能用于数字或日期，A3 是文字' }]);
    expect(errorsOf(when('A1', 'lte', true))[0]!.message).toBe('“小于等于”只能用于数字或日期，A1 是是/否');
  });

  it('is on a multiple choice', () => {
    expect(errorsOf(when('A27', 'is', '因病'))).toEqual([{ clause: 0, message: 'A27 是多选，请用“包含”或“不包含”' }]);
  });

  it('a value that is not one of the options, or not of the field type', () => {
    expect(errorsOf(when('A3', 'is', '脱贫户'))).toEqual([{ clause: 0, message: 'A3 没有选项“脱贫户”（可选：脱贫不稳定户、边缘易致贫户、突发严重困难户）' }]);
    expect(errorsOf(when('A27', 'contains', '因灾'))[0]!.message).toBe('A27 没有选项“因灾”（可选：因病、因学、因自然灾害、其他）');
    expect(errorsOf(when('A1', 'is', '可能'))[0]!.message).toBe('A1 是“是/否”，只能与 是 或 否 比较，不能与文字“可能”比较');
    expect(errorsOf(when('A28', 'gt', '很多'))[0]!.message).toBe('A28 是数字，请填写数字');
    expect(errorsOf(when('A54', 'gt', '2021-03-01'))[0]!.message).toBe('A54 是年月，请写成 2021-09');
    expect(errorsOf(when('fillDate', 'gt', '2021-03'))[0]!.message).toBe('fillDate 是日期，请写成 2021-09-30');
    expect(errorsOf(when('A3', 'is', []))[0]!.message).toBe('请至少选择一个A3的值');
  });

  it('a missing value', () => {
    expect(errorsOf(when('A3', 'is'))).toEqual([{ clause: 0, message: '请填写A3是什么' }]);
    expect(errorsOf(when('A28', 'gt', ''))[0]!.message).toBe('请填写A28大于什么');
  });

  it('a table, or a column outside its own rules', () => {
    expect(errorsOf(when('members', 'isEmpty'))[0]!.message).toBe('members 是表格，不能作为条件；表格的列请在该列的显示条件中使用');
    expect(errorsOf(when('members.A14', 'is', '无劳动力'))[0]!.message).toBe('members.A14 是表格 members 中的一列，只能用于该表格中的列的条件');
    expect(errorsOf(when('$params.incomeLine', 'gt', 1))[0]!.message).toBe('$params.incomeLine 是活动参数，不能作为条件');
  });

  it('no clause at all', () => {
    expect(errorsOf({ join: 'and', clauses: [] })).toEqual([{ clause: -1, message: '请至少添加一个条件' }]);
  });

  it('reports every clause that is wrong, by its index', () => {
    const condition: Condition = { join: 'and', clauses: [
      { field: 'A1', op: 'is', value: true }, { field: 'A99', op: 'is', value: 1 }, { field: 'A28', op: 'contains', value: '1' },
    ] };
    expect(errorsOf(condition).map((e) => e.clause)).toEqual([1, 2]);
  });
});

describe('logicToCondition', () => {
  const monitoring = loadForm('monitoring-object');
  const where: FormulaScope = { fields: buildFieldIndex(monitoring.schema), parameters: monitoring.parameters ?? {} };
  const visibility = (field: string) => monitoring.rules!.visibility!.find((r) => r.field === field)!.when;

  it("shows A2's rule as A1 is 是", () => {
    expect(logicToCondition(visibility('A2'), where)).toEqual({ join: 'and', clauses: [{ field: 'A1', op: 'is', value: true }] });
  });

  it("shows A27a's rule as A27 contains 因自然灾害, the [] default of the var included", () => {
    expect(logicToCondition(visibility('A27a'), where)).toEqual({ join: 'and', clauses: [{ field: 'A27', op: 'contains', value: '因自然灾害' }] });
  });

  it("shows members.A16's rule as the row's A14 is none of 无劳动力, 丧失劳动力", () => {
    expect(logicToCondition(visibility('members.A16'), { ...where, table: 'members' })).toEqual({
      join: 'and', clauses: [{ field: 'members.A14', op: 'isNot', value: ['无劳动力', '丧失劳动力'] }],
    });
  });

  it("reads the seeds' ways of saying filled and empty", () => {
    expect(logicToCondition({ '!!': { var: 'A54' } }, where)).toEqual({ join: 'and', clauses: [{ field: 'A54', op: 'isNotEmpty' }] });
    expect(logicToCondition({ '!': { missing: ['A53'] } }, where)).toEqual({ join: 'and', clauses: [{ field: 'A53', op: 'isNotEmpty' }] });
    expect(logicToCondition({ '!=': [{ var: 'A34' }, null] }, where)).toEqual({ join: 'and', clauses: [{ field: 'A34', op: 'isNotEmpty' }] });
    expect(logicToCondition({ '!': { var: 'A54' } }, where)).toEqual({ join: 'and', clauses: [{ field: 'A54', op: 'isEmpty' }] });
  });

  it('reads comparisons either way round, and a join of several', () => {
    expect(logicToCondition({ '<': [6000, { var: 'A34' }] }, where)).toEqual({ join: 'and', clauses: [{ field: 'A34', op: 'gt', value: 6000 }] });
    expect(logicToCondition({ or: [{ '==': [{ var: 'A1' }, true] }, { '!==': [{ var: 'A3' }, '边缘易致贫户'] }] }, where)).toEqual({
      join: 'or', clauses: [{ field: 'A1', op: 'is', value: true }, { field: 'A3', op: 'isNot', value: '边缘易致贫户' }],
    });
  });

  it('gives null for what the builder cannot show', () => {
    // members.A14 of member-additions: a value between two bounds of a function of the row.
    const additions = loadForm('member-additions');
    const rule = additions.rules!.visibility!.find((r) => r.field === 'members.A14')!.when;
    expect(logicToCondition(rule, { fields: buildFieldIndex(additions.schema), parameters: additions.parameters ?? {}, table: 'members' })).toBeNull();
    expect(logicToCondition({ '<': [{ var: 'A34' }, { var: '$params.incomeLine' }] }, where)).toBeNull();
    expect(logicToCondition({ and: [{ or: [{ var: 'A1' }, { var: 'A23' }] }, { var: 'A25' }] }, where)).toBeNull();
    expect(logicToCondition({ '==': [{ var: 'A99' }, 1] }, where)).toBeNull();
    expect(logicToCondition({ '==': [{ var: 'A3' }, '脱贫户'] }, where)).toBeNull();
    expect(logicToCondition({ '!!': { var: 'A28' } }, where)).toBeNull();
  });
});

// Every shipped visibility rule the builder can show, saved again by the builder, must show and
// hide the same fields on generated households (well-typed, as the engine computes them).
const DEFINITIONS = readdirSync(FORMS_DIR)
  .filter((id) => existsSync(join(FORMS_DIR, id, 'definition.json')))
  .map((id) => loadForm(id));

const HOUSEHOLDS: (Household | undefined)[] = [
  undefined,
  { divisionCode: '500118104202', headName: '王五', headIdNumber: '11010519491231002X', kind: '边缘易致贫户', identifiedMonth: '2021-03', members: [] },
];

function wellTyped(value: unknown, schema: Record<string, any>): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (schema.type === 'number') return typeof value === 'number' ? value : undefined;
  if (schema.type === 'integer') return Number.isInteger(value) ? value : undefined;
  if (schema.type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (schema.type === 'string') return typeof value === 'string' ? value : undefined;
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return Array.isArray(value) ? value.map((row) => wellTypedObject(row, schema.items)).filter(Boolean) : undefined;
  }
  if (schema.type === 'array') return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  if (schema.type === 'object') return wellTypedObject(value, schema);
  return value;
}

function wellTypedObject(value: unknown, schema: Record<string, any>): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).flatMap(([key, child]) => {
    const kept = schema.properties?.[key] ? wellTyped(child, schema.properties[key]) : undefined;
    return kept === undefined ? [] : [[key, kept]];
  }));
}

describe('logicToCondition and conditionToLogic over the shipped visibility rules', () => {
  const shown = DEFINITIONS.flatMap((definition) => {
    const index = buildFieldIndex(definition.schema);
    return (definition.rules?.visibility ?? []).map((rule) => {
      const where: FormulaScope = { fields: index, parameters: definition.parameters ?? {}, table: rule.field ? index.fields.get(rule.field)?.table ?? undefined : undefined };
      return { definition, rule, where, condition: logicToCondition(rule.when, where) };
    });
  });

  it('shows every shipped visibility rule but the two that bound an age computed from the ID', () => {
    expect(shown.filter((s) => s.condition === null).map((s) => `${s.definition.id} ${s.rule.field ?? s.rule.section}`).sort()).toEqual([
      'member-additions members.A14', 'poverty-identification members.A14',
    ]);
    expect(shown.filter((s) => s.condition !== null)).toHaveLength(19);
  });

  it('saves each shown rule again as one the definition checker accepts', () => {
    for (const { definition, rule, where, condition } of shown) {
      if (!condition) continue;
      const logic = logicOf(condition, where);
      expect(checkRule(logic, '/when', definition, where.fields, where.table ?? null), rule.field ?? rule.section).toEqual([]);
    }
  });

  it('shows and hides the same fields on 300 generated households per form', () => {
    const params = loadCampaign('2021').parameters;
    const random = seededRandom(4242);
    let compared = 0;
    for (const { definition, rule, where, condition } of shown) {
      if (!condition) continue;
      const original = compileRule(rule.when);
      const again = compileRule(logicOf(condition, where));
      for (let n = 0; n < 300; n++) {
        const generated = wellTypedObject(randomFormData(definition, random), definition.schema)!;
        const household = pick(random, HOUSEHOLDS);
        const data = evaluate(definition, generated, { params, household }).data;
        const rows = where.table ? (Array.isArray(generated[where.table]) ? (generated[where.table] as Record<string, unknown>[]) : []) : [undefined];
        for (const row of rows) {
          const s = { data, params, household, row, approval: undefined };
          expect(truthy(again(s)), `${definition.id} ${rule.field ?? rule.section} on ${JSON.stringify(row ?? data)}`).toBe(truthy(original(s)));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(15 * 300);
  });
});
