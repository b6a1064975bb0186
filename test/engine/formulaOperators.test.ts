// The formula language's operators, as administrators write them in Excel: precedence and
// parentheses, arithmetic on amounts, & on text, comparisons (chained as between), 是/否, numbers
// and text in any quotes, full-width punctuation.
import { describe, expect, it } from 'vitest';
import { errorOf, inMembers, logicOf, run } from './formulaScope';

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
