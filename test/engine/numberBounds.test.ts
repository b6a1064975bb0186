import { describe, expect, it } from 'vitest';
import { evaluate } from '@engine';
import { defineForm, money, readOnlyMoney, table } from '../helpers/defineForm';

/** Incomes as the seeds print them: money fields, one computed total, and a table of wages. */
const incomes = defineForm({
  A28: money('A28 工资性收入（元）'),
  A29: { ...money('A29 生产经营性收入（元）'), maximum: 5_000_000 },
  A33: readOnlyMoney('A33 家庭纯收入（元）'),
  A16: { type: 'integer', minimum: 0, title: 'A16 务工时间（月）' },
  wages: table('务工收入', { amount: money('务工收入（元）') }),
}, {
  computed: [{ field: 'A33', value: { '+': [{ var: ['A28', 0] }, { var: ['A29', 0] }] } }],
}, {
  uiSchema: { A28: { 'ui:widget': 'money' }, A29: { 'ui:widget': 'money' }, A33: { 'ui:widget': 'money' }, wages: { items: { amount: { 'ui:widget': 'money' } } } },
});

const issueAt = (result: ReturnType<typeof evaluate>, path: string) => result.errors.filter((e) => e.path === path);

describe('numbers the form keeps', () => {
  it('refuses a 20-digit A28 with a message, and computes no total from it', () => {
    const result = evaluate(incomes, { A28: Number('12345678901234567890'), A29: 3000 });
    expect(issueAt(result, '/A28')).toEqual([{
      path: '/A28', field: 'A28', code: 'precision', severity: 'error',
      message: 'A28 工资性收入（元）数字过长，无法准确保存（最多 15 位数字），请核对',
    }]);
    expect(result.data.A28).toBeUndefined();
    expect(result.data.A33).toBe(3000);
    expect(result.valid).toBe(false);
  });

  it('refuses an integer past the safe range, whatever the field', () => {
    expect(issueAt(evaluate(incomes, { A16: 2 ** 60 }), '/A16').map((i) => i.code)).toEqual(['precision']);
    expect(issueAt(evaluate(incomes, { A16: Number.MAX_SAFE_INTEGER }), '/A16')).toEqual([]);
  });

  it('bounds money with no maximum of its own at 1,000,000 元 by default, in tables too', () => {
    const result = evaluate(incomes, { A28: 1_200_000, wages: [{ amount: 8000 }, { amount: 3_000_000 }] });
    expect(issueAt(result, '/A28')).toEqual([expect.objectContaining({ code: 'maximum', message: 'A28 工资性收入（元）不能大于 1,000,000 元（1,200,000 元，请核对）' })]);
    expect(issueAt(result, '/wages/1/amount')).toEqual([expect.objectContaining({ message: '务工收入第 2 行：务工收入（元）不能大于 1,000,000 元（3,000,000 元，请核对）' })]);
    expect(issueAt(result, '/wages/0/amount')).toEqual([]);
    expect(result.data.A28).toBe(1_200_000);
    expect(issueAt(evaluate(incomes, { A28: 1_000_000 }), '/A28')).toEqual([]);
  });

  it('lets a definition set its own bound', () => {
    expect(issueAt(evaluate(incomes, { A29: 4_000_000 }), '/A29')).toEqual([]);
    expect(issueAt(evaluate(incomes, { A29: 6_000_000 }), '/A29')).toEqual([expect.objectContaining({ code: 'maximum', message: 'A29 生产经营性收入（元）不能大于 5000000' })]);
  });

  it('leaves numbers that are not money unbounded, and computed values alone', () => {
    expect(evaluate(incomes, { A16: 2_000_000 }).errors).toEqual([]);
    expect(evaluate(incomes, { A28: 900_000, A29: 900_000 }).errors).toEqual([]);
  });
});
