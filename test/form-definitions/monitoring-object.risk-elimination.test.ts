// The monitoring-object form's risk elimination (A53, A54): allowed 6 months after identification,
// filled together, never after the campaign's reference date.
import { describe, expect, it } from 'vitest';
import type { Household } from '@engine';
import { evaluateForm, issueAt } from '../helpers/forms';
import { CHEN_IN_REGISTRY, FORM, chenHousehold, messages } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('risk elimination (A53, A54)', () => {
    const identifiedIn = (identifiedMonth: string): Household => ({ ...CHEN_IN_REGISTRY, identifiedMonth });

    it('lets a household identified 6 months before mark its risk eliminated', () => {
      const result = evaluateForm(FORM, chenHousehold({ A53: '帮扶消除', A54: '2021-09' }), { household: identifiedIn('2021-03') });
      expect(messages(result)).toEqual([]);
      expect(result.data).toMatchObject({ A53: '帮扶消除', A54: '2021-09' });
    });

    it('refuses risk elimination within 6 months of identification', () => {
      const result = evaluateForm(FORM, chenHousehold({ A53: '自然消除', A54: '2021-09' }), { household: identifiedIn('2021-04') });
      expect(result.errors).toEqual([expect.objectContaining({
        path: '/A54', field: 'A54', code: 'rule:risk-six-months',
        message: 'A54 风险消除时间：识别纳入不满 6 个月（纳入时间 2021-04，风险消除时间 2021-09），不能标注风险消除',
      })]);
    });

    it('refuses risk elimination for a household not yet identified', () => {
      for (const household of [null, { ...CHEN_IN_REGISTRY, identifiedMonth: undefined }]) {
        const result = evaluateForm(FORM, chenHousehold({ A53: '帮扶消除', A54: '2021-09' }), { household });
        expect(result.errors).toEqual([expect.objectContaining({
          path: '/A54', code: 'rule:risk-needs-identification',
          message: 'A54 风险消除时间：该户尚未识别纳入监测对象（无纳入时间），不能标注风险消除',
        })]);
      }
    });

    it('wants A53 and A54 filled together', () => {
      const household = identifiedIn('2021-03');
      const noMonth = evaluateForm(FORM, chenHousehold({ A53: '帮扶消除' }), { household });
      expect(noMonth.errors).toEqual([expect.objectContaining({
        path: '/A54', code: 'rule:risk-method-needs-month',
        message: 'A54 风险消除时间：已选择 A53 风险消除方式（帮扶消除），应同时填写风险消除时间',
      })]);
      const noMethod = evaluateForm(FORM, chenHousehold({ A54: '2021-09' }), { household });
      expect(noMethod.errors).toEqual([expect.objectContaining({
        path: '/A53', code: 'rule:risk-month-needs-method',
        message: 'A53 风险消除方式：已填写 A54 风险消除时间（2021-09），应同时选择帮扶消除或自然消除',
      })]);
    });

    it('refuses a month after the campaign\'s reference date', () => {
      const household = identifiedIn('2021-03');
      const late = evaluateForm(FORM, chenHousehold({ A53: '帮扶消除', A54: '2021-10' }), { household });
      expect(late.errors).toEqual([expect.objectContaining({
        path: '/A54', code: 'rule:risk-not-after-reference-date',
        message: 'A54 风险消除时间 2021-10 晚于本次统计时点 2021-09-30，之后的变化不在本次采集',
      })]);
      const in2023 = evaluateForm(FORM, chenHousehold({ A53: '帮扶消除', A54: '2023-09' }), { household, campaign: '2023' });
      expect(in2023.errors).toEqual([]);
    });

    it('leaves a household whose risk is not eliminated alone', () => {
      const result = evaluateForm(FORM, chenHousehold(), { household: identifiedIn('2021-08') });
      expect(issueAt(result, '/A53')).toBeUndefined();
      expect(issueAt(result, '/A54')).toBeUndefined();
    });
  });
});
