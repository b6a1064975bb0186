// The monitoring-object form (000 附件4 易返贫致贫户信息采集表 = 004 附件1 临淄区防止返贫监测对象
//信息采集表, with 001 附件2's 10 exclusion cases as its screening section), filled for real
// households of 永川区临江镇, 双江县勐勐镇 and 临淄区稷下街道 under the 2021 and 2023 campaigns.
import { describe, expect, it } from 'vitest';
import {
  applyEffects,
  checkDefinition,
  prefillData,
  residentIdCheckDigit,
  reviewChain,
  runCases,
  verificationFields,
  type EvaluationResult,
  type FormData,
  type Household,
} from '@engine';
import { monitoringHousehold } from '../../bench/fixtures/monitoringHousehold';
import { evaluateForm, issueAt, loadCampaign, loadCases, loadForm } from '../helpers/forms';

const FORM = 'monitoring-object';

/** An 18-digit resident ID: region, birth date, a sequence whose last digit is odd for men. */
function residentId(region: string, birth: string, sequence: number, gender: '男' | '女'): string {
  const seq = String(sequence * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${birth}${seq}`;
  return first17 + residentIdCheckDigit(first17);
}

type Row = Record<string, unknown>;

function member(fields: Row): Row {
  return { A9: '汉族', A10: '群众', A17: true, A18: true, A19: true, A20: false, A21: false, A22: false, ...fields };
}

/** A drawn signature: the sample reference (the SHA-256 of "abc", as a PNG). */
const SIGNED = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png';
/** 双签字确认 (004): the household head and the officer have signed. */
const BOTH_SIGNED = { headSignature: SIGNED, officerSignature: SIGNED };

const NO_EXCLUSION = { E1: false, E2: false, E3: false, E4: false, E5: false, E6: false, E7: false, E8: false, E9: false, E10: false };

// 重庆市永川区临江镇高滩村3组：陈国富 works in the county, his wife has a serious illness, their son
// works in another province, their granddaughter is at primary school.
const CHEN = [
  member({ A5: '陈国富', A6: '男', A7: residentId('500118', '19680412', 31, '男'), A8: '户主', A11: '初中', A12: '非在校生', A13: '健康', A14: '普通劳动力', A15: '县外省内', A16: 9 }),
  member({ A5: '刘素芬', A6: '女', A7: residentId('500118', '19700903', 32, '女'), A8: '配偶', A11: '小学', A12: '非在校生', A13: '患大病', A14: '丧失劳动力' }),
  member({ A5: '陈小龙', A6: '男', A7: residentId('500118', '19950218', 33, '男'), A8: '之子', A10: '共青团员', A11: '中专（中职）', A12: '非在校生', A13: '健康', A14: '技能劳动力', A15: '省外', A16: 11 }),
  member({ A5: '陈雨桐', A6: '女', A7: residentId('500118', '20160722', 34, '女'), A8: '之孙女', A11: '小学', A12: '小学', A13: '健康', A14: '无劳动力', A19: false }),
];

function chenHousehold(overrides: FormData = {}): FormData {
  return {
    fillDate: '2021-11-12', divisionCode: '500118104201', address: '重庆市永川区临江镇高滩村3组', phone: '13883451276',
    ...NO_EXCLUSION, ...BOTH_SIGNED,
    A1: false, A3: '突发严重困难户', members: CHEN,
    A23: false, A24: false, A25: false, A27: ['因病'],
    A28: 58000, A29: 6500, A30: 800, A31: 4200, A32: 2300, A35: 12000, A36: 38000,
    A45: ['大病保险', '医疗救助'], A48: ['临时救助'], A51: true,
    A55: '黄建平', A55_phone: '13996218845', filler: '黄建平', fillerPhone: '13996218845',
    ...overrides,
  };
}

function withMember(index: number, patch: Row, rows: Row[] = CHEN): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

const CHEN_IN_REGISTRY: Household = {
  id: 'h-500118104201-031', divisionCode: '500118104201', headName: '陈国富', headIdNumber: CHEN[0]!.A7 as string,
  address: '重庆市永川区临江镇高滩村3组', phone: '13883451276', kind: '突发严重困难户', identifiedMonth: '2021-03',
  members: CHEN.map((m) => ({ name: m.A5 as string, idNumber: m.A7 as string, relation: m.A8 as string, gender: m.A6 as string, health: m.A13 })),
};

// 云南省临沧市双江县勐勐镇彝家村2组：a Lahu family of three, the son at junior middle school.
const LI = [
  member({ A5: '李扎约', A6: '男', A7: residentId('530925', '19760305', 41, '男'), A8: '户主', A9: '拉祜族', A11: '小学', A12: '非在校生', A13: '健康', A14: '普通劳动力', A15: '乡（镇）外县内', A16: 6 }),
  member({ A5: '李娜妥', A6: '女', A7: residentId('530925', '19790811', 42, '女'), A8: '配偶', A9: '拉祜族', A11: '小学', A12: '非在校生', A13: '长期慢性病', A14: '弱劳动力或半劳动力' }),
  member({ A5: '李扎妥', A6: '男', A7: residentId('530925', '20090416', 43, '男'), A8: '之子', A9: '拉祜族', A11: '小学', A12: '初中', A13: '健康', A14: '无劳动力', A19: false }),
];

/** The 李扎约 household with a net income of `perCapita` yuan per person (3 people). */
function liHousehold(perCapita: number, A3: string): FormData {
  return {
    fillDate: '2021-11-08', divisionCode: '530925100203', address: '云南省临沧市双江拉祜族佤族布朗族傣族自治县勐勐镇彝家村2组', phone: '15808830516',
    ...NO_EXCLUSION, ...BOTH_SIGNED,
    A1: false, A3, members: LI, A23: false, A24: false, A25: false, A27: ['因务工就业不稳'],
    // 9600 + 6800 + 0 + transfers - 1200 = 3 × perCapita
    A28: 9600, A29: 6800, A30: 0, A31: perCapita * 3 - 15200, A32: 1200, A35: 0, A36: 2500,
    A39: ['种植业'], A40: ['劳务输出'],
    A55: '罗文华', A55_phone: '13987060321', filler: '罗文华', fillerPhone: '13987060321',
  };
}

const LI_POVERTY_EXITED: Household = {
  divisionCode: '530925100203', headName: '李扎约', headIdNumber: LI[0]!.A7 as string, kind: '脱贫户',
  members: LI.map((m) => ({ name: m.A5 as string, idNumber: m.A7 as string, relation: m.A8 as string })),
};

// 山东省淄博市临淄区稷下街道南卧石村：an elderly couple living on pensions and a small plot.
function wangHousehold(A3: string): FormData {
  return {
    fillDate: '2023-11-20', divisionCode: '370305004201', address: '山东省淄博市临淄区稷下街道南卧石村', phone: '05337186402',
    ...NO_EXCLUSION, ...BOTH_SIGNED,
    A1: false, A3,
    members: [
      member({ A5: '王洪生', A6: '男', A7: residentId('370305', '19510620', 51, '男'), A8: '户主', A11: '小学', A12: '非在校生', A13: '长期慢性病', A14: '弱劳动力或半劳动力', A15: '乡（镇）内', A16: 0 }),
      member({ A5: '孙秀珍', A6: '女', A7: residentId('370305', '19531127', 52, '女'), A8: '配偶', A11: '文盲或半文盲', A12: '非在校生', A13: '残疾', A14: '丧失劳动力' }),
    ],
    A23: false, A24: false, A25: false, A27: ['因残', '缺劳动力'],
    A28: 0, A29: 3000, A30: 200, A31: 10800, A32: 1000, A35: 0, A36: 1800,
    A48: ['残疾人补贴'],
    A55: '李红梅', A55_phone: '13853326617', filler: '李红梅', fillerPhone: '13853326617',
  };
}

function messages(result: EvaluationResult): string[] {
  return [...result.errors, ...result.warnings].map((i) => `${i.path} ${i.message}`);
}

describe('易返贫致贫户信息采集表', () => {
  describe('its definition', () => {
    it('passes the definition checker with no errors', () => {
      expect(checkDefinition(loadForm(FORM)).filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('lays out the screening, then the seed\'s sections 一 to 七, then the filler', () => {
      expect(loadForm(FORM).sections!.map((s) => s.title)).toEqual([
        '识别前筛查：原则上不得纳入监测对象的10类情形',
        '一、基本信息', '二、家庭成员信息', '三、三保障和饮水安全状况', '四、风险类型', '五、收支情况', '六、帮扶措施', '七、风险消除',
        '签字确认', '填表信息',
      ]);
    });

    it('offers A27\'s risk types exactly as 000 附件4 prints them', () => {
      const a27 = (loadForm(FORM).schema.properties as Record<string, { items: { enum: string[] } }>).A27!;
      expect(a27.items.enum).toEqual(['因病', '因学', '因安全住房', '因安全饮水', '因残', '因自然灾害', '因意外事故', '因产业项目失败', '因务工就业不稳', '缺劳动力', '其他']);
    });

    it('is reviewed by the township then the county, once per household, expected of the three monitored kinds', () => {
      const form = loadForm(FORM);
      expect(form.review).toEqual({
        levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }, { id: 'county', title: '县级确定', divisionDigits: 6 }],
        onePerHousehold: true,
        escalations: [expect.objectContaining({ id: 'exclusion-exception', level: { id: 'county', title: '县级确定', divisionDigits: 6 } })],
      });
      expect(form.appliesTo).toEqual({ kinds: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] });
      expect(form.createsHousehold).toBe(true);
    });

    it.each(['2021', '2023'])('passes every shipped case under the %s campaign', (campaign) => {
      const cases = loadCases(FORM);
      expect(cases.length).toBeGreaterThanOrEqual(30);
      const failed = runCases(loadForm(FORM), cases, loadCampaign(campaign).parameters).filter((r) => !r.passed);
      expect(failed).toEqual([]);
    });
  });

  describe('a complete household', () => {
    it('accepts 陈国富\'s household of 永川区临江镇 with no errors and no warnings', () => {
      const result = evaluateForm(FORM, chenHousehold());
      expect(messages(result)).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('accepts the benchmarks\' 10-member household under the 2021 campaign', () => {
      const result = evaluateForm(FORM, { ...monitoringHousehold(10), ...BOTH_SIGNED }, { campaign: '2021' });
      expect(result.errors).toEqual([]);
      expect(result.data.A34).toBe(7400);
    });

    it('reports every missing required answer by its code and label', () => {
      const result = evaluateForm(FORM, { ...NO_EXCLUSION, members: [{ A5: '陈国富' }] });
      const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
      expect(byPath).toMatchObject({
        '/A1': 'A1 居住在大中型易地扶贫搬迁集中安置区（800人以上）为必填项',
        '/A3': 'A3 监测对象类别为必填项',
        '/A23': 'A23 是否住房出现安全问题为必填项',
        '/A27': 'A27 风险类型为必填项',
        '/A28': 'A28 工资性收入（元）为必填项',
        '/A36': 'A36 合规自付支出（元）为必填项',
        '/A55': 'A55 监测联系人为必填项',
        '/divisionCode': '行政区划代码为必填项',
        '/members/0/A7': '家庭成员信息第 1 行：A7 居民身份证（残疾人证）号码为必填项',
        '/members/0/A17': '家庭成员信息第 1 行：A17 是否参加城乡居民（职工）基本医疗保险为必填项',
      });
    });

    it('refuses negative amounts', () => {
      const result = evaluateForm(FORM, chenHousehold({ A32: -100 }));
      expect(issueAt(result, '/A32')).toMatchObject({ code: 'minimum', message: 'A32 生产经营性支出（元）不能小于 0' });
    });
  });

  describe('签字确认: "两不愁三保障"和年度收入经农户和信息采集员双签字确认, 电话访谈 where the household cannot be visited (004)', () => {
    const { headSignature: _head, officerSignature: _officer, ...unsigned } = chenHousehold();
    const HEAD = '农户签字（户主签字）：户主尚未签字，入户采集须经户主签字确认（双签字确认）；未能入户的请选电话访谈';
    const OFFICER = '信息采集员签字：信息采集员尚未签字，须经信息采集员签字确认（双签字确认）';

    it('offers the household head\'s and the officer\'s signature pads, and the household\'s position', () => {
      const form = loadForm(FORM);
      const fields = form.schema.properties as Record<string, { format?: string }>;
      expect([fields.headSignature?.format, fields.officerSignature?.format, fields.location?.format]).toEqual(['signature', 'signature', 'location']);
      const ui = form.uiSchema as Record<string, { 'ui:options'?: { signer?: string } }>;
      expect([ui.headSignature?.['ui:options']?.signer, ui.officerSignature?.['ui:options']?.signer]).toEqual(['household', 'officer']);
    });

    it('refuses a visit neither has signed, naming both signatures', () => {
      const result = evaluateForm(FORM, unsigned);
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([
        { path: '/headSignature', field: 'headSignature', code: 'rule:head-signs', severity: 'error', message: HEAD },
        { path: '/officerSignature', field: 'officerSignature', code: 'rule:officer-signs', severity: 'error', message: OFFICER },
      ]);
    });

    it('refuses a visit the household head has not signed', () => {
      const result = evaluateForm(FORM, { ...unsigned, officerSignature: SIGNED });
      expect(result.errors.map((e) => e.message)).toEqual([HEAD]);
    });

    it('accepts a phone interview without the head\'s signature, and takes no position then', () => {
      const result = evaluateForm(FORM, { ...unsigned, phoneInterview: true, officerSignature: SIGNED, location: 'geo:29.356212,105.927310;u=12;t=2021-11-12T02:15:00Z' });
      expect(messages(result)).toEqual([]);
      expect(result.hidden).toContain('/location');
      expect(result.data.location).toBeUndefined();
    });

    it('refuses a phone interview the officer has not signed', () => {
      expect(evaluateForm(FORM, { ...unsigned, phoneInterview: true }).errors.map((e) => e.message)).toEqual([OFFICER]);
    });

    it('keeps the position taken on a visit', () => {
      const location = 'geo:29.356212,105.927310;u=12;t=2021-11-12T02:15:00Z';
      const result = evaluateForm(FORM, chenHousehold({ location }));
      expect(result.valid).toBe(true);
      expect(result.data.location).toBe(location);
    });
  });

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

  describe('visibility', () => {
    it('shows A2 安置区地址 only when A1 is 是, and requires it only then', () => {
      const shown = evaluateForm(FORM, chenHousehold({ A1: true }));
      expect(shown.hidden).not.toContain('/A2');
      expect(issueAt(shown, '/A2')).toMatchObject({ code: 'required', message: 'A2 安置区地址为必填项' });

      const filled = evaluateForm(FORM, chenHousehold({ A1: true, A2: '重庆市永川区临江镇临江社区幸福小区' }));
      expect(filled.valid).toBe(true);
      expect(filled.data.A2).toBe('重庆市永川区临江镇临江社区幸福小区');

      const hidden = evaluateForm(FORM, chenHousehold({ A1: false, A2: '重庆市永川区临江镇临江社区幸福小区' }));
      expect(hidden.hidden).toContain('/A2');
      expect(hidden.data).not.toHaveProperty('A2');
      expect(hidden.valid).toBe(true);
    });

    it('shows A27a only when A27 includes 因自然灾害, and requires a kind of disaster then', () => {
      const shown = evaluateForm(FORM, chenHousehold({ A27: ['因病', '因自然灾害'] }));
      expect(shown.hidden).not.toContain('/A27a');
      expect(issueAt(shown, '/A27a')).toMatchObject({ code: 'required', message: 'A27a 因自然灾害为必填项' });

      const flood = evaluateForm(FORM, chenHousehold({ A27: ['因自然灾害'], A27a: ['洪涝灾害', '地质灾害'] }));
      expect(flood.valid).toBe(true);
      expect(flood.data.A27a).toEqual(['洪涝灾害', '地质灾害']);

      const hidden = evaluateForm(FORM, chenHousehold({ A27: ['因病'], A27a: ['旱灾'] }));
      expect(hidden.hidden).toContain('/A27a');
      expect(hidden.data).not.toHaveProperty('A27a');
      expect(hidden.valid).toBe(true);
    });

    it('asks for the 其他 risk in words only when A27 includes 其他', () => {
      const shown = evaluateForm(FORM, chenHousehold({ A27: ['因病', '其他'] }));
      expect(issueAt(shown, '/A27_other')).toMatchObject({ code: 'required', message: 'A27 其他风险类型（文字备注）为必填项' });

      const described = evaluateForm(FORM, chenHousehold({ A27: ['其他'], A27_other: '因疫情返乡后未能复工' }));
      expect(described.valid).toBe(true);

      const hidden = evaluateForm(FORM, chenHousehold({ A27: ['因病'], A27_other: '因疫情返乡后未能复工' }));
      expect(hidden.hidden).toContain('/A27_other');
      expect(hidden.data).not.toHaveProperty('A27_other');
    });

    it('shows A15 and A16 only for members who are not 无劳动力 or 丧失劳动力, dropping the others\' values', () => {
      const rows = withMember(1, { A15: '省外', A16: 4 }, withMember(3, { A15: '乡（镇）内', A16: 2 }));
      const result = evaluateForm(FORM, chenHousehold({ members: rows }));
      expect(result.hidden).toEqual(expect.arrayContaining(['/members/1/A15', '/members/1/A16', '/members/3/A15', '/members/3/A16']));
      expect(result.hidden).not.toContain('/members/0/A15');
      expect(result.hidden).not.toContain('/members/2/A16');
      const members = result.data.members as Row[];
      expect(members[1]).not.toHaveProperty('A15');
      expect(members[3]).not.toHaveProperty('A16');
      expect(members[2]).toMatchObject({ A15: '省外', A16: 11 });
      expect(result.valid).toBe(true);
    });

    it('does not require A15 and A16 of a working member who does not work away from home', () => {
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(0, { A15: undefined, A16: undefined }) }));
      expect(result.hidden).not.toContain('/members/0/A15');
      expect(result.valid).toBe(true);
    });

    it('checks A16 only while it is visible', () => {
      const visible = evaluateForm(FORM, chenHousehold({ members: withMember(2, { A16: 13 }) }));
      expect(issueAt(visible, '/members/2/A16')).toMatchObject({ code: 'maximum', message: '家庭成员信息第 3 行：A16 务工时间（月）不能大于 12' });

      const hidden = evaluateForm(FORM, chenHousehold({ members: withMember(3, { A16: 13 }) }));
      expect(issueAt(hidden, '/members/3/A16')).toBeUndefined();
    });
  });

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
