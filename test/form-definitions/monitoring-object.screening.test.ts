// The monitoring-object form's screening against 001 附件2's 10 exclusion cases: the cases that
// keep a household out unless the officer says why (the county then decides), the persons items 8
// and 9 leave out of the members, and each case answered 是 or 否.
import { describe, expect, it } from 'vitest';
import { applyEffects, reviewChain } from '@engine';
import { evaluateForm, issueAt, loadCampaign, loadForm } from '../helpers/forms';
import { CHEN, FORM, chenHousehold, withMember } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('screening against the 10 exclusion cases (001 附件2)', () => {
    it.each([
      ['E1', '有家庭成员或户主的父母、配偶、子女为国家公职人员', '第一类'],
      ['E2', '有家庭成员任“村两委”干部并定期领取薪酬', '第二类'],
      ['E3', '购买了消费型汽车', '第三类'],
      ['E4', '在城镇拥有自建房或购买商品房、门面房以及其他经营用房', '第四类'],
      ['E5', '在市场监管部门注册登记公司、企业并实际开展经营活动', '第五类'],
      ['E6', '种植、养殖大户或雇佣他人从事生产经营活动', '第六类'],
      ['E7', '为享受监测对象帮扶支持，故意分户、并户', '第七类'],
      ['E10', '纳入失信惩戒不符合监测对象识别条件', '第十类'],
    ])('blocks identification when %s (%s) applies', (code, label, kind) => {
      const result = evaluateForm(FORM, chenHousehold({ [code]: true }));
      expect(result.valid).toBe(false);
      expect(result.errors).toHaveLength(1);
      const issue = result.errors[0]!;
      expect(issue).toMatchObject({ path: `/${code}`, field: code, code: `rule:exclusion-${code.toLowerCase()}` });
      expect(issue.message).toContain(`${code} ${label}`);
      expect(issue.message).toContain(`不得纳入监测对象的10类情形（${kind}）`);
    });

    describe('the exception "原则上" allows: a reason to continue, and the county decides', () => {
      // 陈国富's son bought a used car to drive for a living; the officer saw the family's medical debts.
      const REASON = '所购为二手面包车（价值约 2 万元），儿子用于跑运输维持生计；妻子刘素芬患大病，自付医疗费 3.8 万元，家庭负担重，经入户核查确需纳入。';

      it('asks for the reason only once a case is ticked', () => {
        expect(evaluateForm(FORM, chenHousehold()).hidden).toContain('/exclusionReason');
        expect(evaluateForm(FORM, chenHousehold({ E3: true })).hidden).not.toContain('/exclusionReason');
      });

      it('lets a household with a ticked case through once the officer states why, with no error left', () => {
        const result = evaluateForm(FORM, chenHousehold({ E3: true, exclusionReason: REASON }));
        expect(result.errors).toEqual([]);
        expect(result.data.exclusionReason).toBe(REASON);
      });

      it('still blocks with a reason too short to say anything (at least 20 characters)', () => {
        const result = evaluateForm(FORM, chenHousehold({ E3: true, exclusionReason: '确需纳入' }));
        expect(result.valid).toBe(false);
        expect(issueAt(result, '/exclusionReason')).toMatchObject({ code: 'minLength' });
      });

      it('says in the block how to continue', () => {
        expect(issueAt(evaluateForm(FORM, chenHousehold({ E3: true })), '/E3')!.message).toContain('确需纳入的，请在“确需纳入的理由”中写明，报县级确定');
      });

      it('drops a reason typed while no case is ticked', () => {
        expect(evaluateForm(FORM, chenHousehold({ exclusionReason: REASON })).data).not.toHaveProperty('exclusionReason');
      });

      const TOWNSHIP = { id: 'township', title: '乡镇审核', divisionDigits: 9 as const };
      const COUNTY = { id: 'county', title: '县级确定', divisionDigits: 6 as const };
      const CITY = { id: 'city', title: '市级复核', divisionDigits: 4 as const };

      it('sends such a submission to the county for the final approval, whatever the usual chain', () => {
        const form = loadForm(FORM);
        const data = evaluateForm(FORM, chenHousehold({ E3: true, exclusionReason: REASON })).data;
        const plain = evaluateForm(FORM, chenHousehold()).data;
        const townshipOnly = { ...form, review: { ...form.review!, levels: [TOWNSHIP] } };
        const upToCity = { ...form, review: { ...form.review!, levels: [TOWNSHIP, COUNTY, CITY] } };
        expect(reviewChain(townshipOnly, plain).levels).toEqual([TOWNSHIP]);
        expect(reviewChain(townshipOnly, data)).toEqual({
          levels: [TOWNSHIP, COUNTY],
          escalation: { id: 'exclusion-exception', level: COUNTY, reason: '存在原则上不得纳入监测对象的情形，填表人写明了确需纳入的理由：须县级确定' },
        });
        expect(reviewChain(upToCity, plain).levels).toEqual([TOWNSHIP, COUNTY, CITY]);
        expect(reviewChain(upToCity, data).levels).toEqual([TOWNSHIP, COUNTY]);
        expect(reviewChain(form, data).levels).toEqual([TOWNSHIP, COUNTY]);
      });
    });

    describe('items 8 and 9 name persons: they leave the household\'s members, not the household', () => {
      // 陈国富's son 陈小龙 works in another province and keeps his wages to himself.
      const apart = withMember(2, { notCounted: '与户主不共享开支或收入的人员' });

      it('counts the other three in A34 and A38: 67200 ÷ 3 = 22400, (67200 + 12000 − 38000) ÷ 3 = 13733.33', () => {
        const result = evaluateForm(FORM, chenHousehold({ members: apart }));
        expect(result.errors).toEqual([]);
        expect(result.data).toMatchObject({ A33: 67200, A34: 22400, A37: 41200, A38: 13733.33, E8: false, E9: true });
        expect(evaluateForm(FORM, chenHousehold()).data).toMatchObject({ A34: 16800, A38: 10300, E8: false, E9: false });
      });

      it('leaves a not-counted member out of A26 (a member without basic medical insurance)', () => {
        const jailed = withMember(2, { notCounted: '服刑人员', A17: false });
        expect(evaluateForm(FORM, chenHousehold({ members: jailed })).data.A26).toBe(false);
        expect(evaluateForm(FORM, chenHousehold({ members: withMember(2, { A17: false }) })).data.A26).toBe(true);
      });

      it('marks E8 for 空挂人口 and blocks a 空挂户, whose members are all 空挂', () => {
        const oneHollow = withMember(3, { notCounted: '空挂人口' });
        expect(evaluateForm(FORM, chenHousehold({ members: oneHollow })).data).toMatchObject({ E8: true, A34: 22400 });
        const allHollow = CHEN.map((m) => ({ ...m, notCounted: '空挂人口' }));
        const result = evaluateForm(FORM, chenHousehold({ members: allHollow }));
        expect(result.valid).toBe(false);
        expect(result.errors.map((e) => e.code)).toEqual(['rule:members-counted']);
        expect(result.data).not.toHaveProperty('A34');
      });

      it('ignores an E8 or E9 sent by the client: they follow from the members', () => {
        const result = evaluateForm(FORM, chenHousehold({ E8: true, E9: true }));
        expect(result.errors).toEqual([]);
        expect(result.data).toMatchObject({ E8: false, E9: false });
      });

      it('refuses to mark the head as not sharing with the head', () => {
        const result = evaluateForm(FORM, chenHousehold({ members: withMember(0, { notCounted: '与户主不共享开支或收入的人员' }) }));
        expect(result.errors.map((e) => [e.path, e.code])).toEqual([['/members/0/notCounted', 'rule:head-counted']]);
      });

      it('registers only the counted members once the county approves', () => {
        const dead = withMember(1, { notCounted: '死亡人员' });
        const { data } = evaluateForm(FORM, chenHousehold({ members: dead }));
        const outcome = applyEffects(loadForm(FORM), data, null, { month: '2021-12' }, loadCampaign('2021').parameters);
        expect(outcome.household!.members.map((m) => m.name)).toEqual(['陈国富', '陈小龙', '陈雨桐']);
      });
    });

    it('requires each case to be answered 是 or 否', () => {
      const { E4: _unanswered, ...rest } = chenHousehold();
      const result = evaluateForm(FORM, rest);
      expect(issueAt(result, '/E4')).toMatchObject({ code: 'required', message: 'E4 在城镇拥有自建房或购买商品房、门面房以及其他经营用房的为必填项' });
    });
  });
});
