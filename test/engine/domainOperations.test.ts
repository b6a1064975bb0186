import { describe, expect, it } from 'vitest';
import { domainOperations } from '@engine/rules/domainOperations';

const { sum, count, round, monthsBetween, ageAt, daysBetween, duplicates, idGender } = domainOperations as Record<string, (...a: unknown[]) => unknown>;

describe('domain operations', () => {
  it('sums a column as a spreadsheet does: empty and text cells count 0', () => {
    expect(sum!([{ amount: 1200 }, { amount: '800.5' }, {}, { amount: 'abc' }, null], 'amount')).toBe(2000.5);
    expect(sum!([1, 2, '3'])).toBe(6);
    expect(sum!('not a list')).toBe(0);
  });

  it('counts rows', () => {
    expect(count!([{}, {}, {}])).toBe(3);
    expect(count!(undefined)).toBe(0);
  });

  it('rounds half away from zero, also where binary floats fall short', () => {
    expect(round!(1.005, 2)).toBe(1.01);
    expect(round!(-2.5)).toBe(-3);
    expect(round!(0.1 + 0.2, 2)).toBe(0.3);
    expect(round!('12', 2)).toBeNull();
  });

  it('counts months between year-months, the 6-month rule of risk elimination', () => {
    expect(monthsBetween!('2021-03', '2021-09')).toBe(6);
    expect(monthsBetween!('2021-04', '2021-09-30')).toBe(5);
    expect(monthsBetween!('2020-11', '2021-02')).toBe(3);
    expect(monthsBetween!('2021-13', '2021-09')).toBeNull();
  });

  it('counts days between dates', () => {
    expect(daysBetween!('2023-11-20', '2023-11-24')).toBe(4);
    expect(daysBetween!('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween!('2021-02-30', '2021-03-01')).toBeNull();
  });

  it('reads age and gender from an ID number', () => {
    expect(ageAt!('500228198506120010', '2021-06-11')).toBe(35);
    expect(ageAt!('500228198506120010', '2021-06-12')).toBe(36);
    expect(ageAt!('bad', '2021-06-12')).toBeNull();
    expect(idGender!('500228198506120010')).toBe('男');
    expect(idGender!('50022819850612001042')).toBe('男');
    expect(idGender!('x')).toBeNull();
  });

  it('lists the values of a column that appear twice', () => {
    expect(duplicates!([{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: '' }, { id: '' }, {}], 'id')).toEqual(['a']);
  });
});
