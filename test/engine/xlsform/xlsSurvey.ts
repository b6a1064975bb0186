// The survey the XLSForm expression tests write in: questions of every kind ODK's examples use,
// a member repeat and two campaign parameters, and small helpers that compile an expression,
// run it as the engine does and read its one error with the text it underlines.
import { expect } from 'vitest';
import { buildFieldIndex, compileRule, residentIdCheckDigit, type FormDefinition, type FormulaScope, type Household } from '@engine';
import { compileXlsExpression } from '@engine/xlsform';
import { defineForm, money, table, text, yesNo } from '../../helpers/defineForm';

export const survey: FormDefinition = defineForm({
  age: { type: 'integer', title: '年龄' },
  enrolled: yesNo('是否在校'),
  colors: { type: 'array', title: '喜欢的颜色', items: { type: 'string', enum: ['red', 'green', 'blue'] }, uniqueItems: true },
  gender: text('性别', { enum: ['male', 'female'] }),
  salary_income: money('工资收入'), self_employed_income: money('经营收入'),
  income: money('收入'), expenses: money('支出'), bill: money('账单'), percent_int: { type: 'integer', title: '百分数' },
  even_number: { type: 'integer', title: '偶数' },
  first_name: text('名'), last_name: text('姓'), phone: text('电话'), idNumber: text('身份证号', { format: 'resident-id' }),
  visitDate: text('走访日期', { format: 'date' }), riskMonth: text('风险消除年月', { format: 'year-month' }),
  note: text('备注'),
  members: table('家庭成员', {
    name: text('姓名'), relation: text('与户主关系', { enum: ['户主', '配偶', '之子', '之女'] }),
    A7: text('身份证号', { format: 'resident-id' }), workMonths: { type: 'integer', title: '务工月数' }, wage: money('务工收入'),
    insured: yesNo('参加医保'),
  }),
}, {}, { parameters: { incomeLine: { title: '监测收入线（元/人·年）', type: 'number' }, referenceDate: { title: '统计时点', type: 'date' } } });

export const scope: FormulaScope = { fields: buildFieldIndex(survey.schema), parameters: survey.parameters! };
export const inMembers: FormulaScope = { ...scope, table: 'members' };
export const PARAMS = { incomeLine: 6000, referenceDate: '2021-09-30' };

export function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}

export function logicOf(expression: string, where: FormulaScope = scope, self?: string): unknown {
  const result = compileXlsExpression(expression, where, { self });
  if (!result.ok) throw new Error(`${expression}: ${JSON.stringify(result.errors)}`);
  return result.logic;
}

/** The value an expression gives on the data, as the engine runs the JSON-Logic. */
export function run(expression: string, data: Record<string, unknown>, options: { where?: FormulaScope; row?: Record<string, unknown>; self?: string; household?: Household } = {}): unknown {
  const rule = compileRule(logicOf(expression, options.where ?? scope, options.self));
  return rule({ data, params: PARAMS, household: options.household, row: options.row, approval: undefined });
}

/** The one error of an expression, with the text it underlines. */
export function errorOf(expression: string, where: FormulaScope = scope, self?: string): { message: string; underlined: string } {
  const result = compileXlsExpression(expression, where, { self });
  if (result.ok) throw new Error(`${expression} compiled to ${JSON.stringify(result.logic)}`);
  expect(result.errors, expression).toHaveLength(1);
  const [error] = result.errors;
  return { message: error!.message, underlined: expression.slice(error!.start, error!.end) };
}
