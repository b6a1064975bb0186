// The formula tests' shared set-up: a small form with a field of every kind the formula language
// reads (a group, a table, yes/no, options, year-months, dates, ID numbers, campaign parameters),
// its scopes, and helpers that compile a formula and give its rule, type, errors or value.
import { expect } from 'vitest';
import {
  buildFieldIndex, compileFormula, compileRule, residentIdCheckDigit,
  type FormDefinition, type FormulaError, type FormulaScope,
} from '@engine';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';

export const form: FormDefinition = defineForm({
  divisionCode: text('行政区划代码', { format: 'division-code' }),
  address: { type: 'object', title: '地址', properties: { county: text('县') } },
  A1: yesNo('A1 居住在安置区'),
  A3: text('A3 监测对象类别', { enum: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] }),
  A7: text('A7 纳入监测时间', { format: 'year-month' }),
  A8: text('A8 户主身份证号', { format: 'resident-id' }),
  A27: { type: 'array', title: 'A27 风险类型', items: { type: 'string', enum: ['因病', '因学', '因自然灾害', '其他'] }, uniqueItems: true },
  A27_other: text('A27 其他风险类型'),
  A28: money('A28 工资性收入（元）'),
  A29: money('A29 生产经营性收入（元）'),
  A30: money('A30 财产性收入（元）'),
  A31: money('A31 转移性收入（元）'),
  A32: money('A32 生产经营性支出（元）'),
  A33: readOnlyMoney('A33 家庭纯收入（元）'),
  A34: readOnlyMoney('A34 家庭人均纯收入（元）'),
  A54: text('A54 风险消除时间', { format: 'year-month' }),
  L4_qty: { type: 'number', title: '4 (1) 粮食作物 数量（亩）' },
  addReason: { type: 'string', title: '增加原因', oneOf: [{ const: '1', title: '新生儿' }, { const: '2', title: '婚入' }] },
  fillDate: text('填表日期', { format: 'date' }),
  members: table('家庭成员', {
    A5: text('A5 姓名'),
    A7: text('A7 身份证号', { format: 'id-number' }),
    A8: text('A8 与户主关系', { enum: ['户主', '配偶', '之子', '之女'] }),
    A14: text('A14 劳动技能', { enum: ['普通劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力'] }),
    A16: { type: 'integer', title: 'A16 务工时间（月）' },
    A17: yesNo('A17 是否参加基本医疗保险'),
    A28: money('务工收入（元）'),
  }),
}, {}, {
  parameters: {
    incomeLine: { title: '监测收入线（元/人·年）', type: 'number' },
    incomePeriodStart: { title: '收入计算周期开始日', type: 'date' },
    incomePeriodEnd: { title: '收入计算周期结束日', type: 'date' },
    referenceDate: { title: '统计时点', type: 'date' },
  },
});

export const scope: FormulaScope = { fields: buildFieldIndex(form.schema), parameters: form.parameters! };
export const inMembers: FormulaScope = { ...scope, table: 'members' };
const PARAMS = { incomeLine: 6000, incomePeriodStart: '2020-10-01', incomePeriodEnd: '2021-09-30', referenceDate: '2021-09-30' };

export function logicOf(formula: string, where: FormulaScope = scope): unknown {
  const result = compileFormula(formula, where);
  if (!result.ok) throw new Error(`${formula}: ${JSON.stringify(result.errors)}`);
  return result.logic;
}

export function typeOf(formula: string, where: FormulaScope = scope): string {
  const result = compileFormula(formula, where);
  if (!result.ok) throw new Error(`${formula}: ${JSON.stringify(result.errors)}`);
  return result.type;
}

export function errorsOf(formula: string, where: FormulaScope = scope): FormulaError[] {
  const result = compileFormula(formula, where);
  if (result.ok) throw new Error(`${formula} compiled to ${JSON.stringify(result.logic)}`);
  return result.errors;
}

/** The one error of a formula, with the text it underlines. */
export function errorOf(formula: string, where: FormulaScope = scope): { message: string; underlined: string } {
  const errors = errorsOf(formula, where);
  expect(errors, formula).toHaveLength(1);
  return { message: errors[0]!.message, underlined: formula.slice(errors[0]!.start, errors[0]!.end) };
}

interface RunContext {
  where?: FormulaScope;
  params?: Record<string, unknown>;
  household?: unknown;
  row?: Record<string, unknown>;
}

export function run(formula: string, data: Record<string, unknown> = {}, context: RunContext = {}): unknown {
  const logic = logicOf(formula, context.where ?? scope);
  return compileRule(logic)({ data, params: context.params ?? PARAMS, household: context.household, row: context.row, approval: undefined });
}

/** An 18-digit resident ID with a correct check digit. */
export function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}
