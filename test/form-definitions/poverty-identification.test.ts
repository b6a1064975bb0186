// 新识别贫困户信息采集表 (000 附件1) on a household of 永川区临江镇高滩村: what an officer fills,
// what the form computes, hides and refuses, and what the county's approval writes in the registry.
import { describe, expect, it } from 'vitest';
import { applyEffects, prefillData, verificationFields, type FormData, type Household } from '@engine';
import { evaluateForm, issueAt, loadForm } from '../helpers/forms';
import { residentId } from '../helpers/sampleForm';

const FORM = 'poverty-identification';

const CHEN_GUOHUA = residentId('500118', '19680412', 13);
const LIU_SUFEN = residentId('500118', '19700903', 24);
const CHEN_XIAOLONG = residentId('500118', '19940618', 35);
const CHEN_SIYU = residentId('500118', '20140322', 62);
const CHEN_HAO = residentId('500118', '20080510', 51);

type Row = Record<string, unknown>;

/** A member with the answers most rows share; each row names what is its own. */
function member(own: Row): Row {
  return {
    A2: '男', A3: '居民身份证', A6: '汉族', A7: '群众', A8: '初中', A9: '非在校生', A10: '健康', A11: '普通劳动力',
    A15: true, A16: true, A17: true, A18: true, A19: false, A20: false, A51: false,
    ...own,
  };
}

function members(): Row[] {
  return [
    member({ A1: '陈国华', A4: CHEN_GUOHUA, A5: '户主', A8: '小学', A10: '长期慢性病', A11: '弱劳动力或半劳动力' }),
    member({ A1: '刘素芬', A2: '女', A4: LIU_SUFEN, A5: '配偶', A8: '小学', A10: '患大病', A11: '丧失劳动力', A51: true }),
    member({ A1: '陈小龙', A4: CHEN_XIAOLONG, A5: '之子', A8: '高中', A11: '技能劳动力', A12: '省外', A13: 10, A16: false }),
    member({ A1: '陈思雨', A2: '女', A4: CHEN_SIYU, A5: '之孙女', A8: '小学', A9: '小学', A11: '无劳动力', A16: false }),
  ];
}

/** 陈国华's household as the village officer records it in November 2021. */
function chenHousehold(): FormData {
  return {
    divisionCode: '500118104201',
    address: '重庆市永川区临江镇高滩村',
    group: '3组',
    phone: '13983011234',
    bank: '重庆农村商业银行永川支行',
    bankAccount: '6228480469123456789',
    A23: '国家',
    A25: false,
    members: members(),
    A27a: '因病', A27b: '缺劳动力', A27c: '缺资金',
    A28: 12000,
    A29a: 0, A29b: 2400, A29c: 0, A29d: 1680, A29e: 320, A29f: 0,
    A30: 6500,
    A31a: 300, A31b: 0,
    A32: 2200,
    A33: 3.5, A34: 0, A35: 0.4, A36: 6, A36a: 2, A36b: 1.5,
    A37: '砂石路', A38: 1.2, A39: false, A40: 'C级', A41: 86, A42: true, A43: false, A44: true, A45: '柴草',
    A46: false, A47: false, A48: true,
    helpers: [{
      name: '王建军', gender: '男', politicalStatus: '中共党员', unit: '永川区农业农村委员会',
      startDate: '2021-11-10', phone: '13908371234',
    }],
    filler: '周明亮', fillerPhone: '13594561234', headSigned: true, fillDate: '2021-11-12',
  };
}

