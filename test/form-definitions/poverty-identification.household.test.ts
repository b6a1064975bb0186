// 新识别贫困户信息采集表 (000 附件1) on 陈国华's household of 永川区临江镇高滩村: the complete
// household accepted, the answers it requires, and what sections 一、基础信息 and 二、家庭成员信息
// compute, hide and refuse.
import { describe, expect, it } from 'vitest';
import type { Household } from '@engine';
import { evaluateForm, issueAt } from '../helpers/forms';
import { residentId } from '../helpers/sampleForm';
import { CHEN_GUOHUA, CHEN_HAO, CHEN_XIAOLONG, FORM, LIU_SUFEN, chenHousehold, member, withMembers, type Row } from './povertyIdentificationHousehold';

describe('新识别贫困户信息采集表', () => {
  it('accepts 陈国华’s complete household with no errors or warnings', () => {
    const result = evaluateForm(FORM, chenHousehold());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('accepts a household without the optional bank fields nor causes 2 and 3', () => {
    const data = chenHousehold();
    delete data.bank;
    delete data.bankAccount;
    delete data.A27b;
    delete data.A27c;
    expect(evaluateForm(FORM, data).errors).toEqual([]);
  });

  it('requires the fields the seed does not mark 选填, naming each by its code and label', () => {
    const data = chenHousehold();
    delete data.A28;
    delete data.A40;
    delete data.group;
    const result = evaluateForm(FORM, data);
    expect(issueAt(result, '/A28')).toMatchObject({ field: 'A28', code: 'required', message: 'A28 工资性收入（元）为必填项' });
    expect(issueAt(result, '/A40')).toMatchObject({ field: 'A40', code: 'required', message: 'A40 危房等级为必填项' });
    expect(issueAt(result, '/group')?.message).toBe('自然村（村民小组）为必填项');
  });

  describe('一、基础信息', () => {
    it('refuses a division code that is not a 12-digit village code', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), divisionCode: '500118104' });
      expect(issueAt(result, '/divisionCode')).toMatchObject({
        field: 'divisionCode', code: 'rule:village-code-12', severity: 'error',
      });
      expect(issueAt(result, '/divisionCode')?.message).toContain('应为本村 12 位行政区划代码（现为 500118104）');
    });

    it('refuses a household the registry already keeps as 脱贫户 or a monitoring object', () => {
      const registered: Household = {
        divisionCode: '500118104201', headName: '陈国华', headIdNumber: CHEN_GUOHUA, kind: '脱贫户', members: [],
      };
      const result = evaluateForm(FORM, chenHousehold(), { household: registered });
      expect(issueAt(result, '/divisionCode')).toMatchObject({ code: 'rule:not-yet-registered', severity: 'error' });
      expect(issueAt(result, '/divisionCode')?.message).toContain('本户已登记为脱贫户，不属于新识别贫困户');
      const ordinary = evaluateForm(FORM, chenHousehold(), { household: { ...registered, kind: '一般农户' } });
      expect(ordinary.errors).toEqual([]);
    });

    it('asks for the bank when an account is given, and for the account when a bank is given', () => {
      const noBank = chenHousehold();
      delete noBank.bank;
      expect(issueAt(evaluateForm(FORM, noBank), '/bank')).toMatchObject({
        code: 'rule:bank-with-account', message: '开户银行（选填）：填写了银行账号时应写明开户银行',
      });
      const noAccount = chenHousehold();
      delete noAccount.bankAccount;
      expect(issueAt(evaluateForm(FORM, noAccount), '/bankAccount')).toMatchObject({
        code: 'rule:account-with-bank', message: '银行账号（选填）：填写了开户银行时应填写银行账号',
      });
    });

    it('refuses a bank account with anything but digits', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), bankAccount: '6228 4804 6912' });
      expect(issueAt(result, '/bankAccount')).toMatchObject({ code: 'pattern', message: '银行账号（选填）格式不正确' });
    });

    it('offers 国家、省、市 as A23 识别标准 and nothing else', () => {
      expect(evaluateForm(FORM, { ...chenHousehold(), A23: '市' }).errors).toEqual([]);
      const result = evaluateForm(FORM, { ...chenHousehold(), A23: '县' });
      expect(issueAt(result, '/A23')).toMatchObject({ code: 'enum', message: 'A23 识别标准只能从可选项中选择' });
    });

    it('refuses a phone number that is neither a mobile nor a landline', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), phone: '139830' });
      expect(issueAt(result, '/phone')).toMatchObject({ code: 'format' });
      expect(issueAt(result, '/phone')?.message).toContain('联系电话');
      expect(evaluateForm(FORM, { ...chenHousehold(), phone: '023-49561234' }).errors).toEqual([]);
    });
  });

  describe('二、家庭成员信息', () => {
    it('needs at least one member', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), members: [] });
      expect(issueAt(result, '/members')).toMatchObject({ code: 'minItems', message: '家庭成员至少填写 1 项' });
    });

    it('needs exactly one 户主: none is refused, and so are two', () => {
      const none = evaluateForm(FORM, withMembers((rows) => { rows[0]!.A5 = '其他'; }));
      expect(issueAt(none, '/members')).toMatchObject({ code: 'rule:one-head', field: 'members' });
      expect(issueAt(none, '/members')?.message).toContain('A5 与户主关系为“户主”的成员应有且只有一位');
      const two = evaluateForm(FORM, withMembers((rows) => { rows[1]!.A5 = '户主'; }));
      expect(issueAt(two, '/members')?.code).toBe('rule:one-head');
    });

    it('names the row and column of a missing member answer', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { delete rows[1]!.A17; }));
      expect(issueAt(result, '/members/1/A17')).toMatchObject({
        field: 'A17', code: 'required', message: '家庭成员第 2 行：A17 是否参加城乡居民基本医疗保险为必填项',
      });
    });

    it('offers the conventions’ relations, A5 与户主关系, and no other', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { rows[2]!.A5 = '儿子'; }));
      expect(issueAt(result, '/members/2/A5')?.message).toBe('家庭成员第 3 行：A5 与户主关系只能从可选项中选择');
    });

    it('wants an 18-digit number when A3 证件类型 is 居民身份证', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { rows[1]!.A4 = `${LIU_SUFEN}42`; }));
      expect(issueAt(result, '/members/1/A4')).toMatchObject({ field: 'A4', code: 'rule:id-resident-18' });
      expect(issueAt(result, '/members/1/A4')?.message).toBe(
        '家庭成员第 2 行：A4 居民身份证（残疾人证）号码：A3 证件类型为居民身份证时应填写 18 位身份证号码',
      );
    });

    it('wants a 20-digit number when A3 证件类型 is 残疾人证, and accepts one', () => {
      const short = evaluateForm(FORM, withMembers((rows) => { rows[1]!.A3 = '残疾人证'; }));
      expect(issueAt(short, '/members/1/A4')).toMatchObject({ code: 'rule:id-disability-20' });
      expect(issueAt(short, '/members/1/A4')?.message).toContain('A3 证件类型为残疾人证时应填写 20 位残疾人证号');
      const certificate = evaluateForm(FORM, withMembers((rows) => {
        rows[1]!.A3 = '残疾人证';
        rows[1]!.A4 = `${LIU_SUFEN}42`;
        rows[1]!.A10 = '残疾';
      }));
      expect(certificate.errors).toEqual([]);
    });

    it('refuses an ID number with a wrong check digit, saying which digit was expected', () => {
      const wrong = `${CHEN_XIAOLONG.slice(0, 17)}${CHEN_XIAOLONG[17] === '0' ? '1' : '0'}`;
      const result = evaluateForm(FORM, withMembers((rows) => { rows[2]!.A4 = wrong; }));
      expect(issueAt(result, '/members/2/A4')).toMatchObject({ code: 'format' });
      expect(issueAt(result, '/members/2/A4')?.message).toContain(`校验位错误（第 18 位应为 ${CHEN_XIAOLONG[17]}）`);
    });

    it('refuses the same ID number on two rows, on both rows', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { rows[3]!.A4 = CHEN_XIAOLONG; rows[3]!.A2 = '男'; }));
      for (const path of ['/members/2/A4', '/members/3/A4']) {
        expect(issueAt(result, path)).toMatchObject({ code: 'rule:id-unique' });
        expect(issueAt(result, path)?.message).toContain(`A4 居民身份证（残疾人证）号码：${CHEN_XIAOLONG} 在表中重复出现`);
      }
    });

    it('warns where an A2 性别 typed by hand contradicts the ID number (the number fills it otherwise)', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { rows[0]!.A2 = '女'; }));
      expect(issueAt(result, '/members/0/A2')).toMatchObject({ code: 'rule:gender-matches-id', severity: 'warning' });
      expect(issueAt(result, '/members/0/A2')?.message).toBe(
        `家庭成员第 1 行：A2 性别：女 与证件号码 ${CHEN_GUOHUA} 第 17 位所示的性别不符，请核实`,
      );
    });

    it('shows A12 务工区域 and A13 务工时间 only to members with labour, dropping hidden answers', () => {
      const result = evaluateForm(FORM, withMembers((rows) => {
        rows[1]!.A12 = '省外';
        rows[1]!.A13 = 6;
      }));
      expect(result.hidden).toEqual(expect.arrayContaining(['/members/1/A12', '/members/1/A13', '/members/3/A12', '/members/3/A13']));
      expect(result.hidden).not.toContain('/members/2/A12');
      expect(result.hidden).not.toContain('/members/0/A13');
      expect((result.data.members as Row[])[1]).not.toHaveProperty('A12');
      expect((result.data.members as Row[])[1]).not.toHaveProperty('A13');
      expect((result.data.members as Row[])[2]).toMatchObject({ A12: '省外', A13: 10 });
      expect(result.errors).toEqual([]);
    });

    it('wants A13 务工时间 of 1-12 months from a member who has an A12 务工区域', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { delete rows[2]!.A13; }));
      expect(issueAt(result, '/members/2/A13')).toMatchObject({ code: 'rule:work-area-needs-months' });
      expect(issueAt(result, '/members/2/A13')?.message).toContain('A13 务工时间（月）：填写了 A12 务工区域的成员应填写务工月数');
      const tooMany = evaluateForm(FORM, withMembers((rows) => { rows[2]!.A13 = 13; }));
      expect(issueAt(tooMany, '/members/2/A13')).toMatchObject({ code: 'maximum', message: '家庭成员第 3 行：A13 务工时间（月）不能大于 12' });
    });

    it('wants an A12 务工区域 from a member who worked some months', () => {
      const result = evaluateForm(FORM, withMembers((rows) => { delete rows[2]!.A12; }));
      expect(issueAt(result, '/members/2/A12')).toMatchObject({ code: 'rule:work-months-need-area' });
      expect(issueAt(result, '/members/2/A12')?.message).toContain('A12 务工区域：务工 10 个月的成员应填写务工区域');
    });

    describe('A14 失学或辍学原因', () => {
      const grandson = (own: Row = {}) => member({
        A1: '陈浩', A4: CHEN_HAO, A5: '之孙子', A8: '小学', A9: '非在校生', A11: '无劳动力', A16: false, ...own,
      });

      it('is shown and required for a 13-year-old 非在校生 at the reference date', () => {
        const result = evaluateForm(FORM, withMembers((rows) => { rows.push(grandson()); }));
        expect(result.hidden).not.toContain('/members/4/A14');
        expect(issueAt(result, '/members/4/A14')).toMatchObject({
          code: 'required', message: '家庭成员第 5 行：A14 失学或辍学原因为必填项',
        });
        const answered = evaluateForm(FORM, withMembers((rows) => { rows.push(grandson({ A14: '因家庭困难' })); }));
        expect(answered.errors).toEqual([]);
        expect((answered.data.members as Row[])[4]!.A14).toBe('因家庭困难');
      });

      it('is hidden, not required and dropped for a pupil at school', () => {
        const result = evaluateForm(FORM, withMembers((rows) => { rows.push(grandson({ A9: '初中', A14: '因病' })); }));
        expect(result.hidden).toContain('/members/4/A14');
        expect((result.data.members as Row[])[4]).not.toHaveProperty('A14');
        expect(result.errors).toEqual([]);
      });

      it('is hidden for a 非在校生 outside 6-16: the 53-year-old head and a 5-year-old', () => {
        const result = evaluateForm(FORM, withMembers((rows) => {
          rows.push(member({ A1: '陈乐乐', A4: residentId('500118', '20160101', 71), A5: '之孙子', A8: '学龄前儿童', A11: '无劳动力', A16: false }));
        }));
        expect(result.hidden).toEqual(expect.arrayContaining(['/members/0/A14', '/members/4/A14']));
        expect(result.errors).toEqual([]);
      });

      it('follows the campaign’s reference date: 16 in 2021 is school age, 18 in 2023 is not', () => {
        const born2005 = grandson({ A1: '陈杰', A4: residentId('500118', '20050301', 81), A8: '初中' });
        const in2021 = evaluateForm(FORM, withMembers((rows) => { rows.push(born2005); }), { params: { referenceDate: '2021-09-30' } });
        expect(in2021.hidden).not.toContain('/members/4/A14');
        const in2023 = evaluateForm(FORM, withMembers((rows) => { rows.push(born2005); }), { params: { referenceDate: '2023-09-30' } });
        expect(in2023.hidden).toContain('/members/4/A14');
      });
    });
  });
});
