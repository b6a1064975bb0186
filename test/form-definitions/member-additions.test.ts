// 家庭成员自然增加情况表 (000 附件2) on a 脱贫户 of 双江县: 李扎约's son married 石玉香 and their
// daughter 李雨涵 was born in March 2021. The header comes from the registry; the new members are
// checked against it and added to it on approval.
import { describe, expect, it } from 'vitest';
import { applyEffects, prefillData, verificationFields, type FormData, type Household } from '@engine';
import { evaluateForm, issueAt, loadForm } from '../helpers/forms';
import { residentId } from '../helpers/sampleForm';

const FORM = 'member-additions';

const LI_ZHAYUE = residentId('530925', '19720816', 17);
const LUO_NAMEI = residentId('530925', '19750309', 28);
const LI_ZHALUO = residentId('530925', '19961123', 31);
const SHI_YUXIANG = residentId('530925', '19981009', 46);
const LI_YUHAN = residentId('530925', '20210305', 62);

type Row = Record<string, unknown>;

/** 李扎约's household as the registry keeps it before the additions. */
function liHousehold(): Household {
  return {
    id: 'h-li', divisionCode: '530925102204', headName: '李扎约', headIdNumber: LI_ZHAYUE, kind: '脱贫户',
    address: '云南省临沧市双江拉祜族佤族布朗族傣族自治县勐库镇公弄村5组',
    divisionName: '公弄村',
    members: [
      { name: '李扎约', idNumber: LI_ZHAYUE, relation: '户主', gender: '男', ethnicity: '拉祜族' },
      { name: '罗娜妹', idNumber: LUO_NAMEI, relation: '配偶', gender: '女', ethnicity: '拉祜族' },
      { name: '李扎倮', idNumber: LI_ZHALUO, relation: '之子', gender: '男', ethnicity: '拉祜族' },
    ],
  } as Household;
}

function newMember(own: Row): Row {
  return {
    A3: '居民身份证', A7: '群众', A9: '非在校生', A10: '健康',
    A15: true, A16: true, A17: true, A18: true, A19: false, A20: false, A51: false,
    ...own,
  };
}

const shiYuxiang = (own: Row = {}) => newMember({
  A1: '石玉香', A2: '女', A4: SHI_YUXIANG, A5: '之儿媳', A6: '佤族', A8: '初中', A11: '普通劳动力',
  A12: '县外省内', workPlace: '云南省临沧市临翔区', A13: 6, addReason: '2', ...own,
});

const liYuhan = (own: Row = {}) => newMember({
  A1: '李雨涵', A2: '女', A4: LI_YUHAN, A5: '之孙女', A6: '拉祜族', A8: '学龄前儿童', A11: '无劳动力', A15: false, A16: false,
  addReason: '1', ...own,
});

function additions(...rows: Row[]): FormData {
  return {
    villageName: '公弄村', divisionCode: '530925102204', headName: '李扎约', headIdNumber: LI_ZHAYUE,
    members: rows.length > 0 ? rows : [shiYuxiang(), liYuhan()],
  };
}

const inLi = { household: liHousehold() };

