// XLSForm's expression language as a second way to write the engine's rules: expressions taken
// from ODK's documentation ("Form Operators and Functions", docs.getodk.org) and pyxform's test
// forms, compiled to the sandboxed JSON-Logic and run by the engine on realistic data, checked
// against hand-computed values (陈国富's household, the seed's income figures), and rules printed
// back in XLSForm's words.
import { describe, expect, it } from 'vitest';
import { buildFieldIndex, compileFormula, compileRule, evaluate, type FormDefinition, type FormulaScope, type Household } from '@engine';
import { compileXlsExpression, printXlsExpression } from '@engine/xlsform';
import { truthy } from '@engine/rules/truthy';
import { defineForm, text } from '../../helpers/defineForm';
import { loadCampaign, loadForm } from '../../helpers/forms';
import { inMembers, logicOf, PARAMS, residentId, run, scope } from './xlsSurvey';

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

describe("compileXlsExpression: expressions of pyxform's test forms (tests/test_repeat.py, test_translations.py, test_dynamic_default.py)", () => {
  const pyxform = defineForm({
    age: { type: 'integer', title: 'age' }, q1: { type: 'integer', title: 'q1' }, name: text('name'),
    consent: text('Would you like to participate ?', { enum: ['y', 'n'] }),
  });
  const where: FormulaScope = { fields: buildFieldIndex(pyxform.schema), parameters: {} };
  const value = (expression: string, data: Record<string, unknown>, self?: string) => run(expression, data, { where, self });

  it('${age} > 18, ${q1} = 1, selected(${consent}, \'y\')', () => {
    expect(truthy(value('${age} > 18', { age: 19 }))).toBe(true);
    expect(truthy(value('${age} > 18', { age: 18 }))).toBe(false);
    expect(truthy(value('${q1} = 1', { q1: 1 }))).toBe(true);
    expect(truthy(value("selected(${consent}, 'y')", { consent: 'y' }))).toBe(true);
    expect(truthy(value("selected(${consent}, 'y')", { consent: 'n' }))).toBe(false);
  });

  it("if(${q1} < 1,'A','B') and the constraint string-length(.) > 5", () => {
    expect(value("if(${q1} < 1,'A','B')", { q1: 0 })).toBe('A');
    expect(value("if(${q1} < 1,'A','B')", { q1: 1 })).toBe('B');
    expect(truthy(value('string-length(.) > 5', { name: '欧阳国富先生' }, 'name'))).toBe(true);
    expect(truthy(value('string-length(.) > 5', { name: '陈国富' }, 'name'))).toBe(false);
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
    // A yes/no question is a select_one yes_no: selected(${enrolled}, 'yes') is ${enrolled} = 是.
    expect(logicOf("selected(${enrolled}, 'yes')")).toEqual({ '==': [{ var: 'enrolled' }, true] });
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
