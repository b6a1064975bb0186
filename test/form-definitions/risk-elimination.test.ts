// The 防返贫监测对象风险销号评估认定 form (001: 拟消除风险监测对象，入户开展综合评估) over monitoring
// objects of 双江县勐库镇 and 临淄区稷下街道, evaluated as the 2021 and 2023 campaigns publish it.
import { describe, expect, it } from 'vitest';
import {
  applyEffects, checkDefinition, prefillData, residentIdCheckDigit, reviewChain, runCases, verificationFields,
  type FormData, type Household,
} from '@engine';
import { evaluateForm, issueAt, loadCampaign, loadCases, loadForm } from '../helpers/forms';

const FORM = 'risk-elimination';
const AGREE = '同意消除风险';
const NOT_YET = '暂不消除';
const SIGNATURE = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png';
const GUARANTEES = [
  ['foodClothing', 'rule:food-clothing-unmet', '尚未实现不愁吃、不愁穿'],
  ['compulsoryEducation', 'rule:education-unmet', '义务教育未保障'],
  ['basicMedical', 'rule:medical-unmet', '基本医疗未保障'],
  ['housingSafety', 'rule:housing-unmet', '住房安全未保障'],
  ['drinkingWater', 'rule:water-unmet', '饮水安全未保障'],
] as const;

function residentId(first17: string): string {
  return first17 + residentIdCheckDigit(first17);
}

const LUO_ZHAYUE = residentId('53092519680412213');
const LI_NANU = residentId('53092519710903214');
const LUO_ZHAFA = residentId('53092519950621215');
const ZHANG_YUQIN = residentId('37030519560719302');
const SUN_LIQIANG = residentId('37030519821104301');

/** 罗扎约's household in 冰岛村: 边缘易致贫户 since 2021-03 for a serious illness, everyone insured. */
const luoHousehold: Household = {
  divisionCode: '530925102208',
  headName: '罗扎约',
  headIdNumber: LUO_ZHAYUE,
  address: '云南省临沧市双江拉祜族佤族布朗族傣族自治县勐库镇冰岛村南迫组',
  phone: '13988356214',
  kind: '边缘易致贫户',
  identifiedMonth: '2021-03',
  mainRisk: '因大病',
  members: [
    { name: '罗扎约', idNumber: LUO_ZHAYUE, relation: '户主', gender: '男', medicalInsurance: true },
    { name: '李娜努', idNumber: LI_NANU, relation: '配偶', gender: '女', medicalInsurance: true },
    { name: '罗扎发', idNumber: LUO_ZHAFA, relation: '之子', gender: '男', medicalInsurance: true },
  ],
};

/** 张玉芹's household in 南卧石村: the son is registered without basic medical insurance. */
const zhangHousehold: Household = {
  divisionCode: '370305003201',
  headName: '张玉芹',
  headIdNumber: ZHANG_YUQIN,
  address: '山东省淄博市临淄区稷下街道南卧石村',
  kind: '脱贫不稳定户',
  identifiedMonth: '2022-11',
  members: [
    { name: '张玉芹', idNumber: ZHANG_YUQIN, relation: '户主', gender: '女', medicalInsurance: true },
    { name: '孙立强', idNumber: SUN_LIQIANG, relation: '之子', gender: '男', medicalInsurance: false },
  ],
};

/** Assessed on 2021-11-10, 31500 元 for 3 persons, every item met, the village agrees: eliminated 2021-12. */
const luoData: FormData = {
  headName: '罗扎约', headIdNumber: LUO_ZHAYUE, address: luoHousehold.address!, phone: '13988356214',
  population: 3, divisionCode: '530925102208', kind: '边缘易致贫户', identifiedMonth: '2021-03', mainRisk: '因大病',
  annualNetIncome: 31500, incomeStable: true,
  foodClothing: true, compulsoryEducation: true, basicMedical: true, housingSafety: true, drinkingWater: true,
  riskStable: true, eliminationMethod: '帮扶消除', measures: ['产业帮扶', '健康帮扶', '就业帮扶'], mainMeasure: '产业帮扶',
  evaluationDate: '2021-11-18', evaluationAttendance: 42, evaluationResult: AGREE,
  conclusion: AGREE, consent: true, eliminationMonth: '2021-12',
  assessmentNote: '罗扎约大病经医保、大病保险和医疗救助报销后自付费用已降至每年两千元以内；家中茶园6亩，今年鲜叶收入稳定，其子罗扎发在临沧务工全年9个月，家庭收入稳定。',
  location: 'geo:23.783216,99.852614;u=15;t=2021-11-10T03:20:00Z',
  headSignature: SIGNATURE, officerSignature: SIGNATURE, filler: '杨志明', fillDate: '2021-11-10',
};

