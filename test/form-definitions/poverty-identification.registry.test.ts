// 新识别贫困户信息采集表 (000 附件1) and the registry: what the county's approval of 陈国华's household
// writes there (a new household or an ordinary one updated, its kind against the income line).
import { describe, expect, it } from 'vitest';
import { applyEffects, prefillData, verificationFields, type Household } from '@engine';
import { evaluateForm, loadForm } from '../helpers/forms';
import { CHEN_GUOHUA, CHEN_XIAOLONG, FORM, chenHousehold } from './povertyIdentificationHousehold';

describe('新识别贫困户信息采集表', () => {
  describe('registry', () => {
    const params = { incomeLine: 6000 };

    it('creates the household on approval: head from the 户主 row, address with the group, 边缘易致贫户 below the line', () => {
      const { data } = evaluateForm(FORM, chenHousehold());
      const outcome = applyEffects(loadForm(FORM), data, null, { month: '2021-12' }, params);
      expect(outcome.created).toBe(true);
      expect(outcome.household).toMatchObject({
        divisionCode: '500118104201',
        headName: '陈国华',
        headIdNumber: CHEN_GUOHUA,
        phone: '13983011234',
        address: '重庆市永川区临江镇高滩村3组',
        kind: '边缘易致贫户',
        identifiedMonth: '2021-12',
        // A27a 致贫原因 1 is the monitoring object's main risk (the 公示 lists it beside the kind).
        mainRisk: '因病',
      });
      expect(outcome.household!.members.map((m) => m.name)).toEqual(['陈国华', '刘素芬', '陈小龙', '陈思雨']);
      expect(outcome.household!.members[2]).toEqual({
        name: '陈小龙', gender: '男', idType: '居民身份证', idNumber: CHEN_XIAOLONG, relation: '之子', ethnicity: '汉族',
        politicalStatus: '群众', education: '高中', schoolStatus: '非在校生', health: '健康', laborSkill: '技能劳动力',
        workArea: '省外', workMonths: 10, speaksMandarin: true, pensionInsurance: false, medicalInsurance: true,
        seriousIllnessInsurance: true, minimumLivingAllowance: false, commercialMedicalInsurance: false, medicalAssistance: false,
      });
    });

    it('makes it a 突发严重困难户 when the per-capita net income reaches the line', () => {
      // (30000 + 4400 + 6500 + 300 - 2200) / 4 = 9750 yuan a head, above 6000.
      const { data } = evaluateForm(FORM, { ...chenHousehold(), A28: 30000 });
      expect(applyEffects(loadForm(FORM), data, null, { month: '2021-12' }, params).household?.kind).toBe('突发严重困难户');
      // 2023: (12000 + 4400 + 6500 + 300 - 2200) / 4 = 5250, below 7000 too.
      const low = evaluateForm(FORM, chenHousehold()).data;
      expect(applyEffects(loadForm(FORM), low, null, { month: '2023-11' }, { incomeLine: 7000 }).household?.kind).toBe('边缘易致贫户');
      // (24000 + 4400 + 6500 + 300 - 2200) / 4 = 8250: above 6000, below 9000.
      const middle = evaluateForm(FORM, { ...chenHousehold(), A28: 24000 }).data;
      expect(applyEffects(loadForm(FORM), middle, null, { month: '2021-12' }, { incomeLine: 9000 }).household?.kind).toBe('边缘易致贫户');
      expect(applyEffects(loadForm(FORM), middle, null, { month: '2021-12' }, params).household?.kind).toBe('突发严重困难户');
    });

    it('updates an ordinary household already in the registry, replacing its members', () => {
      const ordinary: Household = {
        id: 'h-chen', divisionCode: '500118104201', headName: '陈国华', headIdNumber: CHEN_GUOHUA, kind: '一般农户',
        address: '重庆市永川区临江镇高滩村3组', phone: '13983011234',
        members: [{ name: '陈国华', idNumber: CHEN_GUOHUA, relation: '户主', gender: '男' }],
      };
      const prefill = prefillData(loadForm(FORM), ordinary);
      expect(prefill).toEqual({
        divisionCode: '500118104201', phone: '13983011234',
        members: [{ A1: '陈国华', A2: '男', A4: CHEN_GUOHUA, A5: '户主' }],
      });
      expect(verificationFields(loadForm(FORM))).toEqual(['divisionCode', 'phone']);
      const { data } = evaluateForm(FORM, chenHousehold(), { household: ordinary });
      const outcome = applyEffects(loadForm(FORM), data, ordinary, { month: '2021-12' }, params);
      expect(outcome.created).toBe(false);
      expect(outcome.household).toMatchObject({ id: 'h-chen', kind: '边缘易致贫户', identifiedMonth: '2021-12' });
      expect(outcome.household!.members).toHaveLength(4);
      expect(outcome.changes).toContain('家庭成员更新为 4 人');
    });
  });
});
