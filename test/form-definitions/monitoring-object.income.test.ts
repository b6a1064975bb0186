// The monitoring-object form's incomes: A33 to A38 and A26, A4 computed from the answers, and the
// household kind judged against each campaign's income line (000 方案一.6, 004 注2).
import { describe, expect, it } from 'vitest';
import { evaluateForm, issueAt } from '../helpers/forms';
import { CHEN_IN_REGISTRY, FORM, LI_POVERTY_EXITED, chenHousehold, liHousehold, messages, wangHousehold, withMember } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('computed values', () => {
    it('computes A33 from A28..A32 and A34 per member', () => {
      // 58000 + 6500 + 800 + 4200 - 2300 = 67200 for 4 people
      const result = evaluateForm(FORM, chenHousehold());
      expect(result.data.A33).toBe(67200);
      expect(result.data.A34).toBe(16800);
    });

    it('computes A37 = A33 + A35 - A36 and A38 per member', () => {
      // 67200 + 12000 claims - 38000 compliant out-of-pocket costs = 41200 for 4 people
      const result = evaluateForm(FORM, chenHousehold());
      expect(result.data.A37).toBe(41200);
      expect(result.data.A38).toBe(10300);
    });

    it('rounds the per-capita values to 2 decimals', () => {
      // 9600 + 6800 + 0 + 4200 - 1200 = 19400 for 3 people; 19400 + 0 - 1999 = 17401
      const result = evaluateForm(FORM, { ...liHousehold(6000, '突发严重困难户'), A31: 4200, A36: 1999 });
      expect(result.data).toMatchObject({ A33: 19400, A34: 6466.67, A37: 17401, A38: 5800.33 });
    });

    it('counts an empty amount as 0, and still asks for it', () => {
      const result = evaluateForm(FORM, chenHousehold({ A30: undefined, A35: undefined }));
      expect(result.data.A33).toBe(66400);
      expect(result.data.A37).toBe(28400);
      expect(issueAt(result, '/A30')).toMatchObject({ code: 'required', message: 'A30 财产性收入（元）为必填项' });
    });

    it('ignores computed values sent by the client', () => {
      const result = evaluateForm(FORM, chenHousehold({ A4: true, A26: true, A33: 1, A34: 1, A37: 1, A38: 1 }));
      expect(result.data).toMatchObject({ A4: false, A26: false, A33: 67200, A34: 16800, A37: 41200, A38: 10300 });
    });

    it('derives A26 from the members\' A17: 是 as soon as one member has no basic medical insurance', () => {
      expect(evaluateForm(FORM, chenHousehold()).data.A26).toBe(false);
      expect(evaluateForm(FORM, chenHousehold({ members: withMember(3, { A17: false }) })).data.A26).toBe(true);
    });

    it.each([
      ['脱贫户', true],
      ['脱贫不稳定户', true],
      ['边缘易致贫户', false],
      ['突发严重困难户', false],
    ] as const)('derives A4 脱贫户 from the registry: a %s household gives %s', (kind, expected) => {
      const result = evaluateForm(FORM, chenHousehold(), { household: { ...CHEN_IN_REGISTRY, kind } });
      expect(result.data.A4).toBe(expected);
    });

    it('gives A4 否 to a household not yet in the registry', () => {
      expect(evaluateForm(FORM, chenHousehold(), { household: null }).data.A4).toBe(false);
    });
  });

  describe('household kind against the income line (000 方案一.6, 004 注2)', () => {
    it('warns that a 脱贫户 at 5999 yuan per person, below the 6000 line, should be 脱贫不稳定户', () => {
      const result = evaluateForm(FORM, liHousehold(5999, '突发严重困难户'), { household: LI_POVERTY_EXITED });
      expect(result.data.A34).toBe(5999);
      expect(result.valid).toBe(true);
      expect(result.warnings).toEqual([{
        path: '/A3', field: 'A3', code: 'rule:kind-below-line-poverty-exited', severity: 'warning',
        message: 'A3 监测对象类别：A34 家庭人均纯收入 5999 元低于收入线 6000 元，脱贫户（A4 为“是”）应为脱贫不稳定户',
      }]);
      expect(messages(evaluateForm(FORM, liHousehold(5999, '脱贫不稳定户'), { household: LI_POVERTY_EXITED }))).toEqual([]);
    });

    it('warns that an ordinary household at 5999 yuan per person should be 边缘易致贫户', () => {
      const result = evaluateForm(FORM, liHousehold(5999, '脱贫不稳定户'));
      expect(issueAt(result, '/A3')).toMatchObject({ severity: 'warning', message: expect.stringContaining('非脱贫户（A4 为“否”）应为边缘易致贫户') });
      expect(messages(evaluateForm(FORM, liHousehold(5999, '边缘易致贫户')))).toEqual([]);
    });

    it('judges 6000 yuan per person, exactly the line, as 突发严重困难户', () => {
      for (const household of [null, LI_POVERTY_EXITED]) {
        expect(messages(evaluateForm(FORM, liHousehold(6000, '突发严重困难户'), { household }))).toEqual([]);
      }
      const result = evaluateForm(FORM, liHousehold(6000, '边缘易致贫户'));
      expect(issueAt(result, '/A3')).toMatchObject({
        code: 'rule:kind-at-or-above-line',
        message: 'A3 监测对象类别：A34 家庭人均纯收入 6000 元不低于收入线 6000 元，应为突发严重困难户',
      });
    });

    it('judges 6001 yuan per person as 突发严重困难户, even for a 脱贫户', () => {
      const result = evaluateForm(FORM, liHousehold(6001, '脱贫不稳定户'), { household: LI_POVERTY_EXITED });
      expect(result.data.A34).toBe(6001);
      expect(issueAt(result, '/A3')?.message).toContain('应为突发严重困难户');
      expect(messages(evaluateForm(FORM, liHousehold(6001, '突发严重困难户'), { household: LI_POVERTY_EXITED }))).toEqual([]);
    });

    it('judges the same 6500 yuan per person by each campaign\'s own line (2021: 6000, 2023: 7000)', () => {
      const data = wangHousehold('突发严重困难户');
      const in2021 = evaluateForm(FORM, data, { campaign: '2021' });
      expect(in2021.data.A34).toBe(6500);
      expect(issueAt(in2021, '/A3')).toBeUndefined();

      const in2023 = evaluateForm(FORM, data, { campaign: '2023' });
      expect(in2023.data.A34).toBe(6500);
      expect(issueAt(in2023, '/A3')).toMatchObject({
        severity: 'warning',
        message: 'A3 监测对象类别：A34 家庭人均纯收入 6500 元低于收入线 7000 元，非脱贫户（A4 为“否”）应为边缘易致贫户',
      });
      expect(issueAt(evaluateForm(FORM, wangHousehold('边缘易致贫户'), { campaign: '2023' }), '/A3')).toBeUndefined();
    });

    it('does not judge the kind while there are no members to divide by', () => {
      const result = evaluateForm(FORM, chenHousehold({ members: [] }));
      expect(result.data).not.toHaveProperty('A34');
      expect(issueAt(result, '/A3')).toBeUndefined();
      expect(issueAt(result, '/members')).toMatchObject({ code: 'minItems' });
    });
  });
});
