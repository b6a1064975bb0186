import { describe, expect, it } from 'vitest';
import { birthDateOf, explainResidentId, genderOf, residentIdCheckDigit } from '@engine';

// 11010519491231002X is the example number printed in GB 11643-1999 itself.
describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example number with its X check digit', () => {
    expect(explainResidentId('11010519491231002X')).toBeNull();
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
  });

  it('accepts a number whose check digit is a digit', () => {
    expect(explainResidentId('500101199001011248')).toBeNull();
  });

  it('names the expected check digit when the last digit is wrong', () => {
    expect(explainResidentId('110105194912310021')).toBe('校验位错误（第 18 位应为 X）');
  });

  it('asks for an upper-case X', () => {
    expect(explainResidentId('11010519491231002x')).toBe('末位字母应为大写 X');
  });

  it('refuses a birth date that is not a calendar date', () => {
    expect(explainResidentId('500101199002301234')).toMatch(/出生日期 19900230 不是有效日期/);
  });

  it('refuses a birth date in the future or before 1900', () => {
    const future = `50010120990101123`;
    expect(explainResidentId(future + residentIdCheckDigit(future))).toMatch(/晚于今天/);
    const old = `50010118890101123`;
    expect(explainResidentId(old + residentIdCheckDigit(old))).toMatch(/早于 1900 年/);
  });

  it('refuses wrong lengths and letters, saying how long the number is', () => {
    expect(explainResidentId('50010119900101123')).toBe('应为 18 位（现为 17 位）');
    expect(explainResidentId('5001011990010112AB')).toBe('只能由数字和末位 X 组成');
  });

  it('refuses an unknown province code', () => {
    const id = '99010119900101123';
    expect(explainResidentId(id + residentIdCheckDigit(id))).toMatch(/前两位 99/);
  });

  it('reads the birth date and the gender', () => {
    expect(birthDateOf('11010519491231002X')).toEqual({ year: 1949, month: 12, day: 31 });
    expect(genderOf('11010519491231002X')).toBe('女');
    expect(genderOf('500228198506120010')).toBe('男');
  });
});
