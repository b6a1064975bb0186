// Every function of the formula language, SUM to DUPLICATES: the rule each compiles to and the
// value it gives, names in any case, options by their label, and the type of the result.
import { describe, expect, it } from 'vitest';
import { truthy } from '@engine/rules/truthy';
import { errorOf, inMembers, logicOf, residentId, run, typeOf } from './formulaScope';

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
