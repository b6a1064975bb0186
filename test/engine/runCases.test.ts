import { describe, expect, it } from 'vitest';
import { checkCampaign, runCases, type Campaign } from '@engine';
import { defineForm, money, readOnlyMoney } from '../helpers/defineForm';

const form = defineForm(
  { A28: money('A28 工资性收入（元）'), A33: readOnlyMoney('A33 家庭纯收入（元）') },
  {
    computed: [{ field: 'A33', value: { '*': [{ var: ['A28', 0] }, 1] } }],
    validations: [{ id: 'line', field: 'A33', severity: 'warning', assert: { '>=': [{ var: 'A33' }, { var: '$params.incomeLine' }] }, message: 'A33 低于收入线' }],
  },
  { required: ['A28'], parameters: { incomeLine: { title: '收入线', type: 'number' } } },
);

describe('runCases', () => {
  it('passes cases whose expectations hold and explains the ones that fail, in Chinese', () => {
    const results = runCases(form, [
      { name: '正常', data: { A28: 7000 }, expect: { valid: true, values: { '/A33': 7000 }, noIssuesAt: ['/A33'] } },
      { name: '低于收入线', data: { A28: 5000 }, expect: { warnings: [{ path: '/A33', messageIncludes: '收入线' }] } },
      { name: '写错的期望', data: { A28: 5000 }, expect: { valid: false, values: { '/A33': 1 }, errors: [{ path: '/A28' }] } },
    ], { incomeLine: 6000 });
    expect(results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(results[2]!.failures).toEqual([
      '应有错误，实际没有',
      '/A33 应为 1，实际为 5000',
      '/A28 应有错误，实际错误：无',
    ]);
  });

  it('lets a case set its own parameters', () => {
    const [result] = runCases(form, [{ name: '2023 收入线', params: { incomeLine: 7000 }, data: { A28: 6500 }, expect: { warnings: [{ path: '/A33' }] } }], { incomeLine: 6000 });
    expect(result!.passed).toBe(true);
  });
});

describe('checkCampaign', () => {
  const campaign: Campaign = { id: '2022', title: '2022年度', year: 2022, parameters: { incomeLine: '六千' }, forms: ['test-form', 'nowhere'] };

  it('requires the parameters its forms declare, of the declared type, and forms that exist', () => {
    expect(checkCampaign(campaign, new Map([['test-form', form]])).map((p) => p.message)).toEqual([
      '参数 incomeLine（收入线）应为数字',
      '活动引用的表单 "nowhere" 不存在',
    ]);
  });
});
