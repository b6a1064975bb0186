// The income ledger (收入明细账, seed 000 附件5) as officers fill it: a worked example of a real
// family checked row by row against figures worked out by hand, each validation rule broken in
// turn, the income line of two campaigns, the registry hooks, and the shipped cases.
import { describe, expect, it } from 'vitest';
import { checkDefinition, prefillData, runCases, verificationFields, type FormData, type Household } from '@engine';
import { evaluateForm, issueAt, loadCampaign, loadCases, loadForm } from '../helpers/forms';

const FORM = 'income-ledger';
/** A drawn signature: the sample reference (the SHA-256 of "abc", as a PNG). */
const SIGNED = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png';

/** 永川区临江镇高滩村3组陈明华家：脱贫户，5 人，儿子、儿媳外出务工，配偶单人低保，户主领养老金。 */
const chenFamily: Household = {
  divisionCode: '500118104201', headName: '陈明华', headIdNumber: '500118195804170014', kind: '脱贫户',
  address: '重庆市永川区临江镇高滩村3组', phone: '13594651827',
  members: [
    { name: '陈明华', idNumber: '500118195804170014', relation: '户主', gender: '男' },
    { name: '刘素芬', idNumber: '50011819620823002X', relation: '配偶', gender: '女', minimumLivingAllowance: true },
    { name: '陈建国', idNumber: '500118198811060036', relation: '之子', gender: '男', workArea: '省外' },
    { name: '王丽', idNumber: '500118199002140049', relation: '之儿媳', gender: '女', workArea: '乡（镇）外县内' },
    { name: '陈浩然', idNumber: '500118201209030058', relation: '之孙子', gender: '男', schoolStatus: '小学' },
  ],
};

/** What the officer wrote down in November 2021 for 2020-10-01..2021-09-30. */
const chenLedger: FormData = {
  address: '重庆市永川区临江镇高滩村3组', headName: '陈明华', kind: '脱贫户', population: 5, farmland: 4.2, phone: '13594651827',
  L4_qty: 3.5, L4: 4550, //   水稻 3.5 亩 × 亩产 1000 斤 × 1.30 元/斤
  L5_qty: 0.7, L5: 1680, //   蔬菜 0.7 亩，自家吃的和赶场卖的，约 2400 元/亩
  L6_qty: 0.8, L6: 960, //    油菜 0.8 亩 × 300 斤菜籽 × 4.00 元/斤
  L10_qty: 3, L10: 5400, //   肥猪 3 头（卖 2 头、自宰 1 头）× 240 斤 × 7.50 元/斤
  L14_qty: 30, L14: 1800, //  鸡 30 只 × 60 元
  L17: 300, //                稻田养鱼，自家吃
  L19: 1200, //               户主农闲在临江场镇卖凉粉
  wages: [
    { name: '陈建国', workMonths: 10, amount: 42000 }, // 广东东莞电子厂，4200 元/月
    { name: '王丽', workMonths: 6, amount: 18000 }, //    永川城区餐馆，3000 元/月
  ],
  L24: 300, //  村集体资产收益扶贫分红
  L25: 200, //  0.5 亩土地流转租金
  L28: 960, //  农村部分计划生育家庭奖励扶助金（户主满 60 岁）
  L29: 3600, // 刘素芬单人低保，300 元/月 × 12
  L31: 1500, // 户主城乡居民基本养老金，125 元/月 × 12
  L32: 450, //  退耕还林 1.5 亩 × 300 元
  L36: 441, //  种粮直补 4.2 亩 × 105 元
  L37: 1000, // 户主的兄弟春节给的
  L40: 1000, // 陈浩然：小学营养餐和寄宿生活补助
  L41: 500, //  到户产业补助（生猪）
  L42: 3200, // 刘素芬慢性病门诊报销
  L45: 1800, // 陈浩然的伙食费、住宿费
  L46: 2600, // 刘素芬扣减报销后自付的药费
  L48: 6170, // 种子化肥农药 1370 + 仔猪 1500 + 饲料 2700 + 鸡苗鸡饲料 600
  L49: 400, //  凉粉摊的原料
  L50: 3600, // 陈建国个人缴纳的职工社保，360 元/月 × 10
  headSignature: SIGNED, officerSignature: SIGNED, filler: '张晓燕', fillDate: '2021-11-12',
};