function assess(data: FormData, options: { campaign?: string; household?: Household | null } = {}) {
  return evaluateForm(FORM, data, { campaign: options.campaign ?? '2021', household: options.household ?? null });
}

function without(data: FormData, ...keys: string[]): FormData {
  const out = { ...data };
  for (const key of keys) delete out[key];
  return out;
}

const conclusionCodes = (data: FormData, campaign = '2021') =>
  assess(data, { campaign }).errors.filter((e) => e.path === '/conclusion').map((e) => e.code);

describe('防返贫监测对象风险销号评估认定', () => {
  it('is a definition without problems', () => {
    expect(checkDefinition(loadForm(FORM))).toEqual([]);
  });

  it('passes a complete assessment that eliminates the risk with no errors or warnings', () => {
    const result = assess(luoData, { household: luoHousehold });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.data).toEqual({ ...luoData, incomePerCapita: 10500 });
  });

  it('passes every shipped case under the 2021 and the 2023 campaign, which both serve the form', () => {
    for (const campaign of ['2021', '2023']) {
      expect(loadCampaign(campaign).forms, campaign).toContain(FORM);
      const results = runCases(loadForm(FORM), loadCases(FORM), loadCampaign(campaign).parameters);
      expect(results.length).toBeGreaterThan(35);
      expect(results.filter((r) => !r.passed), campaign).toEqual([]);
    }
  });

  it('is filled only for households proposed for elimination, reviewed by the township and then the county', () => {
    const form = loadForm(FORM);
    expect(form.appliesTo).toBeUndefined();
    expect(form.review?.onePerHousehold).toBeUndefined();
    expect(reviewChain(form, luoData).levels.map((l) => l.title)).toEqual(['乡镇审核', '县级确定']);
  });

  it('pre-fills the header from the registry, every field for verification', () => {
    const form = loadForm(FORM);
    expect(prefillData(form, luoHousehold)).toEqual({
      headName: '罗扎约', headIdNumber: LUO_ZHAYUE, address: luoHousehold.address, phone: '13988356214', population: 3,
      divisionCode: '530925102208', kind: '边缘易致贫户', identifiedMonth: '2021-03', mainRisk: '因大病',
    });
    expect(verificationFields(form)).toEqual([
      'headName', 'headIdNumber', 'address', 'phone', 'population', 'divisionCode', 'kind', 'identifiedMonth', 'mainRisk',
    ]);
  });

  it('refuses a household that is not a monitoring object', () => {
    const issue = issueAt(assess({ ...luoData, kind: '脱贫户' }), '/kind');
    expect(issue).toMatchObject({ code: 'enum', severity: 'error' });
    expect(issue?.message).toContain('监测对象类别');
  });

  describe('收入 against the campaign\'s income line', () => {
    it('computes the per-capita net income from the family\'s and the population, ignoring what a client sends', () => {
      expect(assess({ ...luoData, annualNetIncome: 20999, incomePerCapita: 1 }).data.incomePerCapita).toBe(6999.67);
      expect(assess(without(luoData, 'population')).data).not.toHaveProperty('incomePerCapita');
    });

    it('refuses 同意消除风险 below the line, the line being the campaign\'s', () => {
      const data = { ...luoData, annualNetIncome: 19800 };
      const issue = issueAt(assess(data, { campaign: '2023' }), '/conclusion');
      expect(issue).toMatchObject({ field: 'conclusion', code: 'rule:below-income-line', severity: 'error' });
      expect(issue?.message).toBe('评估认定结论：家庭年人均纯收入 6600 元低于本年度监测收入线 7000 元，不能同意消除风险');
      expect(assess(data, { campaign: '2021' }).valid).toBe(true);
    });

    it('accepts an income exactly at the line', () => {
      expect(conclusionCodes({ ...luoData, annualNetIncome: 21000 }, '2023')).toEqual([]);
      expect(conclusionCodes({ ...luoData, annualNetIncome: 20997 }, '2023')).toEqual(['rule:below-income-line']);
    });

    it('warns of 暂不消除 when every item is met and the village agrees (应退尽退), not when the income is below the line', () => {
      const data = { ...without(luoData, 'consent', 'eliminationMonth'), conclusion: NOT_YET };
      const issue = issueAt(assess(data), '/conclusion');
      expect(issue).toMatchObject({ code: 'rule:all-met-not-eliminated', severity: 'warning' });
      expect(issue?.message).toContain('家庭年人均纯收入 10500 元不低于监测收入线 6000 元且收入稳定');
      expect(issueAt(assess({ ...data, annualNetIncome: 19800 }, { campaign: '2023' }), '/conclusion')).toBeUndefined();
      expect(issueAt(assess({ ...data, evaluationResult: '不同意消除风险' }), '/conclusion')).toBeUndefined();
    });

    it('refuses 同意消除风险 when the income is not stable', () => {
      expect(conclusionCodes({ ...luoData, incomeStable: false })).toEqual(['rule:income-unstable']);
    });
  });

  describe('“两不愁三保障”及饮水安全', () => {
    it('refuses 同意消除风险 when any one item is not met, naming it', () => {
      for (const [field, code, words] of GUARANTEES) {
        const result = assess({ ...luoData, [field]: false });
        expect(result.errors.map((e) => e.code), field).toEqual([code]);
        expect(issueAt(result, '/conclusion')?.message, field).toContain(words);
      }
    });

    it('lets the officer conclude 暂不消除 whatever is not met', () => {
      const unmet = Object.fromEntries(GUARANTEES.map(([field]) => [field, false]));
      const result = assess({ ...without(luoData, 'consent', 'eliminationMonth'), ...unmet, incomeStable: false, annualNetIncome: 0, conclusion: NOT_YET });
      expect(result.errors).toEqual([]);
    });

    it('warns when 基本医疗 is 是 but a registered member has no basic medical insurance', () => {
      const result = assess({ ...luoData, headName: '张玉芹', headIdNumber: ZHANG_YUQIN }, { household: zhangHousehold });
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/basicMedical')).toMatchObject({ code: 'rule:medical-registry', severity: 'warning' });
      expect(issueAt(assess(luoData, { household: luoHousehold }), '/basicMedical')).toBeUndefined();
    });
  });

  describe('风险是否稳定消除 and 帮扶措施', () => {
    it('refuses 同意消除风险 when the risk is not stably eliminated, and asks no method then', () => {
      const result = assess({ ...luoData, riskStable: false });
      expect(result.errors.map((e) => e.code)).toEqual(['rule:risk-not-stable']);
      expect(result.hidden).toEqual(expect.arrayContaining(['/eliminationMethod', '/mainMeasure']));
      expect(result.data).not.toHaveProperty('eliminationMethod');
    });

    it('requires the measures and the main one among them for 帮扶消除, neither for 自然消除', () => {
      const none = assess({ ...luoData, measures: [] });
      expect(issueAt(none, '/measures')).toMatchObject({ code: 'rule:assisted-needs-measures' });
      expect(issueAt(none, '/mainMeasure')?.message).toBe('风险消除的最主要帮扶措施：产业帮扶 不在已落实的帮扶措施中');
      expect(issueAt(assess(without(luoData, 'mainMeasure')), '/mainMeasure')).toMatchObject({ code: 'required' });

      const natural = assess({ ...without(luoData, 'measures'), eliminationMethod: '自然消除' });
      expect(natural.valid).toBe(true);
      expect(natural.data).not.toHaveProperty('mainMeasure');
    });

    it('offers the 11 measures of the seeds\' lists', () => {
      const measures = (loadForm(FORM).schema.properties as Record<string, { items: { enum: string[] } }>).measures!;
      expect(measures.items.enum).toEqual(['产业帮扶', '就业帮扶', '金融帮扶', '生态帮扶', '公益岗位帮扶', '教育帮扶', '健康帮扶', '生活条件改善', '基础设施建设', '综合保障', '扶志扶智']);
      expect(issueAt(assess({ ...luoData, measures: ['产业帮扶', '低保'] }), '/measures/1')?.code).toBe('enum');
    });
  });

  describe('民主评议, 知情同意 and 风险消除时间', () => {
    it('refuses 同意消除风险 against the village\'s 民主评议', () => {
      expect(conclusionCodes({ ...luoData, evaluationResult: '不同意消除风险' })).toEqual(['rule:evaluation-disagrees']);
    });

    it('requires the household\'s consent, and asks it only for 同意消除风险', () => {
      expect(issueAt(assess({ ...luoData, consent: false }), '/consent')).toMatchObject({ code: 'rule:consent-given', severity: 'error' });
      const later = assess({ ...luoData, conclusion: NOT_YET, consent: false });
      expect(later.valid).toBe(true);
      expect(later.data).not.toHaveProperty('consent');
      expect(later.data).not.toHaveProperty('eliminationMonth');
    });

    it('refuses an elimination less than 6 months after identification', () => {
      const issue = issueAt(assess({ ...luoData, identifiedMonth: '2021-07' }), '/eliminationMonth');
      expect(issue).toMatchObject({ code: 'rule:six-months', severity: 'error' });
      expect(issue?.message).toBe('风险消除时间（年月）：纳入监测（2021-07）至风险消除（2021-12）不满 6 个月，不能标注风险消除');
      expect(issueAt(assess({ ...luoData, identifiedMonth: '2021-06' }), '/eliminationMonth')).toBeUndefined();
    });

    it('refuses an elimination month before the 民主评议 and warns of a 民主评议 before the visit', () => {
      expect(issueAt(assess({ ...luoData, eliminationMonth: '2021-10' }), '/eliminationMonth')?.code).toBe('rule:elimination-after-evaluation');
      const early = assess({ ...luoData, evaluationDate: '2021-11-09' });
      expect(early.valid).toBe(true);
      expect(issueAt(early, '/evaluationDate')).toMatchObject({ code: 'rule:evaluation-after-visit', severity: 'warning' });
    });

    it('warns when the registry already shows the risk eliminated', () => {
      const issue = issueAt(assess(luoData, { household: { ...luoHousehold, riskEliminatedMonth: '2021-06' } }), '/conclusion');
      expect(issue).toMatchObject({ code: 'rule:already-eliminated', severity: 'warning' });
      expect(issue?.message).toContain('已于 2021-06 标注风险消除');
    });
  });

  describe('签字确认', () => {
    it('needs both signatures on a visit, only the officer\'s on a phone interview, which takes no location', () => {
      const unsigned = assess(without(luoData, 'headSignature', 'officerSignature'));
      expect(unsigned.errors.map((e) => e.code)).toEqual(['rule:head-signs', 'rule:officer-signs']);
      const phone = assess({ ...without(luoData, 'headSignature'), phoneInterview: true });
      expect(phone.valid).toBe(true);
      expect(phone.hidden).toContain('/location');
      expect(phone.data).not.toHaveProperty('location');
    });
  });

  describe('what the county\'s final approval writes to the registry', () => {
    it('marks the risk eliminated, with its month and method', () => {
      const outcome = applyEffects(loadForm(FORM), assess(luoData).data, luoHousehold, { month: '2021-12' });
      expect(outcome.household).toEqual({ ...luoHousehold, riskEliminatedMonth: '2021-12', riskEliminationMethod: '帮扶消除' });
    });

    it('changes nothing for 暂不消除', () => {
      const data = assess({ ...luoData, conclusion: NOT_YET }).data;
      expect(applyEffects(loadForm(FORM), data, luoHousehold, { month: '2021-12' })).toEqual({ household: luoHousehold, created: false, changes: [] });
    });
  });
});