function withMembers(change: (rows: Row[]) => void): FormData {
  const data = chenHousehold();
  change(data.members as Row[]);
  return data;
}

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

  describe('三、致贫原因', () => {
    it('requires A27a 致贫原因 1', () => {
      const data = chenHousehold();
      delete data.A27a;
      expect(issueAt(evaluateForm(FORM, data), '/A27a')?.message).toBe('A27a 致贫原因 1为必填项');
    });

    it('refuses A27b 致贫原因 2 repeating cause 1', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A27b: '因病' });
      expect(issueAt(result, '/A27b')).toMatchObject({ code: 'rule:cause2-distinct', message: 'A27b 致贫原因 2：因病 与 A27a 致贫原因 1 重复' });
    });

    it('refuses A27c 致贫原因 3 repeating cause 1 or 2', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A27c: '缺劳动力' });
      expect(issueAt(result, '/A27c')).toMatchObject({ code: 'rule:cause3-distinct', message: 'A27c 致贫原因 3：缺劳动力 与致贫原因 1、2 重复' });
      expect(issueAt(evaluateForm(FORM, { ...chenHousehold(), A27c: '因病' }), '/A27c')?.code).toBe('rule:cause3-distinct');
    });

    it('refuses A27c 致贫原因 3 without a cause 2', () => {
      const data = chenHousehold();
      delete data.A27b;
      const result = evaluateForm(FORM, data);
      expect(issueAt(result, '/A27c')).toMatchObject({ code: 'rule:cause3-after-cause2', message: 'A27c 致贫原因 3：请先填写 A27b 致贫原因 2' });
    });

    it('offers only the 13 causes the seed prints', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A27a: '因疫情' });
      expect(issueAt(result, '/A27a')?.code).toBe('enum');
    });
  });

  describe('四、收入情况', () => {
    it('computes A29 转移性收入 = A29a+…+A29f and A31 财产性收入 = A31a + A31b', () => {
      const result = evaluateForm(FORM, chenHousehold());
      expect(result.data.A29).toBe(4400);
      expect(result.data.A31).toBe(300);
    });

    it('adds yuan and fen without floating-point dust, empty sub-items counting 0', () => {
      const data: FormData = { ...chenHousehold(), A29a: 0.1, A29b: 0.2, A31a: 1200.35, A31b: 0.3 };
      delete data.A29f;
      const result = evaluateForm(FORM, data);
      expect(result.data.A29).toBe(2000.3);
      expect(result.data.A31).toBe(1200.65);
    });

    it('ignores A29 and A31 sent by the client', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A29: 99999, A31: 88888 });
      expect(result.data.A29).toBe(4400);
      expect(result.data.A31).toBe(300);
    });

    it('refuses a negative amount, naming the field', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A29d: -1680 });
      expect(issueAt(result, '/A29d')).toMatchObject({ code: 'minimum', message: 'A29d 养老金（元）不能小于 0' });
    });

    it('warns when A32 生产经营性支出 exceeds A30 生产经营性收入, without blocking', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A32: 7000 });
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/A32')).toMatchObject({
        severity: 'warning', code: 'rule:cost-above-production',
        message: 'A32 生产经营性支出（元）7000 大于 A30 生产经营性收入（元）6500，请核实',
      });
    });
  });

  describe('五、生产生活条件', () => {
    it('refuses A36a 退耕还林面积 larger than A36 林地面积', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A36a: 6.5 });
      expect(issueAt(result, '/A36a')).toMatchObject({
        code: 'rule:returned-farmland-within-forest', message: 'A36a 退耕还林面积（亩）6.5 不能大于 A36 林地面积（亩）6',
      });
    });

    it('refuses A36b 林果面积 larger than A36 林地面积', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A36: 1, A36a: 0 });
      expect(issueAt(result, '/A36b')).toMatchObject({
        code: 'rule:orchard-within-forest', message: 'A36b 林果面积（亩）1.5 不能大于 A36 林地面积（亩）1',
      });
    });

    it('offers the national lists for A37 入户路类型, A40 危房等级 and A45 主要燃料类型', () => {
      expect(evaluateForm(FORM, { ...chenHousehold(), A37: '柏油路', A40: '无', A45: '清洁能源' }).errors).toEqual([]);
      const result = evaluateForm(FORM, { ...chenHousehold(), A37: '石板路', A40: 'E级', A45: '天然气' });
      expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['/A37', '/A40', '/A45']));
    });

    it('refuses a negative A38 distance', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), A38: -0.5 });
      expect(issueAt(result, '/A38')?.message).toBe('A38 与村主干道距离（公里）不能小于 0');
    });
  });

  describe('六、帮扶责任人', () => {
    const helper = (own: Row = {}) => ({
      name: '张红梅', gender: '女', politicalStatus: '中共党员', unit: '临江镇人民政府', startDate: '2021-11-10', phone: '13996012345', ...own,
    });

    it('needs one to three helpers', () => {
      const none = evaluateForm(FORM, { ...chenHousehold(), helpers: [] });
      expect(issueAt(none, '/helpers')).toMatchObject({ code: 'minItems', message: '帮扶责任人至少填写 1 项' });
      const four = evaluateForm(FORM, { ...chenHousehold(), helpers: [helper(), helper(), helper(), helper()] });
      expect(issueAt(four, '/helpers')).toMatchObject({ code: 'maxItems', message: '帮扶责任人最多填写 3 项' });
      expect(evaluateForm(FORM, { ...chenHousehold(), helpers: [helper(), helper({ name: '李志刚', gender: '男' })] }).errors).toEqual([]);
    });

    it('refuses an end date before the start date', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), helpers: [helper({ endDate: '2021-10-31' })] });
      expect(issueAt(result, '/helpers/0/endDate')).toMatchObject({
        code: 'rule:helper-end-after-start', message: '帮扶责任人第 1 行：帮扶结束时间：2021-10-31 早于帮扶开始时间 2021-11-10',
      });
      expect(evaluateForm(FORM, { ...chenHousehold(), helpers: [helper({ endDate: '2021-11-10' })] }).errors).toEqual([]);
    });

    it('wants a helper’s mobile number', () => {
      const result = evaluateForm(FORM, { ...chenHousehold(), helpers: [helper({ phone: '023-49561234' })] });
      expect(issueAt(result, '/helpers/0/phone')).toMatchObject({ code: 'format' });
      expect(issueAt(result, '/helpers/0/phone')?.message).toContain('帮扶责任人第 1 行：联系电话');
    });
  });

  it('warns, without blocking, when the head has not signed', () => {
    const result = evaluateForm(FORM, { ...chenHousehold(), headSigned: false });
    expect(result.valid).toBe(true);
    expect(issueAt(result, '/headSigned')).toMatchObject({ severity: 'warning', code: 'rule:head-signed' });
    expect(issueAt(result, '/headSigned')?.message).toContain('户主签名：户主尚未签字确认');
  });

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
