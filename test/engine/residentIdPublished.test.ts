// Resident ID numbers checked against values worked out outside this code: the standard's own
// example (GB 11643-1999: 11010519491231002X), a household head's number from the demo township, and numbers whose check digits were computed by hand from the
// standard's weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainders 0–10 → 1 0 X 9 8 7 6 5 4 3 2),
// never by the function under test.
import { describe, expect, it } from 'vitest';
import { birthDateOf, evaluate, explainResidentId } from '@engine';
import { defineForm, text } from '../helpers/defineForm';

const form = defineForm({ A3: text('A3 户主证件号码', { format: 'resident-id' }) });

/** The messages the engine gives on field A3 holding `id`, prefix (the field's title) removed. */
function fieldIssues(id: string): string[] {
  return evaluate(form, { A3: id }).errors.filter((e) => e.path === '/A3').map((e) => e.message.replace(/^A3 户主证件号码[\s：]*/, ''));
}

describe('an ID number ending in X', () => {
  it('is accepted only where the check digit really is X', () => {
    expect(explainResidentId('11010519491231002X')).toBeNull();
    // 50011819680412063 calls for 6: an X there is wrong, and the message says which digit is right.
    expect(explainResidentId('500118196804120636')).toBeNull();
    expect(explainResidentId('50011819680412063X')).toBe('校验位错误（第 18 位应为 6）');
  });

  it('is refused with a wrong X in a form field of format resident-id', () => {
    expect(fieldIssues('50011819680412063X')).toEqual(['校验位错误（第 18 位应为 6）']);
    expect(fieldIssues('11010519491231002X')).toEqual([]);
  });
});

describe('births on 29 February', () => {
  it('are accepted in leap years, 2000 included (divisible by 400)', () => {
    expect(explainResidentId('500118199202290025')).toBeNull();
    expect(explainResidentId('500118200002290042')).toBeNull();
    expect(explainResidentId('500118202402290016')).toBeNull();
    expect(birthDateOf('500118200002290042')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('are refused in other years, 1900 included (divisible by 100, not by 400)', () => {
    expect(explainResidentId('500118190002290011')).toBe('出生日期 19000229 不是有效日期');
    expect(explainResidentId('500118202302290035')).toBe('出生日期 20230229 不是有效日期');
    expect(birthDateOf('500118190002290011')).toBeNull();
  });

  it('are refused and accepted the same way in a form field', () => {
    expect(fieldIssues('500118199202290025')).toEqual([]);
    expect(fieldIssues('500118190002290011')).toEqual(['出生日期 19000229 不是有效日期']);
  });
});
