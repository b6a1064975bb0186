// ID numbers as officers and spreadsheets type them: a lower-case final x is the X of GB 11643
// and is stored so wherever data enters the engine; the residence permits of Hong Kong (81),
// Macao (82) and Taiwan (83) residents carry resident ID numbers too. The check digits here are
// worked out from the standard's definition (weights 2^(i-1) mod 11, ISO 7064 MOD 11-2), not
// from the engine's table.
import { describe, expect, it } from 'vitest';
import { evaluate, explainResidentId, normalizeIdNumber } from '@engine';
import { defineForm, table, text } from '../helpers/defineForm';

/** GB 11643-1999 §5.2: the check character a1 makes Σ ai·Wi ≡ 1 (mod 11), Wi = 2^(i-1) mod 11. */
function standardCheck(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * (2 ** (17 - k) % 11);
  const a1 = (12 - (sum % 11)) % 11;
  return a1 === 10 ? 'X' : String(a1);
}

// The standard's own examples, and the sample numbers printed on the 2018 specimens of the
// 港澳居民居住证 and 台湾居民居住证.
const STANDARD_EXAMPLE_X = '11010519491231002X';
const STANDARD_EXAMPLE_DIGIT = '440524188001010014';
const HONG_KONG_PERMIT = '810000199408230021';
const MACAO_PERMIT = '820000200009100032';
const TAIWAN_PERMIT = '830000199201300022';

describe('the published numbers the tests rely on', () => {
  it.each([STANDARD_EXAMPLE_X, STANDARD_EXAMPLE_DIGIT, HONG_KONG_PERMIT, MACAO_PERMIT, TAIWAN_PERMIT])('%s has the check digit the standard computes', (id) => {
    expect(standardCheck(id.slice(0, 17))).toBe(id[17]);
  });
});

describe('residence permits of Hong Kong, Macao and Taiwan residents', () => {
  it.each([
    ['香港 81', HONG_KONG_PERMIT], ['澳门 82', MACAO_PERMIT], ['台湾 83', TAIWAN_PERMIT],
  ])('accepts a %s number', (_, id) => {
    expect(explainResidentId(id)).toBeNull();
  });

  it('still refuses a first two digits no division or permit has (84)', () => {
    const first17 = '84000019920130002';
    expect(explainResidentId(first17 + standardCheck(first17))).toBe('前两位 84 不是有效的省级行政区划代码');
  });
});

describe('normalizeIdNumber', () => {
  it('upper-cases the final x of a resident ID and of a disability certificate number', () => {
    expect(normalizeIdNumber('11010519491231002x')).toBe(STANDARD_EXAMPLE_X);
    expect(normalizeIdNumber('11010519491231002x14')).toBe('11010519491231002X14');
  });

  it('leaves anything else for the check to explain', () => {
    for (const value of ['1101051949123100x2', 'x1010519491231002', '11010519491231002', '张三', '11010519491231002xx']) {
      expect(normalizeIdNumber(value)).toBe(value);
    }
  });
});

describe('submitted data with a lower-case x', () => {
  const form = defineForm({
    headId: text('户主身份证号码', { format: 'resident-id' }),
    members: table('家庭成员', { name: text('姓名'), A7: text('A7 居民身份证（残疾人证）号码', { format: 'id-number' }) }),
  });

  it('is stored with X and is valid, at the top level and in a member row', () => {
    const result = evaluate(form, {
      headId: '11010519491231002x',
      members: [{ name: '王建华', A7: ' 11010519491231002x ' }, { name: '王小梅', A7: '11010519491231002x14' }],
    });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      headId: STANDARD_EXAMPLE_X,
      members: [{ name: '王建华', A7: STANDARD_EXAMPLE_X }, { name: '王小梅', A7: '11010519491231002X14' }],
    });
  });

  it('is still refused when X is not the check digit, naming the digit it should be', () => {
    // 83000019920130002's check digit is 2 (the 台湾居民居住证 specimen).
    const wrong = `${TAIWAN_PERMIT.slice(0, 17)}x`;
    const result = evaluate(form, { headId: wrong, members: [{ name: '林志明', A7: wrong }] });
    expect(result.data.headId).toBe('83000019920130002X');
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([
      ['/headId', '户主身份证号码：校验位错误（第 18 位应为 2）'],
      ['/members/0/A7', '家庭成员第 1 行：A7 居民身份证（残疾人证）号码：校验位错误（第 18 位应为 2）'],
    ]);
  });

  it('leaves a text field that is not an ID number as typed', () => {
    const result = evaluate(form, { members: [{ name: '11010519491231002x' }] });
    expect((result.data.members as { name: string }[])[0]!.name).toBe('11010519491231002x');
  });
});
