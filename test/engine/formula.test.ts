// The formula language: what administrators write as in Excel, compiled to the engine's JSON-Logic
// and read back. Operators and precedence, names, every function, every error with its offsets,
// the seed forms' formulas giving the seed's numbers, and the round trip over every shipped rule.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildFieldIndex, compileFormula, compileRule, evaluate, formulaOf, residentIdCheckDigit,
  type FormDefinition, type FormulaError, type FormulaScope, type Household,
} from '@engine';
import { checkRule } from '@engine/definition/checkRules';
import { truthy } from '@engine/rules/truthy';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';
import { FORMS_DIR, loadCampaign, loadForm } from '../helpers/forms';
import { seededRandom } from '../helpers/randomData';
import { compareOnHouseholds } from '../helpers/sameOnHouseholds';
import { shippedRules, type ShippedRule } from '../helpers/shippedRules';

const form: FormDefinition = defineForm({
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

const scope: FormulaScope = { fields: buildFieldIndex(form.schema), parameters: form.parameters! };
const inMembers: FormulaScope = { ...scope, table: 'members' };
const PARAMS = { incomeLine: 6000, incomePeriodStart: '2020-10-01', incomePeriodEnd: '2021-09-30', referenceDate: '2021-09-30' };

function logicOf(formula: string, where: FormulaScope = scope): unknown {
  const result = compileFormula(formula, where);
  if (!result.ok) throw new Error(`${formula}: ${JSON.stringify(result.errors)}`);
  return result.logic;
}

function typeOf(formula: string, where: FormulaScope = scope): string {
  const result = compileFormula(formula, where);
  if (!result.ok) throw new Error(`${formula}: ${JSON.stringify(result.errors)}`);
  return result.type;
}

function errorsOf(formula: string, where: FormulaScope = scope): FormulaError[] {
  const result = compileFormula(formula, where);
  if (result.ok) throw new Error(`${formula} compiled to ${JSON.stringify(result.logic)}`);
  return result.errors;
}

/** The one error of a formula, with the text it underlines. */
function errorOf(formula: string, where: FormulaScope = scope): { message: string; underlined: string } {
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

function run(formula: string, data: Record<string, unknown> = {}, context: RunContext = {}): unknown {
  const logic = logicOf(formula, context.where ?? scope);
  return compileRule(logic)({ data, params: context.params ?? PARAMS, household: context.household, row: context.row, approval: undefined });
}

/** An 18-digit resident ID with a correct check digit. */
function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}

describe('compileFormula: operators and precedence', () => {
  it('multiplies before it adds: 1+2*3 is 7', () => {
    expect(logicOf('1+2*3')).toEqual({ '+': [1, { '*': [2, 3] }] });
    expect(run('1+2*3')).toBe(7);
  });

  it('groups with parentheses first: (1+2)*3 is 9', () => {
    expect(logicOf('(1+2)*3')).toEqual({ '*': [{ '+': [1, 2] }, 3] });
    expect(run('(1+2)*3')).toBe(9);
  });

  it('subtracts and divides from the left: 20-5-3 is 12 and 24/4/2 is 3', () => {
    expect(run('20-5-3')).toBe(12);
    expect(run('24/4/2')).toBe(3);
    expect(run('20-(5-3)')).toBe(18);
  });

  it('adds a chain of fields in one +, reading an empty amount as 0', () => {
    expect(logicOf('A28 + A29 + A30')).toEqual({ '+': [{ var: ['A28', 0] }, { var: ['A29', 0] }, { var: ['A30', 0] }] });
    expect(run('A28 + A29 + A30', { A28: 1000, A30: 250.5 })).toBe(1250.5);
  });

  it('reads a computed field as it is, so a value that could not be computed stays empty', () => {
    expect(logicOf('A33 + A28')).toEqual({ '+': [{ var: 'A33' }, { var: ['A28', 0] }] });
    expect(run('A33 + A28', { A28: 5 })).toBeNaN();
  });

  it('negates a field, -A28 * 2 being (-A28) * 2', () => {
    expect(logicOf('-A28')).toEqual({ '-': [{ var: ['A28', 0] }] });
    expect(run('-A28 * 2', { A28: 7 })).toBe(-14);
    expect(logicOf('-5')).toBe(-5);
    expect(logicOf('+5')).toBe(5);
  });

  it('reads 5% as 0.05', () => {
    expect(logicOf('5%')).toBe(0.05);
    expect(run('A28 * 10%', { A28: 300 })).toBeCloseTo(30);
  });

  it('refuses ^ and says to multiply instead', () => {
    expect(errorOf('2^3')).toEqual({ message: '不支持乘方“^”，请写成连乘，如 A1*A1', underlined: '^' });
  });

  it('joins text with & into one cat', () => {
    expect(logicOf('A27_other & "（" & A3 & "）"')).toEqual({ cat: [{ var: 'A27_other' }, '（', { var: 'A3' }, '）'] });
    expect(run('"共" & 3 & "人"')).toBe('共3人');
  });

  it("compares with Excel's operators: = is ==, <> is !=", () => {
    expect(logicOf('A3 = "边缘易致贫户"')).toEqual({ '==': [{ var: 'A3' }, '边缘易致贫户'] });
    expect(logicOf('A3 <> "边缘易致贫户"')).toEqual({ '!=': [{ var: 'A3' }, '边缘易致贫户'] });
    expect(logicOf('A28 >= 100')).toEqual({ '>=': [{ var: 'A28' }, 100] });
    expect(logicOf('A28 <= A29')).toEqual({ '<=': [{ var: 'A28' }, { var: 'A29' }] });
  });

  it('binds comparisons loosest: A28 + 1 > A29 * 2 compares the two sums', () => {
    expect(logicOf('A28 + 1 > A29 * 2')).toEqual({ '>': [{ '+': [{ var: ['A28', 0] }, 1] }, { '*': [{ var: ['A29', 0] }, 2] }] });
  });

  it('reads 6 <= x <= 16 as between', () => {
    expect(logicOf('6 <= A16 <= 16', inMembers)).toEqual({ '<=': [6, { var: '$row.A16' }, 16] });
    expect(logicOf('6 < A16 <= 16', inMembers)).toEqual({ and: [{ '<': [6, { var: '$row.A16' }] }, { '<=': [{ var: '$row.A16' }, 16] }] });
    expect(run('6 <= A16 <= 16', {}, { where: inMembers, row: { A16: 16 } })).toBe(true);
    expect(run('6 <= A16 <= 16', {}, { where: inMembers, row: { A16: 17 } })).toBe(false);
  });

  it('refuses comparisons chained in other ways', () => {
    expect(errorOf('1 > A28 > 0').message).toBe('比较不能连写，请用 AND(…, …) 把两个比较分开写');
    expect(errorOf('1 = A28 = 1').underlined).toBe('=');
  });

  it('reads 是/否 and TRUE/FALSE as yes and no', () => {
    expect(logicOf('A1 = 是')).toEqual({ '==': [{ var: 'A1' }, true] });
    expect(logicOf('A1 = false')).toEqual({ '==': [{ var: 'A1' }, false] });
    expect(logicOf('A1 = 否')).toEqual(logicOf('A1 = FALSE'));
  });

  it('reads numbers and text, in straight or Chinese quotes, "" inside text being a quote', () => {
    expect(logicOf('6000.5')).toBe(6000.5);
    expect(logicOf('“因病”')).toBe('因病');
    expect(logicOf('"说""是"""')).toBe('说"是"');
    expect(logicOf('"乡（镇）内"')).toBe('乡（镇）内');
  });

  it('reads full-width punctuation as typed, keeping the offsets of the text', () => {
    expect(logicOf('SUM（A28，A29）')).toEqual(logicOf('SUM(A28, A29)'));
    expect(logicOf('A28＋A29＞＝１００')).toEqual(logicOf('A28+A29>=100'));
    expect(logicOf('MAX(A28、A29) × 2 ÷ 4')).toEqual(logicOf('MAX(A28, A29) * 2 / 4'));
    expect(logicOf('A28 ≥ 1')).toEqual(logicOf('A28 >= 1'));
    expect(logicOf('A3 ≠ "边缘易致贫户"')).toEqual(logicOf('A3 <> "边缘易致贫户"'));
    expect(errorOf('SUM（A28，A99）')).toEqual({ message: '没有字段 A99', underlined: 'A99' });
  });
});

describe('compileFormula: names', () => {
  it('reads fields by their codes, A27_other and L4_qty included, case-insensitively when unique', () => {
    expect(logicOf('A27_other')).toEqual({ var: 'A27_other' });
    expect(logicOf('L4_qty * 2')).toEqual({ '*': [{ var: ['L4_qty', 0] }, 2] });
    expect(logicOf('a28 + 1')).toEqual(logicOf('A28 + 1'));
    expect(logicOf('divisionCode')).toEqual({ var: 'divisionCode' });
  });

  it('reads a field of a group by its dotted key', () => {
    expect(logicOf('address.county = "永川区"')).toEqual({ '==': [{ var: 'address.county' }, '永川区'] });
    expect(errorOf('address = "x"').message).toBe('address 是一组字段，请写出其中的字段，如 address.…');
  });

  it('reads campaign parameters by name, by the title the administrator sees, or by its telling part', () => {
    const line = { var: '$params.incomeLine' };
    expect(logicOf('incomeLine')).toEqual(line);
    expect(logicOf('$params.incomeLine')).toEqual(line);
    expect(logicOf('监测收入线')).toEqual(line);
    expect(logicOf('收入线')).toEqual(line);
    expect(logicOf('[监测收入线（元/人·年）]')).toEqual(line);
    expect(logicOf('【监测收入线（元/人·年）】')).toEqual(line);
    expect(logicOf('统计时点')).toEqual({ var: '$params.referenceDate' });
  });

  it('asks for the whole title when a part of it names several parameters', () => {
    expect(errorOf('MONTHS(收入计算周期, A7)').message).toBe('“收入计算周期” 可能是 收入计算周期开始日、收入计算周期结束日，请写完整');
  });

  it('reads household fields as 户.kind or $household.kind, unless the scope has no household', () => {
    expect(logicOf('户.kind = "脱贫户"')).toEqual({ '==': [{ var: '$household.kind' }, '脱贫户'] });
    expect(logicOf('$household.kind = "脱贫户"')).toEqual(logicOf('户.kind = "脱贫户"'));
    expect(logicOf('COUNT(户.members)')).toEqual({ count: { var: '$household.members' } });
    expect(errorOf('户.kind = "脱贫户"', { ...scope, household: false }).message).toBe('这里不能读取户信息');
    expect(errorOf('户.colour').message).toBe('户信息中没有 colour');
    expect(errorOf('户.kind = "富裕户"').message).toMatch(/^户\.kind 没有选项“富裕户”/);
  });

  it("reads the current row's columns by code in a rule on a column, before a field of the same code", () => {
    expect(logicOf('A16 > 6', inMembers)).toEqual({ '>': [{ var: '$row.A16' }, 6] });
    expect(logicOf('$row.A16 > 6', inMembers)).toEqual(logicOf('A16 > 6', inMembers));
    expect(logicOf('A28 + 1', inMembers)).toEqual({ '+': [{ var: ['$row.A28', 0] }, 1] });
    expect(logicOf('A28 + 1')).toEqual({ '+': [{ var: ['A28', 0] }, 1] });
    expect(logicOf('A3', inMembers)).toEqual({ var: 'A3' });
  });

  it('reads the form\'s own field past a column of the same code as 本表.A28, and shows it so', () => {
    expect(logicOf('本表.A28 + A28', inMembers)).toEqual({ '+': [{ var: ['A28', 0] }, { var: ['$row.A28', 0] }] });
    expect(formulaOf({ '>': [{ var: 'A28' }, { var: '$row.A28' }] }, inMembers)).toBe('本表.A28 > A28');
    expect(formulaOf({ '>': [{ var: 'A28' }, 0] }, scope)).toBe('A28 > 0');
  });

  it('refuses $row outside a rule on a column, and columns the table lacks', () => {
    expect(errorOf('$row.A16 > 1').message).toBe('$row 只能用于表格列上的规则');
    expect(errorOf('$row.A99 > 1', inMembers).message).toBe('表格 members 中没有列 A99');
    expect(errorOf('$params.povertyLine').message).toBe('没有活动参数 povertyLine');
  });
});

describe('compileFormula: functions', () => {
  it('SUM adds values and totals a column of a table', () => {
    expect(logicOf('SUM(A28, A29)')).toEqual({ '+': [{ var: ['A28', 0] }, { var: ['A29', 0] }] });
    expect(logicOf('SUM(members.A16)')).toEqual({ sum: [{ var: 'members' }, 'A16'] });
    expect(logicOf('SUM(members.A28, A28)')).toEqual({ '+': [{ sum: [{ var: 'members' }, 'A28'] }, { var: ['A28', 0] }] });
    expect(run('SUM(members.A16)', { members: [{ A16: 6 }, {}, { A16: 3 }] })).toBe(9);
  });

  it('COUNT counts the rows of a table or the options chosen', () => {
    expect(logicOf('COUNT(members)')).toEqual({ count: { var: 'members' } });
    expect(run('COUNT(members)', { members: [{}, {}] })).toBe(2);
    expect(run('COUNT(A27)', { A27: ['因病', '其他'] })).toBe(2);
  });

  it('COUNTIF counts the rows whose column equals a value, 是/否 and options included', () => {
    expect(logicOf('COUNTIF(members.A17, 否)')).toEqual({ count: { filter: [{ var: 'members' }, { '==': [{ var: 'A17' }, false] }] } });
    expect(logicOf('COUNTIF(members.A14, "无劳动力")')).toEqual({ count: { filter: [{ var: 'members' }, { '==': [{ var: 'A14' }, '无劳动力'] }] } });
    expect(logicOf('COUNTIF(members.A17, "否")')).toEqual(logicOf('COUNTIF(members.A17, 否)'));
    expect(run('COUNTIF(members.A17, 否)', { members: [{ A17: false }, { A17: true }, { A17: false }, {}] })).toBe(2);
  });

  it('COUNTIF takes criteria as in Excel: ">=6", "<>户主", "" for blank and "<>" for filled', () => {
    expect(logicOf('COUNTIF(members.A16, ">=6")')).toEqual({ count: { filter: [{ var: 'members' }, { '>=': [{ var: 'A16' }, 6] }] } });
    expect(logicOf('COUNTIF(members.A8, "<>户主")')).toEqual({ count: { filter: [{ var: 'members' }, { '!=': [{ var: 'A8' }, '户主'] }] } });
    const members = [{ A5: '陈国富', A16: 9, A8: '户主' }, { A16: 3, A8: '配偶' }, { A5: '陈小军', A16: 6 }];
    expect(run('COUNTIF(members.A16, ">=6")', { members })).toBe(2);
    expect(run('COUNTIF(members.A8, "<>户主")', { members })).toBe(2);
    expect(run('COUNTIF(members.A5, "")', { members })).toBe(1);
    expect(run('COUNTIF(members.A5, "<>")', { members })).toBe(2);
  });

  it('COUNTIFS counts the rows meeting every criterion, SUMIF totals a column over them', () => {
    const members = [{ A14: '普通劳动力', A16: 9 }, { A14: '普通劳动力', A16: 2 }, { A14: '无劳动力', A16: 12 }];
    expect(run('COUNTIFS(members.A14, "普通劳动力", members.A16, ">=6")', { members })).toBe(1);
    expect(logicOf('SUMIF(members.A14, "普通劳动力", members.A16)')).toEqual({
      sum: [{ filter: [{ var: 'members' }, { '==': [{ var: 'A14' }, '普通劳动力'] }] }, 'A16'],
    });
    expect(run('SUMIF(members.A14, "普通劳动力", members.A16)', { members })).toBe(11);
  });

  it('ROUND rounds half away from zero to 0-6 decimals', () => {
    expect(logicOf('ROUND(A28 / 3, 2)')).toEqual({ round: [{ '/': [{ var: ['A28', 0] }, 3] }, 2] });
    expect(run('ROUND(A28 / 3, 2)', { A28: 100 })).toBe(33.33);
    expect(run('ROUND(2.5)')).toBe(3);
    expect(run('ROUND(-2.5)')).toBe(-3);
  });

  it('MIN, MAX, ABS and MOD compute on numbers', () => {
    expect(run('MIN(A28, A29, 500)', { A28: 800, A29: 300 })).toBe(300);
    expect(run('MAX(A28 - A32, 0)', { A28: 800, A32: 1000 })).toBe(0);
    expect(logicOf('ABS(A28)')).toEqual({ max: [{ var: ['A28', 0] }, { '-': [{ var: ['A28', 0] }] }] });
    expect(run('ABS(A28 - A32)', { A28: 800, A32: 1000 })).toBe(200);
    expect(run('MOD(A28, 12)', { A28: 30 })).toBe(6);
  });

  it('IF chooses between two values, "" leaving the result empty, nested IFs in one if', () => {
    expect(logicOf('IF(A34 < 收入线, "低于收入线", "")')).toEqual({ if: [{ '<': [{ var: 'A34' }, { var: '$params.incomeLine' }] }, '低于收入线', null] });
    expect(logicOf('IF(A28 > 10000, "高", IF(A28 > 5000, "中", "低"))')).toEqual({
      if: [{ '>': [{ var: 'A28' }, 10000] }, '高', { '>': [{ var: 'A28' }, 5000] }, '中', '低'],
    });
    expect(run('IF(A28 > 10000, "高", IF(A28 > 5000, "中", "低"))', { A28: 6000 })).toBe('中');
    expect(typeOf('IF(A1, A28, "")')).toBe('number');
  });

  it('IFS takes the value of the first condition that holds, else leaves it empty', () => {
    expect(logicOf('IFS(A28 > 10000, "高", A28 > 5000, "中")')).toEqual({ if: [{ '>': [{ var: 'A28' }, 10000] }, '高', { '>': [{ var: 'A28' }, 5000] }, '中'] });
    expect(run('IFS(A28 > 10000, "高", A28 > 5000, "中")', { A28: 100 })).toBeNull();
  });

  it('AND, OR and NOT combine conditions', () => {
    expect(logicOf('AND(A1 = 是, OR(A28 > 0, NOT(A1)))')).toEqual({
      and: [{ '==': [{ var: 'A1' }, true] }, { or: [{ '>': [{ var: 'A28' }, 0] }, { '!': { var: 'A1' } }] }],
    });
    expect(run('AND(A1 = 是, A28 > 0)', { A1: true, A28: 1 })).toBe(true);
  });

  it('ISBLANK tests text, dates and choices by truthiness, numbers and 是/否 by missing (0 and 否 are answers)', () => {
    expect(logicOf('ISBLANK(A54)')).toEqual({ '!': { var: 'A54' } });
    expect(logicOf('NOT(ISBLANK(A54))')).toEqual({ '!!': { var: 'A54' } });
    expect(logicOf('ISBLANK(A27)')).toEqual({ '!': { var: 'A27' } });
    expect(logicOf('ISBLANK(A28)')).toEqual({ '!!': { missing: ['A28'] } });
    expect(logicOf('NOT(ISBLANK(A1))')).toEqual({ '!': { missing: ['A1'] } });
    expect(logicOf('ISBLANK(MONTHS(A7, A54))')).toEqual({ '==': [{ monthsBetween: [{ var: 'A7' }, { var: 'A54' }] }, null] });
    expect(logicOf('ISEMPTY(A54)')).toEqual(logicOf('ISBLANK(A54)'));
    expect(run('ISBLANK(A28)', { A28: 0 })).toBe(false);
    expect(run('ISBLANK(A1)', { A1: false })).toBe(false);
    expect(run('ISBLANK(A27)', { A27: [] })).toBe(true);
    expect(run('ISBLANK(A28)', {})).toBe(true);
  });

  it('x = "" and x <> "" test blankness, as Excel compares an empty cell with ""', () => {
    expect(logicOf('A54 = ""')).toEqual(logicOf('ISBLANK(A54)'));
    expect(logicOf('A28 <> ""')).toEqual(logicOf('NOT(ISBLANK(A28))'));
  });

  it('CONTAINS finds an option chosen, a piece of text, a value in a list written out or in a column', () => {
    expect(logicOf('CONTAINS(A27, "因自然灾害")')).toEqual({ in: ['因自然灾害', { var: 'A27' }] });
    expect(logicOf('CONTAINS(A27_other, "洪")')).toEqual({ in: ['洪', { var: 'A27_other' }] });
    expect(logicOf('CONTAINS({"无劳动力", "丧失劳动力"}, A14)', inMembers)).toEqual({ in: [{ var: '$row.A14' }, ['无劳动力', '丧失劳动力']] });
    expect(logicOf('CONTAINS(户.members.idNumber, A7)', inMembers)).toEqual({ in: [{ var: '$row.A7' }, { map: [{ var: '$household.members' }, { var: 'idNumber' }] }] });
    expect(run('CONTAINS(A27, "因自然灾害")', { A27: ['因病', '因自然灾害'] })).toBe(true);
    expect(run('CONTAINS(A27, "因自然灾害")', {})).toBe(false);
    expect(run('CONTAINS(A27_other, "洪")', { A27_other: '山洪冲毁农田' })).toBe(true);
  });

  it('MONTHS, DAYS and AGE compute on year-months, dates and ID numbers', () => {
    expect(logicOf('MONTHS(A7, A54)')).toEqual({ monthsBetween: [{ var: 'A7' }, { var: 'A54' }] });
    expect(run('MONTHS(A7, A54)', { A7: '2021-03', A54: '2021-10' })).toBe(7);
    expect(logicOf('DAYS(收入计算周期结束日, fillDate)')).toEqual({ daysBetween: [{ var: '$params.incomePeriodEnd' }, { var: 'fillDate' }] });
    expect(run('DAYS(收入计算周期结束日, fillDate)', { fillDate: '2021-10-08' })).toBe(8);
    expect(run('DAYS("2021-01-01", "2021-03-01")')).toBe(59);
    const id = residentId('500118', '20050412', '031');
    expect(logicOf('AGE(A8, 统计时点)')).toEqual({ ageAt: [{ var: 'A8' }, { var: '$params.referenceDate' }] });
    expect(run('AGE(A8, 统计时点)', { A8: id })).toBe(16);
  });

  it('GENDER reads 男 or 女 from an ID number, and its result meets only 男 or 女', () => {
    expect(logicOf('GENDER(A8) = "女"')).toEqual({ '==': [{ idGender: { var: 'A8' } }, '女'] });
    expect(run('GENDER(A8)', { A8: residentId('500118', '19700903', '032') })).toBe('女');
    expect(errorOf('GENDER(A8) = "F"').message).toBe('GENDER(A8) 没有选项“F”（可选：男、女）');
  });

  it('LEN compares a length with a whole number, written with substr since the rules have no length', () => {
    expect(logicOf('LEN(divisionCode) > 11')).toEqual({ '!=': [{ substr: [{ cat: [{ var: 'divisionCode' }] }, 11] }, ''] });
    expect(logicOf('LEN(A7) <= 18', inMembers)).toEqual({ '==': [{ substr: [{ cat: [{ var: '$row.A7' }] }, 18] }, ''] });
    const lengths: [string, string, boolean][] = [
      ['LEN(divisionCode) = 12', '500118104201', true], ['LEN(divisionCode) = 12', '500118104', false],
      ['LEN(divisionCode) <> 12', '500118104', true], ['LEN(divisionCode) >= 12', '500118104201', true],
      ['LEN(divisionCode) < 12', '500118104201', false], ['12 = LEN(divisionCode)', '500118104201', true],
      ['LEN(divisionCode) = 0', '', true],
    ];
    for (const [formula, code, expected] of lengths) expect(truthy(run(formula, code ? { divisionCode: code } : {})), formula).toBe(expected);
    expect(truthy(run('LEN(divisionCode) >= 3', {}))).toBe(false);
  });

  it('LEFT, RIGHT and MID cut text as Excel does, an empty value giving ""', () => {
    const id = residentId('500118', '19680412', '031');
    expect(logicOf('LEFT(A8, 6)')).toEqual({ substr: [{ cat: [{ var: 'A8' }] }, 0, 6] });
    expect(run('LEFT(A8, 6)', { A8: id })).toBe('500118');
    expect(run('MID(A8, 7, 8)', { A8: id })).toBe('19680412');
    expect(run('RIGHT(A8, 1)', { A8: id })).toBe(id.slice(-1));
    expect(run('RIGHT(A8)', { A8: id })).toBe(id.slice(-1));
    expect(run('LEFT(A8, 6)', {})).toBe('');
  });

  it('CONCAT joins like &, DUPLICATES lists the repeated values of a column', () => {
    expect(logicOf('CONCAT(A3, "：", A28)')).toEqual({ cat: [{ var: 'A3' }, '：', { var: 'A28' }] });
    expect(logicOf('CONCATENATE(A3, A28)')).toEqual({ cat: [{ var: 'A3' }, { var: 'A28' }] });
    expect(logicOf('NOT(CONTAINS(DUPLICATES(members.A7), A7))', inMembers)).toEqual({
      '!': { in: [{ var: '$row.A7' }, { duplicates: [{ var: 'members' }, 'A7'] }] },
    });
    expect(run('DUPLICATES(members.A5)', { members: [{ A5: '张三' }, { A5: '李四' }, { A5: '张三' }] })).toEqual(['张三']);
  });

  it('takes function names in any case', () => {
    expect(logicOf('round(sum(A28, A29), 2)')).toEqual(logicOf('ROUND(SUM(A28, A29), 2)'));
    expect(logicOf('countIf(members.A17, 否)')).toEqual(logicOf('COUNTIF(members.A17, 否)'));
  });

  it('fits options given by their label to their value ("新生儿" is "1")', () => {
    expect(logicOf('addReason = "新生儿"')).toEqual({ '==': [{ var: 'addReason' }, '1'] });
    expect(logicOf('addReason = "1"')).toEqual({ '==': [{ var: 'addReason' }, '1'] });
  });

  it('gives the type of the result', () => {
    expect(typeOf('A28 + 1')).toBe('number');
    expect(typeOf('A28 > 1')).toBe('boolean');
    expect(typeOf('A3 & "户"')).toBe('string');
    expect(typeOf('A27')).toBe('list');
    expect(typeOf('A54')).toBe('date');
    expect(typeOf('""')).toBe('unknown');
  });
});

describe('compileFormula: errors, in Chinese at the offsets to underline', () => {
  it('an empty formula', () => {
    expect(errorsOf('')).toEqual([{ message: '公式是空的', start: 0, end: 0 }]);
    expect(errorsOf('   ')).toEqual([{ message: '公式是空的', start: 0, end: 3 }]);
  });

  it('an unknown field', () => {
    expect(errorsOf('A28 + A99')).toEqual([{ message: '没有字段 A99', start: 6, end: 9 }]);
  });

  it('an unknown function, with the one probably meant', () => {
    expect(errorsOf('SUMM(A28)')).toEqual([{ message: '不认识的函数 SUMM（是不是 SUM？）', start: 0, end: 4 }]);
    expect(errorOf('VLOOKUP(A28)').message).toBe('不认识的函数 VLOOKUP');
  });

  it('a wrong number of arguments', () => {
    expect(errorOf('IF(A1, 1)')).toEqual({ message: 'IF 需要 3 个参数，如 IF(A34 < 收入线, "低于收入线", "")', underlined: 'IF(A1, 1)' });
    expect(errorOf('ROUND(A28, 2, 3)').message).toBe('ROUND 需要 1 到 2 个参数，如 ROUND(A33 / COUNT(members), 2)');
    expect(errorOf('SUM()').message).toBe('SUM 至少需要 1 个参数，如 SUM(A28, A29) 或 SUM(members.A16)');
    expect(errorOf('IFS(A1, 1, A1)').message).toMatch(/^IFS 的参数应成对出现/);
  });

  it('text in arithmetic', () => {
    expect(errorOf('A28 + A3')).toEqual({ message: 'A3 是文字，不能做加减乘除', underlined: 'A3' });
    expect(errorOf('A54 - 1').message).toBe('A54 是年月，不能做加减乘除（日期相差请用 MONTHS 或 DAYS）');
    expect(errorsOf('A54 - A7').map((e) => e.message)).toEqual(['A54 是年月，不能做加减乘除（日期相差请用 MONTHS 或 DAYS）', 'A7 是年月，不能做加减乘除（日期相差请用 MONTHS 或 DAYS）']);
    expect(errorOf('A1 * 2').message).toBe('A1 是是/否，不能做加减乘除（是/否不能计算）');
  });

  it('a number field compared with text, a text field with a number, an option the field lacks', () => {
    expect(errorOf('A28 > "abc"')).toEqual({ message: 'A28 是数字，不能与文字“abc”比较（数字不加引号）', underlined: '"abc"' });
    expect(errorOf('A27_other = 5').message).toBe('A27_other 是文字，不能与数字 5 比较（文字请加引号，如 "5"）');
    expect(errorOf('A3 = "脱贫户"')).toEqual({ message: 'A3 没有选项“脱贫户”（可选：脱贫不稳定户、边缘易致贫户、突发严重困难户）', underlined: '"脱贫户"' });
    expect(errorOf('A1 = "可能"').message).toBe('A1 是“是/否”，只能与 是 或 否 比较，不能与文字“可能”比较');
    expect(errorOf('A28 = A3').message).toBe('A28 是数字，不能与文字 A3 比较');
    expect(errorOf('A3 > "边缘易致贫户"').message).toBe('A3 是文字，不能比较大小');
    expect(errorOf('A54 >= "明年"').message).toBe('文字“明年” 不是日期，请写成 "2021-09-30" 或 "2021-09"');
  });

  it('a multiple choice compared instead of CONTAINS', () => {
    expect(errorOf('A27 = "因病"')).toEqual({ message: 'A27 是多选，请用 CONTAINS(A27, "…") 判断是否选了某项', underlined: 'A27' });
    expect(errorOf('CONTAINS(A27, "因灾")').message).toBe('A27 没有选项“因灾”（可选：因病、因学、因自然灾害、其他）');
  });

  it('a table or a column where a value is needed', () => {
    expect(errorOf('members + 1')).toEqual({ message: 'members 是表格，请用 COUNT(members) 或 SUM(members.列)', underlined: 'members' });
    expect(errorOf('members.A16 > 6').message).toBe('members.A16 是表格中的一列，请用 SUM(members.A16)、COUNTIF(members.A16, …) 或 CONTAINS(members.A16, …)');
    expect(errorOf('COUNT(members.A16)').message).toBe('COUNT 数的是行数，请写 COUNT(members)；数符合条件的行请用 COUNTIF(members.A16, …)');
    expect(errorOf('SUM(members)').message).toBe('SUM 需要一列数字，如 SUM(members.列)');
    expect(errorOf('COUNTIF(A16, ">6")', inMembers).message).toBe('COUNTIF 的这个参数应为表格的一列，如 members.A14');
  });

  it('conditions that are not yes/no, with what to write instead', () => {
    expect(errorOf('IF(A54, 1, 0)').message).toBe('IF 的条件应为是/否（比较、AND、OR 等），A54 是年月；判断是否填写请用 NOT(ISBLANK(A54))');
    expect(errorOf('AND(A28, A1)').message).toBe('AND 的参数应为是/否（比较、AND、OR 等），A28 是数字');
    expect(errorOf('IF(A1, 1, "一")').message).toBe('IF 的结果类型不一致：1 是数字，“一” 是文字');
  });

  it('misused functions: LEN not compared with a whole number, DAYS on a year-month, ROUND to too many places', () => {
    expect(errorOf('LEN(A27_other) + 1').message).toBe('LEN 只能与整数比较，如 LEN(A7) = 18（规则语言没有求长度的运算）');
    expect(errorOf('LEN(A27_other) > A28').message).toBe('LEN 只能与整数比较，如 LEN(A7) = 18');
    expect(errorOf('DAYS(A7, fillDate)').message).toBe('DAYS 需要完整日期（年-月-日），A7 是年月；按月计算请用 MONTHS');
    expect(errorOf('MONTHS(A28, A54)').message).toBe('MONTHS 需要日期或年月，A28 是数字');
    expect(errorOf('ROUND(A28, 8)').message).toBe('ROUND 的小数位数应为 0 到 6 的整数');
    expect(errorOf('MIN(members.A16)').message).toBe('MIN 不能用于表格列（规则语言不能求一列的最值）');
    expect(errorOf('COUNTIF(members.A16, A28)').message).toBe('COUNTIF 的条件只能是固定的值，如 "户主"、否、">=18"');
    expect(errorOf('COUNTIF(members.A5, ">张")').message).toBe('members.A5 是文字，不能比较大小');
  });

  it('unbalanced parentheses: the one left open, or the one too many', () => {
    expect(errorsOf('ROUND((A28 + A29, 2)')).toEqual([{ message: '逗号只能用在函数的参数之间：括号前是否缺少函数名？', start: 16, end: 17 }]);
    expect(errorOf('(A28 + A29')).toEqual({ message: '缺少右括号“)”', underlined: '(' });
    expect(errorsOf('SUM(A28, A29')).toEqual([{ message: '缺少右括号“)”', start: 3, end: 4 }]);
    expect(errorOf('A28 + A29)')).toEqual({ message: '多了一个右括号“)”', underlined: ')' });
  });

  it('trailing garbage, missing operands and stray symbols', () => {
    expect(errorOf('A28 A29')).toEqual({ message: '多余的内容“A29”：前面是否缺少运算符（+ - * / & =）？', underlined: 'A29' });
    expect(errorOf('A28 +')).toEqual({ message: '“+” 后面缺少数值', underlined: '+' });
    expect(errorOf('* A28')).toEqual({ message: '“*” 前面缺少数值', underlined: '*' });
    expect(errorOf('A28 # 2')).toEqual({ message: '不认识的符号“#”', underlined: '#' });
    expect(errorOf('"因病')).toEqual({ message: '文字缺少结束的引号', underlined: '"因病' });
    expect(errorOf('members. + 1').message).toBe('“members.” 后面缺少列名');
    expect(errorOf('SUM(A28 A29)')).toEqual({ message: '参数之间缺少逗号，或缺少运算符', underlined: 'A29' });
    expect(errorOf('SUM(A28, , A29)').message).toBe('SUM( 中有一个参数是空的');
    expect(errorOf('28A + 1').message).toBe('“28A” 不是数字，字段编码要以字母开头');
  });

  it('reports every problem of a formula at once, in the order of the text', () => {
    expect(errorsOf('A99 + A3 + SUMM(A28)').map((e) => e.message)).toEqual(['没有字段 A99', 'A3 是文字，不能做加减乘除', '不认识的函数 SUMM（是不是 SUM？）']);
  });

  it("a formula beyond the engine's caps on one rule", () => {
    const nested = (n: number) => `${'1 + ('.repeat(n)}1${')'.repeat(n)}`;
    expect(errorOf(nested(40))).toEqual({ message: '公式太复杂：规则嵌套过深：超过 32 层', underlined: nested(40) });
    expect(compileFormula(nested(20), scope).ok).toBe(true);
    // Nested IFs become one if, however many.
    expect(compileFormula(`${'IF(A1, 1, '.repeat(40)}0${')'.repeat(40)}`, scope).ok).toBe(true);
  });

  it('checks the result against the type the rule needs', () => {
    expect(errorsOf('A28 + 1', { ...scope, expect: 'boolean' })).toEqual([{ message: '公式的结果是数字，这里需要是/否（条件）', start: 0, end: 7 }]);
    expect(compileFormula('A28 > 1', { ...scope, expect: 'boolean' }).ok).toBe(true);
    expect(compileFormula('"2021-" & "09"', { ...scope, expect: 'date' }).ok).toBe(true);
  });
});

describe('compileFormula: what it writes, the engine accepts', () => {
  const formulas: [string, FormulaScope][] = [
    ['A28 + A29 + A30 + A31 - A32', scope], ['ROUND(A33 / COUNT(members), 2)', scope], ['IF(A34 < 收入线, "低", "")', scope],
    ['COUNTIF(members.A17, 否) > 0', scope], ['COUNTIFS(members.A14, "普通劳动力", members.A16, ">=6")', scope],
    ['SUMIF(members.A14, "普通劳动力", members.A16)', scope], ['SUM(members.A28, A28)', scope], ['CONTAINS(A27, "因自然灾害")', scope],
    ['NOT(CONTAINS({"无劳动力", "丧失劳动力"}, A14))', inMembers], ['6 <= AGE(A7, 统计时点) <= 16', inMembers],
    ['NOT(CONTAINS(DUPLICATES(members.A7), A7))', inMembers], ['CONTAINS(户.members.idNumber, A7)', inMembers],
    ['COUNTIF(户.members.medicalInsurance, 否) > 0', scope], ['MONTHS(户.identifiedMonth, A54) >= 6', scope],
    ['AND(NOT(ISBLANK(A28)), ISBLANK(A54), A28 <> "", ISBLANK(A28 + 1))', scope], ['LEN(divisionCode) = 12', scope],
    ['MID(A8, 7, 4) & "-" & MID(A8, 11, 2)', scope], ['ABS(A28 - A32) + MOD(A28, 2) + MIN(A28, 1) + MAX(A29, 2)', scope],
    ['IFS(A1, "是", NOT(A1), "否")', scope], ['DAYS(收入计算周期开始日, fillDate) >= 0', scope], ['COUNTIF(members.A5, "")', scope],
  ];

  it('passes the definition checker (allow-listed operations, existing fields, rows and parameters)', () => {
    for (const [formula, where] of formulas) {
      const problems = checkRule(logicOf(formula, where), '/rule', form, scope.fields, where.table ?? null);
      expect(problems, formula).toEqual([]);
    }
  });

  it('reads back every formula it compiles, to the very same rule', () => {
    for (const [formula, where] of formulas) {
      const logic = logicOf(formula, where);
      const again = formulaOf(logic, where);
      expect(again, formula).not.toBeNull();
      expect(logicOf(again!, where), `${formula} → ${again}`).toEqual(logic);
    }
  });
});

// 重庆市永川区临江镇高滩村：陈国富's household of four, as the monitoring-object tests fill it.
const CHEN_MEMBERS = [
  { A5: '陈国富', A6: '男', A7: residentId('500118', '19680412', '031'), A8: '户主', A14: '普通劳动力', A16: 9, A17: true },
  { A5: '刘素芬', A6: '女', A7: residentId('500118', '19700903', '032'), A8: '配偶', A14: '丧失劳动力', A17: true },
  { A5: '陈小军', A6: '男', A7: residentId('500118', '19920315', '051'), A8: '之子', A14: '普通劳动力', A16: 11, A17: false },
  { A5: '陈思雨', A6: '女', A7: residentId('500118', '20140620', '062'), A8: '之孙女', A14: '无劳动力', A17: true },
];
const CHEN = {
  divisionCode: '500118104201', A1: false, A3: '边缘易致贫户', members: CHEN_MEMBERS,
  A28: 36000, A29: 4500, A31: 2860.5, A32: 1200, A35: 3000, A36: 8000,
};
const CHEN_HOUSEHOLD: Household = {
  divisionCode: '500118104201', headName: '陈国富', headIdNumber: CHEN_MEMBERS[0]!.A7, kind: '一般农户',
  members: CHEN_MEMBERS.map((m) => ({ name: m.A5, idNumber: m.A7, relation: m.A8, gender: m.A6 })),
};

/** The definition with some of its rules replaced by compiled formulas. */
function withFormulas(definition: FormDefinition, computed: Record<string, string>, validations: Record<string, { when?: string; assert: string }> = {}): FormDefinition {
  const where: FormulaScope = { fields: buildFieldIndex(definition.schema), parameters: definition.parameters ?? {} };
  const rules = definition.rules!;
  return {
    ...definition,
    rules: {
      ...rules,
      computed: rules.computed!.map((r) => (computed[r.field] ? { field: r.field, value: logicOf(computed[r.field]!, where) } : r)),
      validations: rules.validations!.map((r) => {
        const formula = validations[r.id];
        if (!formula) return r;
        return { ...r, when: formula.when ? logicOf(formula.when, where) : undefined, assert: logicOf(formula.assert, where) };
      }),
    },
  };
}

describe('the seed formulas, written as administrators write them', () => {
  const params = loadCampaign('2021').parameters;

  it("monitoring-object: A33, A34, A37 and A38 compile to the seed's own rules", () => {
    const seed = loadForm('monitoring-object');
    const where: FormulaScope = { fields: buildFieldIndex(seed.schema), parameters: seed.parameters ?? {} };
    const seedRule = (field: string) => seed.rules!.computed!.find((r) => r.field === field)!.value;
    expect(logicOf('A28 + A29 + A30 + A31 - A32', where)).toEqual(seedRule('A33'));
    // The per-capita divisor counts only members the household really has (not 空挂, deceased…: 不纳入情形 8 and 9).
    expect(logicOf('ROUND(A33 / COUNTIF(members.notCounted, ""), 2)', where)).toEqual(seedRule('A34'));
    expect(logicOf('A33 + A35 - A36', where)).toEqual(seedRule('A37'));
    expect(logicOf('ROUND(A37 / COUNTIF(members.notCounted, ""), 2)', where)).toEqual(seedRule('A38'));
  });

  it("monitoring-object: the formulas give the seed's numbers for 陈国富's household", () => {
    const seed = loadForm('monitoring-object');
    const compiled = withFormulas(seed, {
      A33: 'A28 + A29 + A30 + A31 - A32', A34: 'ROUND(A33 / COUNTIF(members.notCounted, ""), 2)',
      A37: 'A33 + A35 - A36', A38: 'ROUND(A37 / COUNTIF(members.notCounted, ""), 2)', A26: 'COUNTIFS(members.notCounted, "", members.A17, 否) > 0',
      A4: 'CONTAINS({"脱贫户", "脱贫不稳定户"}, 户.kind)',
    });
    const fromFormulas = evaluate(compiled, CHEN, { params, household: CHEN_HOUSEHOLD });
    expect(fromFormulas.data).toMatchObject({ A33: 42160.5, A34: 10540.13, A37: 37160.5, A38: 9290.13, A26: true, A4: false });
    expect(fromFormulas.data).toEqual(evaluate(seed, CHEN, { params, household: CHEN_HOUSEHOLD }).data);
  });

  it('monitoring-object: the kind rule against the income line, as formulas, warns as the seed does', () => {
    const seed = loadForm('monitoring-object');
    const compiled = withFormulas(seed, {}, {
      'kind-at-or-above-line': { when: 'AND(NOT(ISBLANK(A34)), NOT(ISBLANK(A3)), A34 >= 收入线)', assert: 'A3 = "突发严重困难户"' },
      'kind-below-line-ordinary': { when: 'AND(A34 <> "", A3 <> "", A34 < 收入线, A4 <> 是)', assert: 'A3 = "边缘易致贫户"' },
    });
    const issues = (definition: FormDefinition, data: Record<string, unknown>) => {
      const result = evaluate(definition, data, { params, household: CHEN_HOUSEHOLD });
      return [...result.errors, ...result.warnings].filter((i) => i.code.startsWith('rule:kind')).map((i) => `${i.code} ${i.path}`);
    };
    const above = issues(compiled, CHEN);
    expect(above).toEqual(['rule:kind-at-or-above-line /A3']);
    expect(above).toEqual(issues(seed, CHEN));
    const poor = { ...CHEN, A28: 9000, A29: 0, A31: 0, A3: '突发严重困难户' };
    expect(issues(compiled, poor)).toEqual(['rule:kind-below-line-ordinary /A3']);
    expect(issues(compiled, poor)).toEqual(issues(seed, poor));
    expect(issues(compiled, { ...poor, A3: '边缘易致贫户' })).toEqual([]);
  });

  it("income-ledger: row 51 = (1+20+23+26)-47-50 written as L1+L20+L23+L26-L47-L50 gives the ledger's totals", () => {
    const seed = loadForm('income-ledger');
    const compiled = withFormulas(seed, {
      L3: 'ROUND(L4 + L5 + L6 + L7 + L8, 2)', L9: 'ROUND(L10 + L11 + L12 + L13 + L14 + L15 + L16, 2)',
      L2: 'ROUND(L3 + L9 + L17 + L18, 2)', L1: 'ROUND(L2 + L19, 2)', L20: 'ROUND(SUM(wages.amount), 2)',
      L23: 'ROUND(L24 + L25, 2)', L33: 'ROUND(L34 + L35 + L36, 2)', L27: 'ROUND(L28 + L29 + L30 + L31 + L32 + L33, 2)',
      L26: 'ROUND(L27 + L37 + L38, 2)', L47: 'ROUND(L48 + L49, 2)',
      L51: 'ROUND(L1 + L20 + L23 + L26 - L47 - L50, 2)', L52: 'IF(population >= 1, ROUND(L51 / population, 2), "")',
    });
    const ledger = {
      population: 3, L4_qty: 4, L4: 2400, L5_qty: 1, L5: 1800, L7_qty: 2, L7: 3200.5, L10_qty: 3, L10: 6000, L18: 500, L19: 2000,
      wages: [{ name: '陈国富', workMonths: 9, amount: 18000 }, { name: '陈小军', workMonths: 11, amount: 9600 }],
      L24: 320, L29: 1200, L31: 2400, L34: 600, L37: 1000, L48: 3000, L49: 500, L50: 800,
    };
    const fromFormulas = evaluate(compiled, ledger, { params }).data;
    expect(fromFormulas).toMatchObject({ L3: 7400.5, L2: 13900.5, L1: 15900.5, L20: 27600, L23: 320, L26: 5200, L47: 3500, L51: 44720.5, L52: 14906.83 });
    expect(fromFormulas).toEqual(evaluate(seed, ledger, { params }).data);
    expect(evaluate(compiled, { ...ledger, population: 0 }, { params }).data.L52).toBeUndefined();
  });
});

describe('formulaOf', () => {
  const monitoring = loadForm('monitoring-object');
  const where: FormulaScope = { fields: buildFieldIndex(monitoring.schema), parameters: monitoring.parameters ?? {} };
  const condition: FormulaScope = { ...where, expect: 'boolean' };

  it("shows the seed's rules as an administrator would write them", () => {
    expect(formulaOf({ '==': [{ var: 'A1' }, true] }, condition)).toBe('A1 = 是');
    expect(formulaOf({ in: ['因自然灾害', { var: ['A27', []] }] }, condition)).toBe('CONTAINS(A27, "因自然灾害")');
    expect(formulaOf(monitoring.rules!.computed!.find((r) => r.field === 'A33')!.value, where)).toBe('A28 + A29 + A30 + A31 - A32');
    const kind = monitoring.rules!.validations!.find((r) => r.id === 'kind-below-line-poverty-exited')!;
    expect(formulaOf(kind.when, condition)).toBe('AND(NOT(ISBLANK(A34)), NOT(ISBLANK(A3)), A34 < 监测收入线, A4 = 是)');
    expect(formulaOf({ '!': { in: [{ var: '$row.A14' }, ['无劳动力', '丧失劳动力']] } }, { ...condition, table: 'members' })).toBe('NOT(CONTAINS({"无劳动力", "丧失劳动力"}, A14))');
    const ledger = loadForm('income-ledger');
    const ledgerScope: FormulaScope = { fields: buildFieldIndex(ledger.schema), parameters: ledger.parameters ?? {} };
    expect(formulaOf(ledger.rules!.computed!.find((r) => r.field === 'L51')!.value, ledgerScope)).toBe('ROUND(L1 + L20 + L23 + L26 - L47 - L50, 2)');
  });

  it('writes parentheses only where precedence needs them', () => {
    expect(formulaOf({ '-': [{ var: ['A28', 0] }, { '-': [{ var: ['A29', 0] }, 1] }] }, scope)).toBe('A28 - (A29 - 1)');
    expect(formulaOf({ '*': [{ '+': [1, 2] }, 3] }, scope)).toBe('(1 + 2) * 3');
    expect(formulaOf({ '+': [1, { '*': [2, 3] }] }, scope)).toBe('1 + 2 * 3');
    expect(formulaOf({ '-': [{ '+': [1, 2] }] }, scope)).toBe('-(1 + 2)');
    expect(formulaOf({ cat: ['x', { '+': [1, 2] }] }, scope)).toBe('"x" & 1 + 2');
  });

  it('shows a coded option by its label', () => {
    expect(formulaOf({ '==': [{ var: 'addReason' }, '1'] }, scope)).toBe('addReason = "新生儿"');
  });

  it('gives null for what the language cannot show', () => {
    expect(formulaOf({ map: [{ var: '$household.members' }, { cat: [{ var: 'idNumber' }, ' ', { var: 'name' }] }] }, where)).toBeNull();
    expect(formulaOf({ reduce: [{ var: 'members' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }, where)).toBeNull();
    expect(formulaOf({ var: 'A99' }, where)).toBeNull();
    expect(formulaOf({ log: 1 }, where)).toBeNull();
    // An empty amount read as empty by + (NaN), where the formula would read 0: not the same rule.
    expect(formulaOf({ '+': [{ var: 'A28' }, 1] }, where)).toBeNull();
    // 0 as default in an equality: empty would equal 0, where the formula keeps empty apart.
    expect(formulaOf({ '==': [{ var: ['A28', 0] }, 0] }, where)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The round trip over every shipped definition: each computed value and each validation's
// when/assert that formulaOf can show is compiled again and evaluated beside the original, on
// generated households as the engine computes them, with every value of its schema type (data of
// another type never passes the schema). Computed values must be equal as stored (NaN, null and
// no value alike); conditions must agree in truthiness, which is all a condition is used for.

const DEFINITIONS = readdirSync(FORMS_DIR)
  .filter((id) => existsSync(join(FORMS_DIR, id, 'definition.json')))
  .map((id) => loadForm(id));

function scopeOf(definition: FormDefinition, rule: ShippedRule): FormulaScope {
  return { fields: buildFieldIndex(definition.schema), parameters: definition.parameters ?? {}, table: rule.table, expect: rule.condition ? 'boolean' : undefined };
}

const HOUSEHOLDS: (Household | undefined)[] = [
  undefined,
  CHEN_HOUSEHOLD,
  { divisionCode: '500118104201', headName: '张大山', headIdNumber: '500228198506120010', kind: '脱贫户', members: [
    { name: '张大山', idNumber: '500228198506120010', relation: '户主', gender: '男', medicalInsurance: true, minimumLivingAllowance: false },
    { name: '李秀英', idNumber: '500101199001011248', relation: '配偶', gender: '女', medicalInsurance: false, minimumLivingAllowance: true },
  ] },
  { divisionCode: '500118104202', headName: '王五', headIdNumber: '11010519491231002X', kind: '边缘易致贫户', identifiedMonth: '2021-03', members: [] },
];


describe('formulaOf and compileFormula: the round trip over the shipped definitions', () => {
  const CAMPAIGNS = ['2021', '2023', '2021-lookback'].map((id) => loadCampaign(id).parameters);

  it('finds the shipped definitions', () => {
    expect(DEFINITIONS.map((d) => d.id)).toEqual(expect.arrayContaining(['monitoring-object', 'income-ledger', 'lookback', 'policy-exit']));
  });

  it('shows every shipped rule but five: three that compare computed values over household members, two that read 不纳入情形 marks with some()', () => {
    const unshown = DEFINITIONS.flatMap((d) => shippedRules(d).filter((r) => formulaOf(r.rule, scopeOf(d, r)) === null).map((r) => r.where));
    expect(unshown.sort()).toEqual([
      'member-additions not-yet-member assert',
      'member-removals head-removed assert',
      'member-removals name-matches-registry assert',
      'monitoring-object computed A26',
      'monitoring-object computed E9',
    ]);
  });

  it('compiles every shown rule to one the definition checker accepts', () => {
    for (const definition of DEFINITIONS) {
      const index = buildFieldIndex(definition.schema);
      for (const rule of shippedRules(definition)) {
        const formula = formulaOf(rule.rule, scopeOf(definition, rule));
        if (formula === null) continue;
        const result = compileFormula(formula, scopeOf(definition, rule));
        expect(result.ok, `${rule.where}: ${formula}`).toBe(true);
        if (result.ok) expect(checkRule(result.logic, '/rule', definition, index, rule.table ?? null), rule.where).toEqual([]);
      }
    }
  });

  for (const definition of DEFINITIONS) {
    it(`means the same on 300 generated households: ${definition.id}`, () => {
      const pairs = shippedRules(definition).flatMap((rule) => {
        const formula = formulaOf(rule.rule, scopeOf(definition, rule));
        const result = formula === null ? null : compileFormula(formula, scopeOf(definition, rule));
        return formula !== null && result?.ok ? [{ ...rule, text: formula, original: compileRule(rule.rule), again: compileRule(result.logic) }] : [];
      });
      expect(pairs.length).toBeGreaterThan(0);
      const random = seededRandom(definition.id.length * 104729);
      const compared = compareOnHouseholds(definition, pairs, random, { params: CAMPAIGNS, households: HOUSEHOLDS, times: 300 });
      expect(compared).toBeGreaterThan(300);
    });
  }
});
