// The monitoring-object form and the registry: the header and members pre-filled from it, and what
// the county's approval writes in it (a new monitored household, its head, its risk elimination).
import { describe, expect, it } from 'vitest';
import { applyEffects, prefillData, verificationFields } from '@engine';
import { evaluateForm, loadForm } from '../helpers/forms';
import { CHEN, CHEN_IN_REGISTRY, FORM, LI, chenHousehold, liHousehold, type Row } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('registry hooks', () => {
    it('pre-fills the verified header and the members from the registry', () => {
      const form = loadForm(FORM);
      expect(verificationFields(form)).toEqual(['divisionCode', 'address', 'phone']);
      const data = prefillData(form, CHEN_IN_REGISTRY);
      expect(data).toMatchObject({ divisionCode: '500118104201', address: '重庆市永川区临江镇高滩村3组', phone: '13883451276' });
      expect((data.members as Row[])[1]).toEqual({ A5: '刘素芬', A6: '女', A7: CHEN[1]!.A7, A8: '配偶', A13: '患大病' });
    });

    it('creates a monitored household on the county\'s approval of a new identification', () => {
      const form = loadForm(FORM);
      const evaluated = evaluateForm(FORM, liHousehold(5999, '边缘易致贫户'));
      const outcome = applyEffects(form, evaluated.data, null, { month: '2021-12' });
      expect(outcome.created).toBe(true);
      expect(outcome.household).toMatchObject({
        divisionCode: '530925100203', headName: '李扎约', headIdNumber: LI[0]!.A7,
        address: '云南省临沧市双江拉祜族佤族布朗族傣族自治县勐勐镇彝家村2组', phone: '15808830516',
        kind: '边缘易致贫户', identifiedMonth: '2021-12', mainRisk: '因就业不稳',
      });
      expect(outcome.household).not.toHaveProperty('riskEliminatedMonth');
      expect(outcome.household!.members).toHaveLength(3);
      expect(outcome.household!.members[1]).toEqual({
        name: '李娜妥', gender: '女', idNumber: LI[1]!.A7, relation: '配偶', ethnicity: '拉祜族', politicalStatus: '群众',
        education: '小学', schoolStatus: '非在校生', health: '长期慢性病', laborSkill: '弱劳动力或半劳动力',
        medicalInsurance: true, seriousIllnessInsurance: true, pensionInsurance: true,
        minimumLivingAllowance: false, extremePovertySupport: false, relocated: false,
      });
    });

    it('takes the head from the member whose A8 is 户主, wherever the row is', () => {
      const reordered = [CHEN[2]!, CHEN[0]!, CHEN[1]!, CHEN[3]!];
      const evaluated = evaluateForm(FORM, chenHousehold({ members: reordered }));
      const outcome = applyEffects(loadForm(FORM), evaluated.data, null, { month: '2021-12' });
      expect(outcome.household).toMatchObject({ headName: '陈国富', headIdNumber: CHEN[0]!.A7 });
    });

    it('keeps an existing identification month and records the risk elimination', () => {
      const household = CHEN_IN_REGISTRY;
      const evaluated = evaluateForm(FORM, chenHousehold({ A53: '帮扶消除', A54: '2021-09' }), { household });
      expect(evaluated.valid).toBe(true);
      const outcome = applyEffects(loadForm(FORM), evaluated.data, household, { month: '2021-12' });
      expect(outcome.created).toBe(false);
      expect(outcome.household).toMatchObject({
        id: 'h-500118104201-031', kind: '突发严重困难户', identifiedMonth: '2021-03',
        riskEliminatedMonth: '2021-09', riskEliminationMethod: '帮扶消除', mainRisk: '因大病',
      });
      expect(outcome.household!.members.map((m) => m.name)).toEqual(['陈国富', '刘素芬', '陈小龙', '陈雨桐']);
      expect(outcome.household!.members[0]).toMatchObject({ workArea: '县外省内', workMonths: 9 });
    });

    it.each([
      ['因病', '因大病'],
      ['因学', '因学'],
      ['因安全住房', '其他'],
      ['因安全饮水', '其他'],
      ['因残', '因残'],
      ['因自然灾害', '因灾'],
      ['因意外事故', '因突发事件'],
      ['因产业项目失败', '因产业失败'],
      ['因务工就业不稳', '因就业不稳'],
      ['缺劳动力', '其他'],
      ['其他', '其他'],
    ])('records a first risk %s as the 回头看 main risk %s', (risk, mainRisk) => {
      const data = chenHousehold({ A27: [risk], A27a: ['洪涝灾害'], A27_other: '因疫情返乡后未能复工' });
      const evaluated = evaluateForm(FORM, data);
      expect(evaluated.valid).toBe(true);
      const outcome = applyEffects(loadForm(FORM), evaluated.data, null, { month: '2021-12' });
      expect(outcome.household!.mainRisk).toBe(mainRisk);
    });
  });
});
