// The formula language's errors: each in Chinese, with the offsets of the text to underline and
// what to write instead, all of a formula's at once, and the engine's caps on one rule.
import { describe, expect, it } from 'vitest';
import { compileFormula } from '@engine';
import { errorOf, errorsOf, inMembers, scope } from './formulaScope';

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
