// The monitoring-object form's rules on its members: one 户主, ID numbers unique and with a right
// check digit, A6 性别 against the ID number, and a village-level division code.
import { describe, expect, it } from 'vitest';
import { evaluateForm, issueAt } from '../helpers/forms';
import { CHEN, FORM, chenHousehold, messages, withMember } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('member rules', () => {
    it('requires a 户主 among the members', () => {
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(0, { A8: '其他' }) }));
      expect(result.errors).toEqual([expect.objectContaining({
        path: '/members', field: 'members', code: 'rule:head-present',
        message: '家庭成员信息：没有“户主”，应有一名成员的 A8 与户主关系为“户主”',
      })]);
    });

    it('allows only one 户主, flagging each row that claims it', () => {
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(2, { A8: '户主' }) }));
      expect(result.errors.map((e) => [e.path, e.message])).toEqual([
        ['/members/0/A8', '家庭成员信息第 1 行：A8 与户主关系：本户填了不止一名户主，应有且只有一名'],
        ['/members/2/A8', '家庭成员信息第 3 行：A8 与户主关系：本户填了不止一名户主，应有且只有一名'],
      ]);
    });

    it('refuses the same ID number twice in one household', () => {
      const duplicated = CHEN[1]!.A7 as string;
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(3, { A7: duplicated, A6: '女' }) }));
      expect(result.errors.map((e) => [e.path, e.code, e.message])).toEqual([
        ['/members/1/A7', 'rule:member-id-unique', `家庭成员信息第 2 行：A7 居民身份证（残疾人证）号码 ${duplicated} 在本户家庭成员中重复出现`],
        ['/members/3/A7', 'rule:member-id-unique', `家庭成员信息第 4 行：A7 居民身份证（残疾人证）号码 ${duplicated} 在本户家庭成员中重复出现`],
      ]);
    });

    it('warns when A6 性别 contradicts the 17th digit of the ID number', () => {
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(1, { A6: '男' }) }));
      expect(result.valid).toBe(true);
      expect(result.warnings).toEqual([expect.objectContaining({
        path: '/members/1/A6', field: 'A6', code: 'rule:member-gender-matches-id',
        message: '家庭成员信息第 2 行：A6 性别“男”与 A7 居民身份证（残疾人证）号码第 17 位所示性别不一致，请核实',
      })]);
    });

    it('reads the gender of a 20-digit disability certificate number from its ID part', () => {
      const certificate = `${CHEN[1]!.A7 as string}12`;
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(1, { A7: certificate }) }));
      expect(messages(result)).toEqual([]);
      const wrong = evaluateForm(FORM, chenHousehold({ members: withMember(1, { A7: certificate, A6: '男' }) }));
      expect(issueAt(wrong, '/members/1/A6')?.severity).toBe('warning');
    });

    it('checks each ID number\'s check digit', () => {
      const bad = `${(CHEN[2]!.A7 as string).slice(0, 17)}${(CHEN[2]!.A7 as string).endsWith('0') ? '1' : '0'}`;
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(2, { A7: bad }) }));
      expect(issueAt(result, '/members/2/A7')).toMatchObject({ code: 'format', message: expect.stringContaining('家庭成员信息第 3 行：A7 居民身份证（残疾人证）号码') });
    });

    it('asks for a village-level 12-digit division code', () => {
      const result = evaluateForm(FORM, chenHousehold({ divisionCode: '500118104' }));
      expect(issueAt(result, '/divisionCode')).toMatchObject({
        code: 'rule:village-division-code',
        message: '行政区划代码应填写到村（社区）一级的 12 位代码（现为 500118104）',
      });
    });
  });
});
