// XLSForm's expression language as a second way to write the engine's rules: expressions taken
// from ODK's documentation ("Form Operators and Functions", docs.getodk.org) and pyxform's test
// forms, compiled to the sandboxed JSON-Logic and run by the engine on realistic data, checked
// against hand-computed values (陈国富's household, the seed's income figures); errors in Chinese
// at the offsets of the text; the XLSForm functions that have no equivalent refused by name.
import { describe, expect, it } from 'vitest';
import {
  buildFieldIndex, compileFormula, compileRule, evaluate, residentIdCheckDigit,
  type FormDefinition, type FormulaScope, type Household,
} from '@engine';
import { compileXlsExpression, printXlsExpression } from '@engine/xlsform';
import { truthy } from '@engine/rules/truthy';
import { defineForm, money, table, text, yesNo } from '../../helpers/defineForm';
import { loadCampaign, loadForm } from '../../helpers/forms';

const survey: FormDefinition = defineForm({
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

const scope: FormulaScope = { fields: buildFieldIndex(survey.schema), parameters: survey.parameters! };
const inMembers: FormulaScope = { ...scope, table: 'members' };
const PARAMS = { incomeLine: 6000, referenceDate: '2021-09-30' };

function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}

function logicOf(expression: string, where: FormulaScope = scope, self?: string): unknown {
  const result = compileXlsExpression(expression, where, { self });
  if (!result.ok) throw new Error(`${expression}: ${JSON.stringify(result.errors)}`);
  return result.logic;
}

/** The value an expression gives on the data, as the engine runs the JSON-Logic. */
function run(expression: string, data: Record<string, unknown>, options: { where?: FormulaScope; row?: Record<string, unknown>; self?: string; household?: Household } = {}): unknown {
  const rule = compileRule(logicOf(expression, options.where ?? scope, options.self));
  return rule({ data, params: PARAMS, household: options.household, row: options.row, approval: undefined });
}

/** The one error of an expression, with the text it underlines. */
function errorOf(expression: string, where: FormulaScope = scope, self?: string): { message: string; underlined: string } {
  const result = compileXlsExpression(expression, where, { self });
  if (result.ok) throw new Error(`${expression} compiled to ${JSON.stringify(result.logic)}`);
  expect(result.errors, expression).toHaveLength(1);
  const [error] = result.errors;
  return { message: error!.message, underlined: expression.slice(error!.start, error!.end) };
}

describe('compileXlsExpression: the examples of ODK\'s "Form Operators and Functions"', () => {
  it('math operators: + - * div mod', () => {
    const data = { salary_income: 36000, self_employed_income: 4500, income: 42160.5, expenses: 1200, bill: 100, percent_int: 35, even_number: 14 };
    expect(run('${salary_income} + ${self_employed_income}', data)).toBe(40500);
    expect(run('${income} - ${expenses}', data)).toBe(40960.5);
    expect(run('${bill} * 1.18', data)).toBeCloseTo(118, 10);
    expect(run('${percent_int} div 100', data)).toBe(0.35);
    expect(truthy(run('(${even_number} mod 2) = 0', data))).toBe(true);
    expect(truthy(run('(${even_number} mod 2) = 0', { even_number: 7 }))).toBe(false);
  });

  it('comparisons and boolean operators, on a yes/no question answered 是', () => {
    expect(truthy(run("${enrolled} = 'yes'", { enrolled: true }))).toBe(true);
    expect(truthy(run("${enrolled} != 'yes'", { enrolled: true }))).toBe(false);
    expect(truthy(run("${enrolled} = 'no'", { enrolled: false }))).toBe(true);
    expect(truthy(run('${age} > 17', { age: 18 }))).toBe(true);
    expect(truthy(run('${age} >= 18', { age: 17 }))).toBe(false);
    expect(truthy(run('${age} < 65', { age: 64 }))).toBe(true);
    expect(truthy(run('${age} <= 64', { age: 65 }))).toBe(false);
    expect(truthy(run('${age} > -1 and ${age} < 120', { age: 53 }))).toBe(true);
    expect(truthy(run('${age} > -1 and ${age} < 120', { age: 130 }))).toBe(false);
    expect(truthy(run('${age} < 19 or ${age} > 64', { age: 70 }))).toBe(true);
    expect(truthy(run('${age} < 19 or ${age} > 64', { age: 40 }))).toBe(false);
  });

  it('"." is the question a constraint is on', () => {
    expect(truthy(run('. >= 18', { age: 18 }, { self: 'age' }))).toBe(true);
    expect(truthy(run('. >= 18', { age: 16 }, { self: 'age' }))).toBe(false);
    expect(logicOf('. >= 18', scope, 'age')).toEqual(logicOf('${age} >= 18'));
    // On a column of the member table, "." is that row's value.
    expect(truthy(run('. <= 12', {}, { where: inMembers, self: 'members.workMonths', row: { workMonths: 13 } }))).toBe(false);
  });

  it('and binds tighter than or, comparisons tighter than and, as in XPath', () => {
    expect(logicOf("${age} < 19 or ${age} > 64 and ${enrolled} = 'yes'")).toEqual({
      or: [{ '<': [{ var: 'age' }, 19] }, { and: [{ '>': [{ var: 'age' }, 64] }, { '==': [{ var: 'enrolled' }, true] }] }],
    });
    expect(run('2 + 3 * 4 - 10 div 5', {})).toBe(12);
    expect(run('-(2 + 3) * 2', {})).toBe(-10);
  });
});

describe('compileXlsExpression: XLSForm functions', () => {
  it('if(), concat() and string-length(), as in pyxform\'s tests', () => {
    expect(run("if(${age} < 1, 'A', 'B')", { age: 0 })).toBe('A');
    expect(run("if(${age} < 1, 'A', 'B')", { age: 3 })).toBe('B');
    expect(run('concat(${first_name}, " ", ${last_name})', { first_name: '国富', last_name: '陈' })).toBe('国富 陈');
    expect(truthy(run('string-length(${phone}) = 11', { phone: '13800001111' }))).toBe(true);
    expect(truthy(run('string-length(${phone}) = 11', { phone: '023-4567' }))).toBe(false);
  });

  it('selected() and count-selected() on a select_multiple, selected() on a select_one', () => {
    expect(truthy(run("selected(${colors}, 'red')", { colors: ['red', 'blue'] }))).toBe(true);
    expect(truthy(run("selected(${colors}, 'green')", { colors: ['red', 'blue'] }))).toBe(false);
    expect(run('count-selected(${colors})', { colors: ['red', 'blue'] })).toBe(2);
    expect(truthy(run("selected(${gender}, 'female')", { gender: 'female' }))).toBe(true);
    expect(logicOf("selected(${gender}, 'female')")).toEqual({ '==': [{ var: 'gender' }, 'female'] });
    expect(truthy(run("not(selected(${colors}, 'red'))", { colors: [] }))).toBe(true);
  });

  it('a choice name is turned into the stored value by choiceValue, per question', () => {
    const choiceValue = (field: string, name: string) => (field === 'members.relation' ? { head: '户主', spouse: '配偶' }[name] : undefined);
    const result = compileXlsExpression("count(${members}[relation = 'head'])", scope, { choiceValue });
    expect(result.ok && result.logic).toEqual({ count: { filter: [{ var: 'members' }, { '==': [{ var: 'relation' }, '户主'] }] } });
    const single = compileXlsExpression("${relation} = 'spouse'", inMembers, { choiceValue });
    expect(single.ok && single.logic).toEqual({ '==': [{ var: '$row.relation' }, '配偶'] });
  });

  it('repeats: count(${members}), sum() of a column, count() with a predicate, a row\'s own columns', () => {
    const members = [
      { name: '陈国富', relation: '户主', workMonths: 9, wage: 18000, insured: true },
      { name: '刘素芬', relation: '配偶', insured: true },
      { name: '陈小军', relation: '之子', workMonths: 11, wage: 9600, insured: false },
    ];
    expect(run('count(${members})', { members })).toBe(3);
    expect(run('sum(${wage})', { members })).toBe(27600);
    expect(run('sum(${members.wage})', { members })).toBe(27600);
    expect(run("count(${members}[relation = '户主'])", { members })).toBe(1);
    expect(run("count(${members}[workMonths >= 6 and insured = 'no'])", { members })).toBe(1);
    expect(run("count(${members}[relation != '户主'])", { members })).toBe(2);
    expect(run("count(${members}[workMonths = ''])", { members })).toBe(1);
    expect(run("round(sum(${wage}) div count(${members}[relation != '配偶']), 2)", { members })).toBe(13800);
    expect(truthy(run('${workMonths} >= 6', {}, { where: inMembers, row: members[0] }))).toBe(true);
  });

  it('substr() (0-based, end not included), contains(), starts-with(), ends-with()', () => {
    const id = residentId('500118', '19680412', '031');
    expect(run('substr(${idNumber}, 6, 14)', { idNumber: id })).toBe('19680412');
    expect(run('substr(${idNumber}, 0, 6)', { idNumber: id })).toBe('500118');
    expect(truthy(run("starts-with(${idNumber}, '500118')", { idNumber: id }))).toBe(true);
    expect(truthy(run("starts-with(${idNumber}, '510')", { idNumber: id }))).toBe(false);
    expect(truthy(run(`ends-with(\${idNumber}, '${id.slice(-1)}')`, { idNumber: id }))).toBe(true);
    expect(truthy(run("contains(${note}, '低保')", { note: '享受农村低保' }))).toBe(true);
    expect(truthy(run("contains(${note}, '特困')", { note: '享受农村低保' }))).toBe(false);
  });

  it('string(), date(), count-non-empty(), and a question inside a group by its own name', () => {
    expect(run("concat(string(${age}), '岁')", { age: 53 })).toBe('53岁');
    expect(truthy(run("days-between(date('2021-09-01'), ${visitDate}) >= 0", { visitDate: '2021-09-30' }))).toBe(true);
    expect(run('count-non-empty(${wage})', { members: [{ wage: 18000 }, {}, { wage: 9600 }] })).toBe(2);
    const grouped = defineForm({ address: { type: 'object', title: '地址', properties: { county: text('县'), village: text('村') } } });
    const where: FormulaScope = { fields: buildFieldIndex(grouped.schema), parameters: {} };
    expect(logicOf("${county} = '永川区'", where)).toEqual({ '==': [{ var: 'address.county' }, '永川区'] });
    expect(logicOf("${address.village} != ''", where)).toEqual({ '!!': { var: 'address.village' } });
    expect(printXlsExpression({ '==': [{ var: 'address.county' }, '永川区'] }, where)).toBe("${county} = '永川区'");
  });

  it('round(), int(), number(), coalesce(), min(), max(), abs(), true(), false()', () => {
    expect(run('round(42160.5 div 4, 2)', {})).toBe(10540.13);
    expect(run('int(${income} div 12)', { income: 42160.5 })).toBe(3513);
    expect(run('int(-7.5)', {})).toBe(-7);
    expect(run("number('12') + 1", {})).toBe(13);
    expect(run('coalesce(${income}, 0)', {})).toBe(0);
    expect(run('coalesce(${income}, 0)', { income: 3000 })).toBe(3000);
    expect(run("coalesce(${first_name}, '（未填）')", {})).toBe('（未填）');
    expect(run('max(${income} - ${expenses}, 0)', { income: 1000, expenses: 1200 })).toBe(0);
    expect(run('abs(${income} - ${expenses})', { income: 1000, expenses: 1200 })).toBe(200);
    expect(run('if(true(), 1, 0) + if(false(), 1, 0)', {})).toBe(1);
  });

  it("this product's: param(), household(), months-between(), days-between(), age-at(), id-gender(), duplicates()", () => {
    const household: Household = {
      divisionCode: '500118104201', headName: '陈国富', headIdNumber: residentId('500118', '19680412', '031'), kind: '脱贫户', identifiedMonth: '2021-03',
      members: [{ name: '陈国富', idNumber: residentId('500118', '19680412', '031'), relation: '户主', medicalInsurance: false }],
    };
    expect(truthy(run("${income} div 4 < param('incomeLine')", { income: 22000 }))).toBe(true);
    expect(truthy(run("household('kind') = '脱贫户'", {}, { household }))).toBe(true);
    expect(run("count(household('members')[medicalInsurance = 'no'])", {}, { household })).toBe(1);
    expect(run("months-between(household('identifiedMonth'), ${riskMonth})", { riskMonth: '2021-09' }, { household })).toBe(6);
    expect(run("days-between(${visitDate}, param('referenceDate'))", { visitDate: '2021-09-01' })).toBe(29);
    const id = residentId('500118', '20140620', '062');
    expect(run("age-at(${idNumber}, param('referenceDate'))", { idNumber: id })).toBe(7);
    expect(run('id-gender(${idNumber})', { idNumber: id })).toBe('女');
    const twice = [{ A7: id }, { A7: id }, { A7: residentId('500118', '19680412', '031') }];
    expect(truthy(run('not(selected(duplicates(${A7}), .))', { members: twice }, { where: inMembers, self: 'members.A7', row: twice[0] }))).toBe(false);
    expect(truthy(run('not(selected(duplicates(${A7}), .))', { members: twice }, { where: inMembers, self: 'members.A7', row: twice[2] }))).toBe(true);
  });

  it('writes the same JSON-Logic as the builder\'s formula of the same meaning', () => {
    const same = (xls: string, formula: string, where: FormulaScope = scope) => {
      const excel = compileFormula(formula, where);
      expect(excel.ok && excel.logic, formula).toEqual(logicOf(xls, where));
    };
    same('${salary_income} + ${self_employed_income} - ${expenses}', 'salary_income + self_employed_income - expenses');
    same("${enrolled} = 'yes' and ${age} >= 6", 'AND(enrolled = 是, age >= 6)');
    same("selected(${colors}, 'red') or ${note} != ''", 'OR(CONTAINS(colors, "red"), NOT(ISBLANK(note)))');
    same("count(${members}[relation = '户主'])", 'COUNTIF(members.relation, "户主")');
    same("if(${income} div count(${members}) < param('incomeLine'), '低于收入线', '')", 'IF(income / COUNT(members) < 收入线, "低于收入线", "")');
  });
});

describe("compileXlsExpression: the seed forms' rules written in a spreadsheet", () => {
  const params = loadCampaign('2021').parameters;
  // 重庆市永川区临江镇高滩村：陈国富's household of four (the monitoring-object tests' household).
  const CHEN_MEMBERS = [
    { A5: '陈国富', A6: '男', A7: residentId('500118', '19680412', '031'), A8: '户主', A14: '普通劳动力', A16: 9, A17: true },
    { A5: '刘素芬', A6: '女', A7: residentId('500118', '19700903', '032'), A8: '配偶', A14: '丧失劳动力', A17: true },
    { A5: '陈小军', A6: '男', A7: residentId('500118', '19920315', '051'), A8: '之子', A14: '普通劳动力', A16: 11, A17: false },
    { A5: '陈思雨', A6: '女', A7: residentId('500118', '20140620', '062'), A8: '之孙女', A14: '无劳动力', A17: true },
  ];
  const CHEN = { divisionCode: '500118104201', A1: false, A3: '边缘易致贫户', members: CHEN_MEMBERS, A28: 36000, A29: 4500, A31: 2860.5, A32: 1200, A35: 3000, A36: 8000 };
  const CHEN_HOUSEHOLD: Household = { divisionCode: '500118104201', headName: '陈国富', headIdNumber: CHEN_MEMBERS[0]!.A7, kind: '一般农户', members: [] };

  function withExpressions(definition: FormDefinition, computed: Record<string, string>): FormDefinition {
    const where: FormulaScope = { fields: buildFieldIndex(definition.schema), parameters: definition.parameters ?? {} };
    const rules = definition.rules!;
    return { ...definition, rules: { ...rules, computed: rules.computed!.map((r) => (computed[r.field] ? { field: r.field, value: logicOf(computed[r.field]!, where) } : r)) } };
  }

  it("monitoring-object: A33 = 36000 + 4500 + 2860.5 - 1200 = 42160.5, A34 = 42160.5 / 4 = 10540.13, A37 = 37160.5, A38 = 9290.13", () => {
    const seed = loadForm('monitoring-object');
    const written = withExpressions(seed, {
      A33: '${A28} + ${A29} + ${A30} + ${A31} - ${A32}',
      A34: "round(${A33} div count(${members}[notCounted = '']), 2)",
      A37: '${A33} + ${A35} - ${A36}',
      A38: "round(${A37} div count(${members}[notCounted = '']), 2)",
      A4: "household('kind') = '脱贫户' or household('kind') = '脱贫不稳定户'",
    });
    const result = evaluate(written, CHEN, { params, household: CHEN_HOUSEHOLD });
    expect(result.data).toMatchObject({ A33: 42160.5, A34: 10540.13, A37: 37160.5, A38: 9290.13, A4: false });
    expect(result.data).toEqual(evaluate(seed, CHEN, { params, household: CHEN_HOUSEHOLD }).data);
  });

  it('policy-exit: criteriaMet counts the criteria answered 是', () => {
    const seed = loadForm('policy-exit');
    const written = withExpressions(seed, {
      criteriaMet: ["if(${P1} = 'yes', 1, 0)", "if(${P2} = 'yes', 1, 0)", "if(${P3} = 'yes', 1, 0)", "if(${P4} = 'yes', 1, 0)",
        "if(${P5} = 'yes', 1, 0)", "if(${P6} = 'yes', 1, 0)", "if(${P7} = 'yes', 1, 0)", "if(${P8} = 'yes', 1, 0)"].join(' + '),
    });
    const data = { P1: true, P2: false, P3: true, P4: true, P5: false, P6: false, P7: false, P8: true };
    expect(evaluate(written, data, { params }).data.criteriaMet).toBe(4);
  });
});

describe('compileXlsExpression: errors, in Chinese at the offsets to underline', () => {
  it('syntax', () => {
    expect(errorOf('${age} >')).toEqual({ message: '“>” 后面缺少数值', underlined: '>' });
    expect(errorOf('(${age} + 1')).toEqual({ message: '缺少右括号“)”', underlined: '(' });
    expect(errorOf("${age} = 'yes")).toEqual({ message: '文字缺少结束的引号', underlined: "'yes" });
    expect(errorOf('${age} <> 1')).toEqual({ message: '“不等于”请写成 !=', underlined: '<>' });
    expect(errorOf('${age} / 2').message).toBe('除法请写成 div，如 ${A33} div ${A35}');
    expect(errorOf('/data/age > 1')).toEqual({ message: '不支持 XPath 的路径“/”：题目请写成 ${名称}，如 ${A28}', underlined: '/' });
    expect(errorOf('6 <= ${age} <= 16').message).toContain('比较不能连写');
    expect(errorOf('${age').message).toBe('${…} 缺少结束的“}”');
  });

  it('operators and functions are lower case, as XLSForm writes them', () => {
    expect(errorOf('${age} > 1 AND ${age} < 9')).toEqual({ message: '运算符要小写：and', underlined: 'AND' });
    expect(errorOf('int(${note})')).toEqual({ message: 'int() 需要数字', underlined: '${note}' });
  });

  it('reads full-width punctuation typed on a Chinese keyboard', () => {
    expect(logicOf('selected（${colors}，‘red’）')).toEqual(logicOf("selected(${colors}, 'red')"));
    expect(logicOf('${salary_income}＋${self_employed_income}＞＝6000')).toEqual(logicOf('${salary_income} + ${self_employed_income} >= 6000'));
  });

  it('names', () => {
    expect(errorOf('${agee} > 1')).toEqual({ message: '没有题目 ${agee}', underlined: '${agee}' });
    expect(errorOf('${incomeLine} > 1')).toEqual({ message: "incomeLine 是活动参数，请写成 param('incomeLine')", underlined: '${incomeLine}' });
    expect(errorOf("param('line') > 1")).toEqual({ message: '没有活动参数 line（可用：incomeLine、referenceDate）', underlined: "'line'" });
    expect(errorOf('age > 1')).toEqual({ message: "“age” 是什么？题目请写成 ${age}，文字请加引号 'age'", underlined: 'age' });
    expect(errorOf('. > 1')).toEqual({ message: '“.” 表示本题的值，只能用在约束（constraint）中；其他地方请写 ${题目名称}', underlined: '.' });
  });

  it('types, in the words of XLSForm', () => {
    expect(errorOf("${colors} = 'red'")).toEqual({ message: "colors 是多选，请用 selected(colors, '…') 判断是否选了某项", underlined: '${colors}' });
    expect(errorOf("if(${note}, 1, 0)")).toEqual({ message: "if 的条件应为是/否（比较、and、or 等），note 是文字；判断是否填写请用 note != ''", underlined: '${note}' });
    expect(errorOf("${age} + 'abc'").message).toBe('“abc” 是文字，不能做加减乘除');
    expect(errorOf("${gender} = 'other'").message).toBe('gender 没有选项“other”（可选：male、female）');
  });

  it('function calls', () => {
    expect(errorOf('IF(${age} > 1, 1, 0)')).toEqual({ message: '函数名要小写：if()', underlined: 'IF' });
    expect(errorOf('and(${age} > 1, ${age} < 9)').message).toContain('and 是运算符');
    expect(errorOf('foo(${age})')).toEqual({ message: '不认识的函数 foo()', underlined: 'foo' });
    expect(errorOf('if(${age} > 1, 1)')).toEqual({ message: "if() 需要 3 个参数，如 if(${A34} < param('incomeLine'), '低于', '')", underlined: 'if(${age} > 1, 1)' });
    expect(errorOf('substr(${phone}, 3)').message).toBe('substr() 请写出结束位置，如 substr(${A7}, 6, 14)');
    expect(errorOf("count(${members}[${wage} > ${age}])").message).toContain('只能与固定的值比较');
  });
});

describe('compileXlsExpression: constructs with no equivalent are refused by name', () => {
  const refused: [string, string][] = [
    ["pulldata('fruits', 'name', 'name_key', 'mango')", 'pulldata() 在本系统的规则中没有对应：读取外部 CSV 数据，规则中没有外部数据，无法导入'],
    ["jr:choice-name(${gender}, '${gender}')", 'jr:choice-name() 在本系统的规则中没有对应：取选项的标签；规则只比较选项的值，标签用于显示，无法导入'],
    ['position(..)', ''],
    ['indexed-repeat(${wage}, ${members}, 1)', 'indexed-repeat() 在本系统的规则中没有对应：按序号读取重复组的某一行，规则中没有行序号，无法导入'],
    ["regex(., '^[0-9]{11}$')", 'regex() 在本系统的规则中没有对应：正则表达式匹配，规则的沙箱中没有正则运算；请在题目上用约束的格式（JSON Schema 的 pattern），无法导入'],
    ['today()', "today() 在本系统的规则中没有对应：读取当天日期，规则须在手机和服务器上得出同样的结果；请用活动参数，如 param('referenceDate')，或一个填表日期题目，无法导入"],
    ['once(uuid())', ''],
    ['random() < 0.5', 'random() 在本系统的规则中没有对应：随机数，规则须每次得出同样的结果，无法导入'],
  ];
  for (const [expression, message] of refused) {
    it(expression, () => {
      const result = compileXlsExpression(expression, scope, { self: 'phone' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (message) expect(result.errors[0]!.message).toBe(message);
      else expect(result.errors[0]!.message).toMatch(/没有对应|不支持/);
    });
  }

  it('position(..) is refused at the path, naming it', () => {
    expect(errorOf('position(..)')).toEqual({ message: '不支持 XPath 的路径“..”：题目请写成 ${名称}，如 ${A28}', underlined: '..' });
  });
});

describe('printXlsExpression', () => {
  const condition: FormulaScope = { ...scope, expect: 'boolean' };
  it('writes JSON-Logic in XLSForm\'s words', () => {
    expect(printXlsExpression({ '==': [{ var: 'enrolled' }, true] }, condition)).toBe("${enrolled} = 'yes'");
    expect(printXlsExpression({ in: ['red', { var: ['colors', []] }] }, condition)).toBe("selected(${colors}, 'red')");
    expect(printXlsExpression({ '!': { missing: ['age'] } }, condition)).toBe("${age} != ''");
    expect(printXlsExpression({ '>=': [{ var: 'age' }, 18] }, condition, { self: 'age' })).toBe('. >= 18');
    expect(printXlsExpression({ round: [{ '/': [{ var: 'income' }, { count: { var: 'members' } }] }, 2] }, scope)).toBe('round(${income} div count(${members}), 2)');
    expect(printXlsExpression({ '<': [{ var: 'income' }, { var: '$params.incomeLine' }] }, condition)).toBe("${income} < param('incomeLine')");
    expect(printXlsExpression({ count: { filter: [{ var: 'members' }, { '==': [{ var: 'relation' }, '户主'] }] } }, scope)).toBe("count(${members}[relation = '户主'])");
    expect(printXlsExpression({ '-': [{ '+': [{ var: ['salary_income', 0] }, { var: ['self_employed_income', 0] }] }, { '-': [{ var: ['expenses', 0] }, 1] }] }, scope))
      .toBe('${salary_income} + ${self_employed_income} - (${expenses} - 1)');
  });

  it("reads the builder's formulas back in XLSForm's words, meaning the same", () => {
    const members = [
      { name: '陈国富', relation: '户主', workMonths: 9, wage: 18000, insured: true },
      { name: '刘素芬', relation: '配偶', insured: true },
      { name: '陈小军', relation: '之子', workMonths: 11, wage: 9600, insured: false },
    ];
    const data = { members, income: 42160.5, expenses: 1200, age: 16, phone: '13800001111', note: '享受农村低保', colors: ['red'] };
    const cases: [string, string][] = [
      ['COUNTIF(members.relation, "<>户主")', "count(${members}[relation != '户主'])"],
      ['COUNTIFS(members.workMonths, ">=6", members.insured, 否)', "count(${members}[workMonths >= 6 and insured = 'no'])"],
      ['IFS(age < 6, "学前", age < 16, "义务教育")', "if(${age} < 6, '学前', if(${age} < 16, '义务教育', ''))"],
      ['6 <= age <= 16', '6 <= ${age} and ${age} <= 16'],
      ['LEFT(phone, 3)', 'substr(${phone}, 0, 3)'],
      ['MID(phone, 4, 4)', 'substr(${phone}, 3, 7)'],
      ['income - MOD(income, 1)', 'int(${income})'],
      ['age%', '${age} div 100'],
      ['MOD(age, 5) * 2', '${age} mod 5 * 2'], ['2 * MOD(age, 5)', '2 * (${age} mod 5)'],
      ['NOT(CONTAINS({"户主", "配偶"}, "之子"))', "not('之子' = '户主' or '之子' = '配偶')"],
      ['CONTAINS(note, "低保")', "contains(${note}, '低保')"],
      ['SUM(members.wage) + income', 'sum(${wage}) + ${income}'],
      ['MAX(income - expenses, 0)', 'max(${income} - ${expenses}, 0)'],
    ];
    for (const [formula, xls] of cases) {
      const compiled = compileFormula(formula, scope);
      if (!compiled.ok) throw new Error(formula);
      expect(printXlsExpression(compiled.logic, scope), formula).toBe(xls);
      const again = compileRule(logicOf(xls));
      const original = compileRule(compiled.logic);
      const s = { data, params: PARAMS, household: undefined, row: undefined, approval: undefined };
      expect(again(s), formula).toEqual(original(s));
    }
  });

  it('gives null where XLSForm has no equivalent', () => {
    expect(printXlsExpression({ reduce: [{ var: 'members' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }, scope)).toBeNull();
    expect(printXlsExpression({ sum: [{ filter: [{ var: 'members' }, { '==': [{ var: 'relation' }, '户主'] }] }, 'wage'] }, scope)).toBeNull();
    expect(printXlsExpression({ substr: [{ cat: [{ var: 'phone' }] }, -4] }, scope)).toBeNull();
    expect(printXlsExpression({ '==': [{ var: 'note' }, "it's \"x\""] }, condition)).toBeNull();
    expect(printXlsExpression({ log: 1 }, scope)).toBeNull();
  });
});
