import { describe, expect, it } from 'vitest';
import {
  explainDisabilityCertificate, explainDivisionCode, explainIdOrDisabilityCertificate, explainMobilePhone, explainPhone,
  explainYearMonth,
} from '@engine';

describe('disability certificate numbers (残疾人证号)', () => {
  it('accepts an ID number followed by category and grade', () => {
    expect(explainDisabilityCertificate('50022819850612001042')).toBeNull();
  });

  it('says which part is wrong', () => {
    expect(explainDisabilityCertificate('5002281985061200104')).toBe('残疾人证号应为 20 位（现为 19 位）');
    expect(explainDisabilityCertificate('50022819850612001142')).toMatch(/^前 18 位身份证号码校验位错误/);
    expect(explainDisabilityCertificate('50022819850612001082')).toBe('第 19 位残疾类别 8 无效（应为 1-7）');
    expect(explainDisabilityCertificate('50022819850612001045')).toBe('第 20 位残疾等级 5 无效（应为 1-4）');
  });

  it('is accepted where a column takes an ID or a certificate, by its length', () => {
    expect(explainIdOrDisabilityCertificate('500228198506120010')).toBeNull();
    expect(explainIdOrDisabilityCertificate('50022819850612001042')).toBeNull();
    expect(explainIdOrDisabilityCertificate('5002281985061200104')).toBe('应为 18 位（现为 19 位）');
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobile numbers and refuses others with a reason', () => {
    expect(explainMobilePhone('13812345678')).toBeNull();
    expect(explainMobilePhone('1381234567')).toBe('应为 11 位手机号码（现为 10 位）');
    expect(explainMobilePhone('12812345678')).toBe('应以 13-19 开头');
    expect(explainMobilePhone('138-1234-5678')).toBe('只能由数字组成');
  });

  it('accepts landlines where a phone may be fixed, such as the seed office number 78865441', () => {
    expect(explainPhone('78865441')).toBeNull();
    expect(explainPhone('023-78865441')).toBeNull();
    expect(explainPhone('13812345678')).toBeNull();
    expect(explainPhone('12345')).toMatch(/固定电话/);
  });
});

describe('division codes (统计用区划代码)', () => {
  it('accepts province to village lengths', () => {
    for (const code of ['50', '5001', '500118', '500118104', '500118104201']) expect(explainDivisionCode(code)).toBeNull();
  });

  it('refuses other lengths and unknown provinces', () => {
    expect(explainDivisionCode('5001181042')).toBe('应为 2、4、6、9 或 12 位（现为 10 位）');
    expect(explainDivisionCode('990118')).toBe('前两位 99 不是有效的省级代码');
  });
});

describe('year-months', () => {
  it('accepts YYYY-MM and explains the rest', () => {
    expect(explainYearMonth('2021-09')).toBeNull();
    expect(explainYearMonth('2021-9')).toBe('格式应为 年-月（如 2021-09）');
    expect(explainYearMonth('2021-00')).toBe('月份 00 无效');
    expect(explainYearMonth('1899-12')).toBe('年份 1899 不在 1900-2100 之间');
  });
});