describe('已脱贫户、易返贫致贫户家庭成员自然增加情况表', () => {
  it('accepts a daughter-in-law by marriage and a newborn granddaughter with no errors or warnings', () => {
    const result = evaluateForm(FORM, additions(), inLi);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  describe('header', () => {
    it('starts from the registry’s village, division code and head, to be verified', () => {
      expect(prefillData(loadForm(FORM), liHousehold())).toEqual({
        villageName: '公弄村', divisionCode: '530925102204', headName: '李扎约', headIdNumber: LI_ZHAYUE,
      });
      expect(verificationFields(loadForm(FORM))).toEqual(['villageName', 'divisionCode', 'headName', 'headIdNumber']);
    });

    it('requires the header, naming each field', () => {
      const data = additions();
      delete data.headName;
      expect(issueAt(evaluateForm(FORM, data, inLi), '/headName')).toMatchObject({ code: 'required', message: '户主姓名为必填项' });
    });

    it('refuses a division code that is not a village’s 12 digits', () => {
      const result = evaluateForm(FORM, { ...additions(), divisionCode: '530925' }, inLi);
      expect(issueAt(result, '/divisionCode')).toMatchObject({ code: 'rule:village-code-12' });
      expect(issueAt(result, '/divisionCode')?.message).toContain('应为本村 12 位行政区划代码');
    });
  });

  describe('the new members', () => {
    it('needs at least one', () => {
      const result = evaluateForm(FORM, { ...additions(), members: [] }, inLi);
      expect(issueAt(result, '/members')).toMatchObject({ code: 'minItems', message: '增加的家庭成员至少填写 1 项' });
    });

    it('refuses someone already registered in the household', () => {
      const result = evaluateForm(FORM, additions(newMember({
        A1: '李扎倮', A2: '男', A4: LI_ZHALUO, A5: '之子', A6: '拉祜族', A8: '初中', A11: '普通劳动力', addReason: '3',
      })), inLi);
      expect(issueAt(result, '/members/0/A4')).toMatchObject({ code: 'rule:not-yet-member', severity: 'error' });
      expect(issueAt(result, '/members/0/A4')?.message).toBe(
        `增加的家庭成员第 1 行：A4 居民身份证（残疾人证）号码：${LI_ZHALUO} 已是本户登记的家庭成员，不能再作为新增成员`,
      );
    });

    it('recognises a registered member behind a 20-digit disability certificate number', () => {
      const result = evaluateForm(FORM, additions(newMember({
        A1: '李扎倮', A2: '男', A3: '残疾人证', A4: `${LI_ZHALUO}43`, A5: '之子', A6: '拉祜族', A8: '初中', A10: '残疾',
        A11: '弱劳动力或半劳动力', addReason: '5',
      })), inLi);
      expect(issueAt(result, '/members/0/A4')?.code).toBe('rule:not-yet-member');
    });

    it('refuses the same ID number on two rows', () => {
      const result = evaluateForm(FORM, additions(shiYuxiang(), shiYuxiang({ A1: '石玉芳' })), inLi);
      expect(issueAt(result, '/members/1/A4')).toMatchObject({ code: 'rule:id-unique' });
      expect(issueAt(result, '/members/1/A4')?.message).toContain(`${SHI_YUXIANG} 在表中重复出现`);
    });

    it('refuses a new member as 户主', () => {
      const result = evaluateForm(FORM, additions(shiYuxiang({ A5: '户主' })), inLi);
      expect(issueAt(result, '/members/0/A5')).toMatchObject({
        code: 'rule:new-member-not-head', message: '增加的家庭成员第 1 行：A5 与户主关系：新增成员不能是户主；变更户主请另行办理',
      });
    });

    it('checks A4 against A3 证件类型 and A2 性别 against the ID', () => {
      const certificate = evaluateForm(FORM, additions(shiYuxiang({ A3: '残疾人证' })), inLi);
      expect(issueAt(certificate, '/members/0/A4')?.code).toBe('rule:id-disability-20');
      const gender = evaluateForm(FORM, additions(shiYuxiang({ A2: '男' })), inLi);
      expect(issueAt(gender, '/members/0/A2')).toMatchObject({ code: 'rule:gender-matches-id', severity: 'warning' });
      expect(issueAt(gender, '/members/0/A2')?.message).toContain('A2 性别：男 与证件号码');
    });
  });

  describe('增加原因', () => {
    it('accepts the codes 1-5 only', () => {
      for (const code of ['1', '2', '3', '4', '5']) {
        const result = evaluateForm(FORM, additions(shiYuxiang({ addReason: code })), inLi);
        expect(result.errors.filter((e) => e.path === '/members/0/addReason')).toEqual([]);
      }
      for (const code of ['0', '6', '婚入']) {
        const result = evaluateForm(FORM, additions(shiYuxiang({ addReason: code })), inLi);
        expect(issueAt(result, '/members/0/addReason')).toMatchObject({
          code: 'oneOf', message: '增加的家庭成员第 1 行：增加原因只能从可选项中选择',
        });
      }
    });

    it('is required', () => {
      const row = shiYuxiang();
      delete row.addReason;
      expect(issueAt(evaluateForm(FORM, additions(row), inLi), '/members/0/addReason')).toMatchObject({
        code: 'required', message: '增加的家庭成员第 1 行：增加原因为必填项',
      });
    });

    it('warns when a 新生儿 was born outside the campaign’s period of natural changes', () => {
      const before = residentId('530925', '20200801', 62);
      const result = evaluateForm(FORM, additions(liYuhan({ A4: before })), inLi);
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/members/0/addReason')).toMatchObject({ severity: 'warning', code: 'rule:newborn-in-period' });
      expect(issueAt(result, '/members/0/addReason')?.message).toBe(
        '增加的家庭成员第 1 行：增加原因：新生儿 李雨涵 的出生日期（证件号码第 7-14 位）不在本次成员自然变化计算周期 2020-10-01 至 2021-09-30 内，请核实',
      );
    });

    it('reads the period from the campaign: born March 2021 is outside 2023’s, February 2023 inside', () => {
      const in2023 = evaluateForm(FORM, additions(liYuhan()), { ...inLi, campaign: '2023' });
      expect(issueAt(in2023, '/members/0/addReason')?.message).toContain('2022-10-01 至 2023-09-30');
      const born2023 = evaluateForm(FORM, additions(liYuhan({ A4: residentId('530925', '20230214', 62) })), { ...inLi, campaign: '2023' });
      expect(born2023.warnings).toEqual([]);
    });

    it('accepts the first and last day of the period, and does not ask other reasons for a birth date', () => {
      for (const birth of ['20201001', '20210930']) {
        const result = evaluateForm(FORM, additions(liYuhan({ A4: residentId('530925', birth, 62) })), inLi);
        expect(result.warnings).toEqual([]);
      }
      const adopted = evaluateForm(FORM, additions(liYuhan({ A4: residentId('530925', '20190601', 62), addReason: '4' })), inLi);
      expect(adopted.warnings).toEqual([]);
    });
  });

  describe('visibility', () => {
    it('shows 务工地点 with A12 and A13 only to a member with labour, dropping the hidden answers', () => {
      const working = evaluateForm(FORM, additions(), inLi);
      expect(working.hidden).not.toContain('/members/0/workPlace');
      expect((working.data.members as Row[])[0]).toMatchObject({ A12: '县外省内', workPlace: '云南省临沧市临翔区', A13: 6 });
      const ill = evaluateForm(FORM, additions(shiYuxiang({ A10: '患大病', A11: '丧失劳动力' })), inLi);
      expect(ill.hidden).toEqual(expect.arrayContaining(['/members/0/A12', '/members/0/workPlace', '/members/0/A13']));
      expect((ill.data.members as Row[])[0]).not.toHaveProperty('workPlace');
      expect(ill.errors).toEqual([]);
    });

    it('asks A14 失学或辍学原因 of an adopted 12-year-old out of school, not of the newborn', () => {
      const adopted = newMember({
        A1: '李小军', A2: '男', A4: residentId('530925', '20090115', 73), A5: '之孙子', A6: '拉祜族', A8: '小学',
        A11: '无劳动力', A16: false, addReason: '4',
      });
      const result = evaluateForm(FORM, additions(adopted, liYuhan()), inLi);
      expect(issueAt(result, '/members/0/A14')).toMatchObject({ code: 'required', message: '增加的家庭成员第 1 行：A14 失学或辍学原因为必填项' });
      expect(result.hidden).toContain('/members/1/A14');
      expect(evaluateForm(FORM, additions({ ...adopted, A14: '因学习困难' }, liYuhan()), inLi).errors).toEqual([]);
    });
  });

  it('adds the new members to the household on approval, with every attribute and the reason', () => {
    const { data } = evaluateForm(FORM, additions(), inLi);
    const outcome = applyEffects(loadForm(FORM), data, liHousehold(), { month: '2021-12' });
    expect(outcome.created).toBe(false);
    expect(outcome.household!.members.map((m) => m.name)).toEqual(['李扎约', '罗娜妹', '李扎倮', '石玉香', '李雨涵']);
    expect(outcome.household!.members[3]).toEqual({
      name: '石玉香', gender: '女', idType: '居民身份证', idNumber: SHI_YUXIANG, relation: '之儿媳', ethnicity: '佤族',
      politicalStatus: '群众', education: '初中', schoolStatus: '非在校生', health: '健康', laborSkill: '普通劳动力',
      workArea: '县外省内', workPlace: '云南省临沧市临翔区', workMonths: 6, speaksMandarin: true, pensionInsurance: true,
      medicalInsurance: true, seriousIllnessInsurance: true, minimumLivingAllowance: false, commercialMedicalInsurance: false,
      medicalAssistance: false, addReason: '2',
    });
    expect(outcome.changes).toEqual([
      `增加家庭成员 石玉香（${SHI_YUXIANG}），原因 2`,
      `增加家庭成员 李雨涵（${LI_YUHAN}），原因 1`,
    ]);
  });

  it('lets a household report additions more than once in a campaign', () => {
    expect(loadForm(FORM).review).toMatchObject({ onePerHousehold: false, levels: [{ id: 'township' }, { id: 'county' }] });
    expect(loadForm(FORM).appliesTo).toBeUndefined();
  });
});