/** The Chen ledger's header and signatures with only the given rows filled in. */
function blank(rows: FormData): FormData {
  const { address, headName, kind, population, farmland, phone, headSignature, officerSignature, filler, fillDate } = chenLedger;
  return { address, headName, kind, population, farmland, phone, headSignature, officerSignature, filler, fillDate, ...rows };
}

describe('2021 年脱贫户收入明细账', () => {
  describe('高滩村陈明华家（5 人，两人外出务工）', () => {
    const result = evaluateForm(FORM, chenLedger, { household: chenFamily });

    it('is valid, with no warning at all', () => {
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it.each([
      ['L3', 7190, '3=4+5+6+7+8：4550+1680+960+0+0'],
      ['L9', 7200, '9=10+…+16：5400+1800'],
      ['L2', 14690, '2=3+9+17+18：7190+7200+300+0'],
      ['L1', 15890, '1=2+19：14690+1200'],
      ['L20', 60000, '20=21+22：42000+18000'],
      ['L23', 500, '23=24+25：300+200'],
      ['L33', 441, '33=34+35+36：0+0+441'],
      ['L27', 6951, '27=28+…+33：960+3600+0+1500+450+441'],
      ['L26', 7951, '26=27+37+38：6951+1000+0'],
      ['L39', 4700, '39=40+…+43：1000+500+3200+0'],
      ['L44', 4400, '44=45+46：1800+2600'],
      ['L47', 6570, '47=48+49：6170+400'],
      ['L51', 74171, '51=(1+20+23+26)-47-50：(15890+60000+500+7951)-6570-3600'],
      ['L52', 14834.2, '52=51/建卡人口：74171÷5'],
    ])('computes %s = %s (%s)', (row, expected) => {
      expect(result.data[row]).toBe(expected);
    });

    it('is above both the 2021 line (6000) and the 2023 line (7000)', () => {
      expect(issueAt(result, '/L52')).toBeUndefined();
      expect(issueAt(evaluateForm(FORM, chenLedger, { household: chenFamily, campaign: '2023' }), '/L52')).toBeUndefined();
    });
  });

  describe('formulas', () => {
    it('counts rows 39-46 nowhere in row 51', () => {
      const without = evaluateForm(FORM, { ...chenLedger, L40: 0, L41: 0, L42: 0, L43: 0, L45: 0, L46: 0 });
      const withHuge = evaluateForm(FORM, { ...chenLedger, L40: 10000, L41: 20000, L42: 40000, L43: 80000, L45: 100000, L46: 200000 });
      expect(without.data.L51).toBe(74171);
      expect(withHuge.data.L51).toBe(74171);
      expect(withHuge.data.L39).toBe(150000);
      expect(withHuge.data.L44).toBe(300000);
      expect(withHuge.data.L26).toBe(7951);
    });

    it('counts each entered row exactly once in its subtotal (rows of distinct powers of two)', () => {
      const result = evaluateForm(FORM, blank({
        L4: 1, L5: 2, L6: 4, L7: 8, L8: 16,
        L10: 32, L11: 64, L12: 128, L13: 256, L14: 512, L15: 1024, L16: 2048, L16_qty: 1, L16_unit: '箱',
        L17: 4096, L18: 8192, L19: 16384,
      }));
      expect(result.data).toMatchObject({ L3: 31, L9: 4064, L2: 16383, L1: 32767, L51: 32767 });
    });

    it('adds one wage row per working member into row 20, to the cent', () => {
      const result = evaluateForm(FORM, blank({ wages: [{ name: '陈建国', amount: 3500.5 }, { name: '王丽', amount: 1200.25 }, { name: '陈明华', amount: 0.1 }] }));
      expect(result.data.L20).toBe(4700.85);
      expect(result.data.L51).toBe(4700.85);
    });

    it('keeps sums exact to the cent: 0.1 + 0.2 in rows 24 and 25 make 0.3 in row 23', () => {
      expect(evaluateForm(FORM, blank({ L24: 0.1, L25: 0.2 })).data.L23).toBe(0.3);
    });

    it('subtracts rows 47 and 50, so row 51 may be negative in a bad year', () => {
      const result = evaluateForm(FORM, blank({ L19: 1000, L48: 2500, L49: 300, L50: 700 }));
      expect(result.data.L47).toBe(2800);
      expect(result.data.L51).toBe(-2500);
      expect(result.data.L52).toBe(-500);
    });

    it('rounds row 52 to 2 decimals: 20000 ÷ 3 = 6666.67, 74171 ÷ 6 = 12361.83', () => {
      expect(evaluateForm(FORM, blank({ population: 3, L19: 20000 })).data.L52).toBe(6666.67);
      expect(evaluateForm(FORM, { ...chenLedger, population: 6 }).data.L52).toBe(12361.83);
    });

    describe('52=51/建卡（系统）人口', () => {
      it('divides by the registry\'s 5 members, not by a typed 家庭人口 of 4: 74171 ÷ 5 = 14834.2', () => {
        const result = evaluateForm(FORM, { ...chenLedger, population: 4 }, { household: chenFamily });
        expect(result.data.systemPopulation).toBe(5);
        expect(result.data.L52).toBe(14834.2);
      });

      it('puts a household below the 2021 line by the registry count even when the typed count would lift it', () => {
        // 51 = 27000 (二三产 only). Registry: 5 members -> 5400 < 6000. Typed 4 -> 6750 would pass.
        const result = evaluateForm(FORM, blank({ population: 4, L19: 27000 }), { household: chenFamily });
        expect(result.data.L52).toBe(5400);
        expect(issueAt(result, '/L52')?.message).toBe('52 农民家庭年人均纯收入 5400 元低于本年度监测收入线 6000 元，请核实或纳入监测');
      });

      it('falls back to the typed 家庭人口 only for a household the registry does not hold', () => {
        const result = evaluateForm(FORM, blank({ population: 4, L19: 27000 }), { household: null });
        expect(result.data).not.toHaveProperty('systemPopulation');
        expect(result.data.L52).toBe(6750);
        expect(issueAt(result, '/L52')).toBeUndefined();
      });

      it('falls back to the typed 家庭人口 for a registered household with no member on record', () => {
        const result = evaluateForm(FORM, blank({ population: 3, L19: 20000 }), { household: { ...chenFamily, members: [] } });
        expect(result.data.L52).toBe(6666.67);
      });
    });

    it('leaves row 52 empty without a registered population', () => {
      const result = evaluateForm(FORM, { ...chenLedger, population: undefined });
      expect(result.data.L51).toBe(74171);
      expect(result.data).not.toHaveProperty('L52');
      expect(issueAt(result, '/L52')).toBeUndefined();
    });

    it('ignores totals sent by the client', () => {
      const result = evaluateForm(FORM, { ...chenLedger, L1: 1, L3: 2, L20: 3, L39: 4, L51: 5, L52: 6 });
      expect(result.data).toMatchObject({ L1: 15890, L3: 7190, L20: 60000, L39: 4700, L51: 74171, L52: 14834.2 });
    });
  });

  describe('the income line', () => {
    const below = (perHead: string, line: number) => `52 农民家庭年人均纯收入 ${perHead} 元低于本年度监测收入线 ${line} 元，请核实或纳入监测`;
    const rows = [
      { campaign: 2021, L51: 29995, L52: 5999, warning: below('5999', 6000) },
      { campaign: 2021, L51: 30000, L52: 6000, warning: null },
      { campaign: 2021, L51: 30005, L52: 6001, warning: null },
      { campaign: 2021, L51: 29999.95, L52: 5999.99, warning: below('5999.99', 6000) },
      { campaign: 2023, L51: 29995, L52: 5999, warning: below('5999', 7000) },
      { campaign: 2023, L51: 30000, L52: 6000, warning: below('6000', 7000) },
      { campaign: 2023, L51: 30005, L52: 6001, warning: below('6001', 7000) },
      { campaign: 2023, L51: 34995, L52: 6999, warning: below('6999', 7000) },
      { campaign: 2023, L51: 35000, L52: 7000, warning: null },
      { campaign: 2023, L51: 35005, L52: 7001, warning: null },
    ].map((row) => ({ ...row, verdict: row.warning ? 'warns on row 52' : 'is not below the line' }));

    it.each(rows)('in campaign $campaign, 5 people with $L51 yuan ($L52 a head) $verdict', ({ campaign, L51, L52, warning }) => {
      const result = evaluateForm(FORM, blank({ L19: L51, fillDate: `${campaign}-11-12` }), { campaign: String(campaign) });
      expect(result.data.L51).toBe(L51);
      expect(result.data.L52).toBe(L52);
      expect(result.valid).toBe(true);
      if (warning === null) expect(result.warnings).toEqual([]);
      else expect(result.warnings).toEqual([{ path: '/L52', field: 'L52', code: 'rule:below-income-line', severity: 'warning', message: warning }]);
    });
  });

  describe('validation rules, each broken in turn', () => {
    it('refuses a negative amount, naming the row', () => {
      const result = evaluateForm(FORM, { ...chenLedger, L29: -3600 }, { household: chenFamily });
      expect(result.errors).toEqual([{ path: '/L29', field: 'L29', code: 'minimum', severity: 'error', message: '29 2.低保金（元）不能小于 0' }]);
    });

    it('refuses a negative quantity and half a pig', () => {
      const result = evaluateForm(FORM, { ...chenLedger, L4_qty: -3.5, L10_qty: 2.5 }, { household: chenFamily });
      expect(result.errors).toEqual([
        { path: '/L4_qty', field: 'L4_qty', code: 'minimum', severity: 'error', message: '4 (1) 粮食作物 数量（亩）不能小于 0' },
        { path: '/L10_qty', field: 'L10_qty', code: 'type', severity: 'error', message: '10 (1) 猪 数量（头）应填写整数' },
      ]);
    });

    it('warns about a quantity without an amount, on the amount', () => {
      const result = evaluateForm(FORM, { ...chenLedger, L5: undefined }, { household: chenFamily });
      expect(result.valid).toBe(true);
      expect(result.warnings).toEqual([{
        path: '/L5', field: 'L5', code: 'rule:L5-quantity-without-amount', severity: 'warning',
        message: '5 (2) 蔬菜作物：已填数量 0.7 亩，但没有金额，请核实（自产自用的也要折算计入金额）',
      }]);
    });

    it('warns about an amount without a quantity, on the quantity', () => {
      const result = evaluateForm(FORM, { ...chenLedger, L14_qty: undefined }, { household: chenFamily });
      expect(result.warnings).toEqual([{
        path: '/L14_qty', field: 'L14_qty', code: 'rule:L14-amount-without-quantity', severity: 'warning',
        message: '14 (5) 家禽：已填金额 1800 元，但没有数量（只），请核实',
      }]);
    });

    it('requires a unit for a quantity in row 16, which the seed prints without one', () => {
      const result = evaluateForm(FORM, { ...chenLedger, L16_qty: 6, L16: 900 }, { household: chenFamily });
      expect(result.errors).toEqual([{
        path: '/L16_unit', field: 'L16_unit', code: 'rule:L16-unit', severity: 'error',
        message: '16 (7) 其他：已填数量 6，请写明单位（如只、箱、斤）',
      }]);
      expect(evaluateForm(FORM, { ...chenLedger, L16_qty: 6, L16_unit: '箱', L16: 900 }, { household: chenFamily }).errors).toEqual([]);
    });

    it('refuses the same member twice in the wage rows', () => {
      const wages = [...(chenLedger.wages as object[]), { name: '陈建国', amount: 5000 }];
      const result = evaluateForm(FORM, { ...chenLedger, wages }, { household: chenFamily });
      const message = '21、22 其中：家庭成员务工收入第 3 行：家庭成员姓名“陈建国”重复：每位务工成员只填一行';
      expect(result.errors.map((e) => e.path)).toEqual(['/wages/0/name', '/wages/2/name']);
      expect(result.errors[1]).toEqual({ path: '/wages/2/name', field: 'name', code: 'rule:wage-name-unique', severity: 'error', message });
    });

    it('requires a name and an amount on every wage row, and at most 12 months', () => {
      const wages = [...(chenLedger.wages as object[]), { workMonths: 13 }];
      const result = evaluateForm(FORM, { ...chenLedger, wages }, { household: chenFamily });
      expect(result.errors.map((e) => [e.path, e.code, e.message])).toEqual([
        ['/wages/2/name', 'required', '21、22 其中：家庭成员务工收入第 3 行：家庭成员姓名为必填项'],
        ['/wages/2/amount', 'required', '21、22 其中：家庭成员务工收入第 3 行：务工收入（元）为必填项'],
        ['/wages/2/workMonths', 'maximum', '21、22 其中：家庭成员务工收入第 3 行：务工时间（月）不能大于 12'],
      ]);
    });

    it('warns about a wage name that is not a member of the household, and only when the household is known', () => {
      const wages = [{ name: '陈建国', amount: 42000 }, { name: '王莉', amount: 18000 }];
      const result = evaluateForm(FORM, { ...chenLedger, wages }, { household: chenFamily });
      expect(result.valid).toBe(true);
      expect(result.warnings).toEqual([{
        path: '/wages/1/name', field: 'name', code: 'rule:wage-name-member', severity: 'warning',
        message: '21、22 其中：家庭成员务工收入第 2 行：家庭成员姓名“王莉”不在本户家庭成员名单中，请核实（务工收入只登记本户成员）',
      }]);
      expect(evaluateForm(FORM, { ...chenLedger, wages }, { household: null }).warnings).toEqual([]);
    });

    it('refuses a population below 1', () => {
      const result = evaluateForm(FORM, { ...chenLedger, population: 0 });
      expect(result.errors).toEqual([{ path: '/population', field: 'population', code: 'minimum', severity: 'error', message: '家庭人口（人）不能小于 1' }]);
      expect(result.data).not.toHaveProperty('L52');
    });

    it('warns when the population differs from the registered members, naming the count row 52 divides by', () => {
      const result = evaluateForm(FORM, { ...chenLedger, population: 4 }, { household: chenFamily });
      expect(result.warnings).toEqual([{
        path: '/population', field: 'population', code: 'rule:population-registry', severity: 'warning',
        message: '家庭人口（人）4 人与系统中的家庭成员 5 人不一致：52 行人均纯收入按建卡（系统）人口 5 人计算，人口有增减的请先办理家庭成员自然增加或减少',
      }]);
    });

    it('refuses a kind the ledger is not for (一般农户)', () => {
      const result = evaluateForm(FORM, { ...chenLedger, kind: '一般农户' }, { household: chenFamily });
      expect(result.errors).toEqual([{ path: '/kind', field: 'kind', code: 'enum', severity: 'error', message: '农户属性只能从可选项中选择' }]);
    });

    it('refuses a visit without the household head\'s signature (双签字确认, 004), and accepts a phone interview without it', () => {
      const { headSignature: _signed, ...unsigned } = chenLedger;
      const visit = evaluateForm(FORM, unsigned, { household: chenFamily });
      expect(visit.errors).toEqual([{
        path: '/headSignature', field: 'headSignature', code: 'rule:head-signs', severity: 'error',
        message: '户主尚未签字：入户采集须经户主签字确认（双签字确认）；未能入户的请选电话访谈',
      }]);
      const phone = evaluateForm(FORM, { ...unsigned, phoneInterview: true, location: 'geo:29.35,105.89' }, { household: chenFamily });
      expect(phone.errors).toEqual([]);
      expect(phone.hidden).toEqual(expect.arrayContaining(['/location', '/housePhotos']));
      expect(phone.data.location).toBeUndefined();
    });

    it('refuses a ledger the officer has not signed, even after a phone interview', () => {
      const { officerSignature: _signed, ...unsigned } = chenLedger;
      for (const phoneInterview of [false, true]) {
        expect(evaluateForm(FORM, { ...unsigned, phoneInterview }, { household: chenFamily }).errors).toEqual([{
          path: '/officerSignature', field: 'officerSignature', code: 'rule:officer-signs', severity: 'error', message: '采集人尚未签字：须经信息采集员签字确认（双签字确认）',
        }]);
      }
    });

    it('warns when the ledger is dated before the income period ends, naming the campaign period', () => {
      const early = (campaign: string, fillDate: string) => evaluateForm(FORM, { ...chenLedger, fillDate }, { household: chenFamily, campaign }).warnings;
      expect(early('2021', '2021-09-29')).toEqual([{
        path: '/fillDate', field: 'fillDate', code: 'rule:filled-after-period', severity: 'warning',
        message: '时间（采集日期）2021-09-29 早于收入计算周期的结束日：本表收支计算时间为 2020-10-01 至 2021-09-30，请在周期结束后登记全年收支',
      }]);
      expect(early('2021', '2021-09-30')).toEqual([]);
      expect(early('2023', '2023-03-01')[0]?.message).toContain('本表收支计算时间为 2022-10-01 至 2023-09-30');
      expect(early('2023', '2023-11-20')).toEqual([]);
    });

    it('requires the header and the signatures', () => {
      const result = evaluateForm(FORM, { L19: 1000 });
      expect(result.errors.map((e) => e.message)).toEqual([
        '家庭住址为必填项', '户主姓名为必填项', '农户属性为必填项', '家庭人口（人）为必填项',
        '采集人签字（采集人姓名）为必填项', '时间（采集日期）为必填项',
        '户主尚未签字：入户采集须经户主签字确认（双签字确认）；未能入户的请选电话访谈', '采集人尚未签字：须经信息采集员签字确认（双签字确认）',
      ]);
    });
  });

  describe('registry, review and audience', () => {
    const form = loadForm(FORM);

    it('pre-fills the header from the registry for the officer to verify, population from the member count', () => {
      expect(prefillData(form, chenFamily)).toEqual({
        address: '重庆市永川区临江镇高滩村3组', headName: '陈明华', kind: '脱贫户', population: 5, phone: '13594651827',
      });
      expect(verificationFields(form)).toEqual(['address', 'headName', 'kind', 'population', 'phone']);
    });

    it('leaves the wage rows empty: only the officer knows who went out to work', () => {
      expect(prefillData(form, chenFamily)).not.toHaveProperty('wages');
    });

    it('records only: it changes nothing in the registry', () => {
      expect(form.registry?.effects).toBeUndefined();
    });

    it('is expected of 脱贫户 and the three monitored kinds, once per household, reviewed by the township then the county', () => {
      expect(form.appliesTo).toEqual({ kinds: ['脱贫户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] });
      expect(form.review).toEqual({
        levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }, { id: 'county', title: '县级确定', divisionDigits: 6 }],
        onePerHousehold: true,
      });
    });

    it('follows the seed\'s eight parts, then the totals', () => {
      expect(form.sections?.map((s) => s.title)).toEqual([
        '户基本情况', '一、生产经营性收入', '二、工资性收入（劳务收入）', '三、财产性收入', '四、转移性收入', '五、国家各种补贴',
        '六、因学、因病费用', '七、生产经营性成本', '八、非消费性支出', '农村家庭年收入总额和人均纯收入', '签字确认',
      ]);
    });

    it('has every row 1-52 except the wage rows 21 and 22, which are the wages table', () => {
      const properties = Object.keys((form.schema.properties as object));
      const rows = Array.from({ length: 52 }, (_, i) => `L${i + 1}`).filter((k) => k !== 'L21' && k !== 'L22');
      expect(properties.filter((k) => /^L\d+$/.test(k))).toEqual(rows);
      expect(properties).toContain('wages');
    });

    it('passes the definition checker without errors', () => {
      expect(checkDefinition(form).filter((p) => p.severity === 'error')).toEqual([]);
    });
  });

  describe.each(['2021', '2023'])('the shipped cases under campaign %s', (campaign) => {
    it('all pass', () => {
      const results = runCases(loadForm(FORM), loadCases(FORM), loadCampaign(campaign).parameters);
      expect(results.filter((r) => !r.passed)).toEqual([]);
      expect(results.length).toBeGreaterThan(20);
    });
  });
});
