// The 回头看 form (003 附件2) over households of 彭水县石盘乡, evaluated as the 2021-lookback
// campaign publishes it (statistical reference date 2021-04-20).
import { describe, expect, it } from 'vitest';
import {
  applyEffects, checkDefinition, corrections, prefillData, residentIdCheckDigit, runCases, verificationFields,
  type FormData, type Household,
} from '@engine';
import { evaluateForm, issueAt, loadCampaign, loadCases, loadForm } from '../helpers/forms';

const CAMPAIGN = '2021-lookback';

function residentId(first17: string): string {
  return first17 + residentIdCheckDigit(first17);
}

const RAN_GUANGMING = residentId('50024319680315301');
const GONG_XIUFEN = residentId('50024319700822302');
const RAN_XIAOBING = residentId('50024320080916313');
const REN_DEFU = residentId('50024319551102311');
const ZHANG_SUZHEN = residentId('50024319581209322');

/** 冉光明's household: 边缘易致贫户 since 2020-06 (因大病), risk not eliminated. */
const ranHousehold: Household = {
  divisionCode: '500243216201',
  headName: '冉光明',
  headIdNumber: RAN_GUANGMING,
  address: '重庆市彭水苗族土家族自治县石盘乡大厂村3组',
  phone: '13508290147',
  kind: '边缘易致贫户',
  identifiedMonth: '2020-06',
  mainRisk: '因大病',
  members: [
    { name: '冉光明', idNumber: RAN_GUANGMING, relation: '户主', gender: '男', medicalInsurance: true },
    { name: '龚秀芬', idNumber: GONG_XIUFEN, relation: '配偶', gender: '女', medicalInsurance: true },
    { name: '冉小兵', idNumber: RAN_XIAOBING, relation: '之子', gender: '男', medicalInsurance: true },
  ],
};

/** 任德福's household: 脱贫不稳定户 since 2020-03 (因学), risk marked eliminated in 2021-01. */
const renHousehold: Household = {
  divisionCode: '500243216202',
  headName: '任德福',
  headIdNumber: REN_DEFU,
  address: '重庆市彭水苗族土家族自治县石盘乡石盘村1组',
  kind: '脱贫不稳定户',
  identifiedMonth: '2020-03',
  riskEliminatedMonth: '2021-01',
  mainRisk: '因学',
  members: [
    { name: '任德福', idNumber: REN_DEFU, relation: '户主', gender: '男', medicalInsurance: true },
    { name: '张素珍', idNumber: ZHANG_SUZHEN, relation: '配偶', gender: '女', medicalInsurance: true },
  ],
};

const ranData: FormData = {
  A1: '重庆市彭水苗族土家族自治县石盘乡大厂村3组', A2: '冉光明', A3: RAN_GUANGMING, A4: 3,
  A5: '边缘易致贫户', A6: '因大病', A7: '2020-06',
  B1: false, B2: false, B3: false, B4: true,
  C1: false, C2: '6000-9000元', C3: '外出务工', C4: false,
  monitors: [{ D1: '任晓东', D2: '13896512345' }, { D1: '谢红梅', D2: '15123874402' }],
  D5: '因病',
  D6: ['缺劳动力'],
  D7: '户主冉光明2020年5月在彭水县人民医院确诊尿毒症，每周透析两次，平均每月自付医药费约800元；家庭收入主要来源是妻子龚秀芬在县城务工，平均每月收入约2500元。',
  D8: '健康帮扶',
  D9: ['综合保障', '就业帮扶'],
  D10: '2021-12',
};

const renData: FormData = {
  A1: '重庆市彭水苗族土家族自治县石盘乡石盘村1组', A2: '任德福', A3: REN_DEFU, A4: 2,
  A5: '脱贫不稳定户', A6: '因学', A7: '2020-03', A8: '2021-01',
  B1: false, B2: false, B3: false, B4: true,
  C1: false, C2: '9000-13500元', C3: '发展产业', C4: false,
  monitors: [{ D1: '冉启明', D2: '13452360981' }],
  D3: '产业帮扶',
  D4: ['教育帮扶', '金融帮扶'],
};

const RISK_REMAINING = ['D5', 'D6', 'D7', 'D8', 'D9', 'D10'] as const;

function lookback(data: FormData, household: Household | null = null, params?: Record<string, unknown>) {
  return evaluateForm('lookback', data, { campaign: CAMPAIGN, household, params });
}

/** The data with some fields changed; `undefined` removes a field. */
function withChanges(data: FormData, changes: FormData): FormData {
  const out: FormData = { ...data, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete out[key];
  return out;
}

describe('监测对象“回头看”信息采集表', () => {
  it('is a definition without problems', () => {
    expect(checkDefinition(loadForm('lookback'))).toEqual([]);
  });

  it('passes a complete household whose risk is not eliminated with no errors or warnings', () => {
    const result = lookback(ranData, ranHousehold);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.data).toEqual({ ...ranData, riskState: '未消除风险：填写 D5-D10' });
  });

  it('passes a complete risk-eliminated household with no errors or warnings', () => {
    const result = lookback(renData, renHousehold);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.data).toEqual({ ...renData, riskState: `风险已消除（${renData.A8}）：填写 D3-D4` });
  });

  it('passes every shipped case under the 2021-lookback campaign', () => {
    const results = runCases(loadForm('lookback'), loadCases('lookback'), loadCampaign(CAMPAIGN).parameters);
    expect(results.length).toBeGreaterThan(30);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('is expected of 脱贫不稳定户 and 边缘易致贫户, once per household, reviewed by township then county', () => {
    const form = loadForm('lookback');
    expect(form.appliesTo).toEqual({ kinds: ['脱贫不稳定户', '边缘易致贫户'] });
    expect(form.review?.onePerHousehold).toBe(true);
    expect(form.review?.levels.map((l) => l.title)).toEqual(['乡镇审核', '县级确定']);
  });

  describe('what the final approval writes to the registry', () => {
    it('takes a corrected A6 as the household main risk (mainRisk)', () => {
      const outcome = applyEffects(loadForm('lookback'), { ...ranData, A6: '因突发事件' }, ranHousehold, { month: '2021-04' });
      expect(outcome.household?.mainRisk).toBe('因突发事件');
      expect(outcome.changes).toEqual(['mainRisk：因大病 → 因突发事件']);
    });

    it('changes nothing when A1-A8 are verified as they are, nor the kind, months or address when corrected', () => {
      expect(applyEffects(loadForm('lookback'), ranData, ranHousehold, { month: '2021-04' })).toEqual({
        household: ranHousehold, created: false, changes: [],
      });
      const corrected = { ...renData, A1: '重庆市彭水苗族土家族自治县石盘乡石盘村2组', A5: '边缘易致贫户', A7: '2020-04', A8: '2021-02' };
      expect(applyEffects(loadForm('lookback'), corrected, renHousehold, { month: '2021-04' }).household).toEqual(renHousehold);
    });
  });

  describe('基础信息（A，过录指标，只需核实）', () => {
    it('pre-fills A1-A8 from the registry, every one for verification, and no monitors', () => {
      const form = loadForm('lookback');
      expect(prefillData(form, renHousehold)).toEqual({
        A1: '重庆市彭水苗族土家族自治县石盘乡石盘村1组', A2: '任德福', A3: REN_DEFU, A4: 2,
        A5: '脱贫不稳定户', A6: '因学', A7: '2020-03', A8: '2021-01',
      });
      expect(verificationFields(form)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    });

    it('leaves A8 empty for a household whose risk is not eliminated', () => {
      expect(prefillData(loadForm('lookback'), ranHousehold)).not.toHaveProperty('A8');
    });

    it('shows reviewers a corrected A6 with the registry value', () => {
      const form = loadForm('lookback');
      const prefill = prefillData(form, ranHousehold);
      expect(corrections(form, { ...prefill, A6: '因突发事件' }, prefill)).toEqual([
        { field: 'A6', title: 'A6 主要的返致贫风险点', registryValue: '因大病', value: '因突发事件' },
      ]);
    });

    it('accepts a 20-digit disability certificate number as A3', () => {
      const certificate = `${residentId('50024319750406331')}42`;
      const result = lookback({ ...ranData, A2: '谢永华', A3: certificate });
      expect(issueAt(result, '/A3')).toBeUndefined();
      expect(result.valid).toBe(true);
    });

    it('refuses an A3 with a wrong check digit', () => {
      const wrong = RAN_GUANGMING.slice(0, 17) + (RAN_GUANGMING.endsWith('7') ? '8' : '7');
      const issue = issueAt(lookback({ ...ranData, A3: wrong }), '/A3');
      expect(issue).toMatchObject({ field: 'A3', code: 'format', severity: 'error' });
      expect(issue?.message).toContain('A3 户主证件号码');
    });

    it('offers A5 and A6 as 003 defines them and refuses anything else', () => {
      const schema = loadForm('lookback').schema.properties as Record<string, { enum?: string[] }>;
      expect(schema.A5?.enum).toEqual(['脱贫不稳定户', '边缘易致贫户']);
      expect(schema.A6?.enum).toEqual(['因大病', '因学', '因残', '因突发事件', '因灾', '因产业失败', '因就业不稳', '其他']);
      expect(issueAt(lookback({ ...ranData, A5: '突发严重困难户' }), '/A5')).toMatchObject({ code: 'enum', severity: 'error' });
    });

    it('refuses an A7 after the statistical reference date', () => {
      const issue = issueAt(lookback({ ...ranData, A7: '2021-05' }), '/A7');
      expect(issue).toMatchObject({ field: 'A7', code: 'rule:a7-not-after-reference', severity: 'error' });
      expect(issue?.message).toBe('A7 纳入系统时间（某年某月）：2021-05 晚于统计调查时点 2021-04-20，请核实');
      expect(issueAt(lookback({ ...ranData, A7: '2021-04' }), '/A7')).toBeUndefined();
    });

    it('refuses an A8 before A7', () => {
      const result = lookback({ ...renData, A7: '2021-02', A8: '2021-01' });
      expect(issueAt(result, '/A8')).toMatchObject({ field: 'A8', code: 'rule:a8-not-before-a7', severity: 'error' });
      expect(issueAt(result, '/A8')?.message).toContain('早于 A7 纳入系统时间 2021-02');
    });

    it('refuses an A8 after the statistical reference date', () => {
      const issue = issueAt(lookback({ ...renData, A8: '2021-05' }), '/A8');
      expect(issue).toMatchObject({ code: 'rule:a8-not-after-reference', severity: 'error' });
      expect(issue?.message).toContain('晚于统计调查时点 2021-04-20');
    });

    it('warns when risk elimination was marked less than 6 months after identification', () => {
      const early = lookback({ ...renData, A7: '2020-09', A8: '2021-02' });
      expect(early.valid).toBe(true);
      expect(issueAt(early, '/A8')).toMatchObject({ code: 'rule:a8-six-months', severity: 'warning' });
      expect(issueAt(early, '/A8')?.message).toContain('不满 6 个月');
      expect(issueAt(lookback({ ...renData, A7: '2020-07', A8: '2021-01' }), '/A8')).toBeUndefined();
    });

    it('does not compare months that are not valid year-months', () => {
      const result = lookback({ ...renData, A7: '2020-13' });
      expect(issueAt(result, '/A7')).toMatchObject({ code: 'format' });
      expect(issueAt(result, '/A8')).toBeUndefined();
    });
  });

  describe('三保障及饮水安全情况（B）', () => {
    it('requires B1-B4', () => {
      const result = lookback(withChanges(ranData, { B1: undefined, B4: undefined }));
      expect(issueAt(result, '/B1')).toMatchObject({ code: 'required', message: 'B1 是否有基本医疗未保障（居民医保和职工医保均未参加）为必填项' });
      expect(issueAt(result, '/B4')).toMatchObject({ code: 'required' });
    });

    it.each([
      ['B1 基本医疗未保障', { B1: true }],
      ['B2 适龄儿童失学辍学', { B2: true }],
      ['B3 危房户', { B3: true }],
      ['B4 未解决安全饮用水', { B4: false }],
    ])('warns a risk-eliminated household that still has a problem (%s): suggests 风险消除回退', (_, change) => {
      const result = lookback({ ...renData, ...change });
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/A8')).toMatchObject({ code: 'rule:a8-guarantees', severity: 'warning' });
      expect(issueAt(result, '/A8')?.message).toContain('应考虑风险消除回退');
    });

    it('does not warn a household whose risk is not eliminated about its 三保障 problems', () => {
      expect(lookback({ ...ranData, B3: true }).warnings).toEqual([]);
    });

    it('warns when B1 is 否 but a registered member has no basic medical insurance', () => {
      const uninsured: Household = {
        ...ranHousehold,
        members: ranHousehold.members.map((m) => (m.name === '冉小兵' ? { ...m, medicalInsurance: false } : m)),
      };
      const issue = issueAt(lookback(ranData, uninsured), '/B1');
      expect(issue).toMatchObject({ field: 'B1', code: 'rule:b1-registry-insurance', severity: 'warning' });
      expect(issue?.message).toContain('未参加城乡居民（职工）基本医疗保险');
      expect(issueAt(lookback({ ...ranData, B1: true }, uninsured), '/B1')).toBeUndefined();
    });
  });

  describe('收入情况（C）', () => {
    it('offers the income brackets and income sources as 003 prints them', () => {
      const schema = loadForm('lookback').schema.properties as Record<string, { enum?: string[] }>;
      expect(schema.C2?.enum).toEqual(['6000元以下', '6000-9000元', '9000-13500元', '13500元以上']);
      expect(schema.C3?.enum).toEqual(['外出务工', '发展产业', '低保、特困、养老金收入等综合保障性类转移性收入']);
    });

    it('warns that a 新四类人员 household does not need help at all and should be reviewed', () => {
      const result = lookback({ ...ranData, C1: true });
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/C1')).toMatchObject({ code: 'rule:c1-new-four', severity: 'warning' });
      expect(issueAt(result, '/C1')?.message).toContain('完全不需要帮扶');
    });

    it('warns when income is above 13500 yuan but the risk is not eliminated', () => {
      const issue = issueAt(lookback({ ...ranData, C2: '13500元以上' }), '/C2');
      expect(issue).toMatchObject({ code: 'rule:c2-high-income-not-eliminated', severity: 'warning' });
      expect(issue?.message).toContain('是否应标注风险消除');
      expect(issueAt(lookback({ ...renData, C2: '13500元以上' }), '/C2')).toBeUndefined();
    });

    it('warns when income is below 6000 yuan but the risk is marked eliminated', () => {
      const issue = issueAt(lookback({ ...renData, C2: '6000元以下' }), '/C2');
      expect(issue).toMatchObject({ code: 'rule:c2-low-income-eliminated', severity: 'warning' });
      expect(issue?.message).toContain('2021-01');
      expect(issueAt(lookback({ ...ranData, C2: '6000元以下' }), '/C2')).toBeUndefined();
    });

    it('warns a risk-eliminated household in severe difficulty (C4) to consider 风险消除回退', () => {
      const issue = issueAt(lookback({ ...renData, C4: true }), '/C4');
      expect(issue).toMatchObject({ code: 'rule:c4-severe-eliminated', severity: 'warning' });
      expect(issue?.message).toContain('风险消除回退');
      expect(issueAt(lookback({ ...ranData, C4: true }), '/C4')).toBeUndefined();
    });
  });

  describe('监测责任人（D1-D2）', () => {
    it('requires at least one monitor', () => {
      expect(issueAt(lookback({ ...ranData, monitors: [] }), '/monitors')).toMatchObject({ code: 'minItems', severity: 'error' });
      expect(issueAt(lookback(withChanges(ranData, { monitors: undefined })), '/monitors')).toMatchObject({ code: 'required' });
    });

    it('allows three monitors but not four', () => {
      const four = [
        { D1: '任晓东', D2: '13896512345' }, { D1: '谢红梅', D2: '15123874402' },
        { D1: '冉启明', D2: '13452360981' }, { D1: '杨再兴', D2: '18723105566' },
      ];
      expect(lookback({ ...ranData, monitors: four.slice(0, 3) }).valid).toBe(true);
      expect(issueAt(lookback({ ...ranData, monitors: four }), '/monitors')).toMatchObject({ code: 'maxItems' });
    });

    it('requires a name and a mobile phone in every row', () => {
      const result = lookback({ ...ranData, monitors: [{ D1: '任晓东' }, { D2: '15123874402' }] });
      expect(issueAt(result, '/monitors/0/D2')).toMatchObject({ code: 'required' });
      expect(issueAt(result, '/monitors/1/D1')).toMatchObject({ code: 'required' });
    });

    it('refuses a landline as D2', () => {
      const issue = issueAt(lookback({ ...ranData, monitors: [{ D1: '任晓东', D2: '023-78865441' }] }), '/monitors/0/D2');
      expect(issue).toMatchObject({ field: 'D2', code: 'format', severity: 'error' });
      expect(issue?.message).toContain('D1-D2 监测责任人第 1 行：D2 监测责任人联系电话');
    });

    it('refuses the same monitor twice, on both rows', () => {
      const result = lookback({ ...ranData, monitors: [{ D1: '任晓东', D2: '13896512345' }, { D1: '任晓东', D2: '15123874402' }] });
      expect(issueAt(result, '/monitors/0/D1')).toMatchObject({ code: 'rule:monitor-names-unique', severity: 'error' });
      expect(issueAt(result, '/monitors/1/D1')?.message).toBe('D1-D2 监测责任人第 2 行：D1 监测责任人的姓名：任晓东 重复填写');
    });

    it('warns when two monitors give the same phone', () => {
      const result = lookback({ ...ranData, monitors: [{ D1: '任晓东', D2: '13896512345' }, { D1: '谢红梅', D2: '13896512345' }] });
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/monitors/1/D2')).toMatchObject({ code: 'rule:monitor-phones-unique', severity: 'warning' });
    });
  });

  describe('帮扶措施情况（D3-D10）', () => {
    it('shows D3-D4 only for risk-eliminated households, dropping their values otherwise', () => {
      const remaining = lookback({ ...ranData, D3: '综合保障', D4: ['健康帮扶'] });
      expect(remaining.hidden).toEqual(expect.arrayContaining(['/D3', '/D4']));
      expect(remaining.hiddenSections).toEqual(['risk-eliminated']);
      expect(remaining.data).not.toHaveProperty('D3');
      expect(remaining.data).not.toHaveProperty('D4');
      expect(remaining.valid).toBe(true);

      const eliminated = lookback(renData);
      expect(eliminated.hidden).not.toContain('/D3');
      expect(eliminated.data.D4).toEqual(['教育帮扶', '金融帮扶']);
    });

    it('shows D5-D10 only for households whose risk is not eliminated, dropping their values otherwise', () => {
      const eliminated = lookback({ ...renData, ...Object.fromEntries(RISK_REMAINING.map((k) => [k, ranData[k]])) });
      expect(eliminated.hidden).toEqual(expect.arrayContaining(RISK_REMAINING.map((k) => `/${k}`)));
      expect(eliminated.hiddenSections).toEqual(['risk-remaining']);
      for (const key of RISK_REMAINING) expect(eliminated.data).not.toHaveProperty(key);
      expect(eliminated.valid).toBe(true);

      const remaining = lookback(ranData);
      for (const key of RISK_REMAINING) expect(remaining.hidden).not.toContain(`/${key}`);
      expect(remaining.data.D10).toBe('2021-12');
    });

    it('states the risk state it derives from A8, which decides the branch', () => {
      expect(lookback(ranData).data.riskState).toBe('未消除风险：填写 D5-D10');
      expect(lookback(renData).data.riskState).toBe(`风险已消除（${renData.A8}）：填写 D3-D4`);
      expect(lookback({ ...ranData, riskState: '风险已消除' }).data.riskState).toBe('未消除风险：填写 D5-D10');
    });

    it('follows a corrected A8: clearing it turns a risk-eliminated household into one with D5-D10 to fill', () => {
      const result = lookback(withChanges(renData, { A8: undefined }));
      expect(result.hidden).toEqual(expect.arrayContaining(['/D3', '/D4']));
      expect(issueAt(result, '/D5')).toMatchObject({ code: 'required' });
    });

    it('requires D3 only when it is shown', () => {
      expect(issueAt(lookback(withChanges(renData, { D3: undefined })), '/D3')).toMatchObject({
        code: 'required', message: 'D3 风险消除的最主要帮扶措施为必填项',
      });
      expect(issueAt(lookback(ranData), '/D3')).toBeUndefined();
    });

    it('requires D5, D7, D8 and D10 only when they are shown, and never D6 or D9', () => {
      const bare = withChanges(ranData, { D5: undefined, D6: undefined, D7: undefined, D8: undefined, D9: undefined, D10: undefined });
      const result = lookback(bare);
      expect(result.errors.map((e) => e.path).sort()).toEqual(['/D10', '/D5', '/D7', '/D8']);
      expect(result.errors.every((e) => e.code === 'required')).toBe(true);
      expect(lookback(withChanges(renData, { D4: undefined })).errors).toEqual([]);
    });

    it('refuses a D4 that repeats D3', () => {
      const issue = issueAt(lookback({ ...renData, D4: ['教育帮扶', '产业帮扶'] }), '/D4');
      expect(issue).toMatchObject({ field: 'D4', code: 'rule:d4-not-d3', severity: 'error' });
      expect(issue?.message).toBe('D4 其他帮扶措施：不应重复 D3 最主要帮扶措施（产业帮扶）');
    });

    it('refuses a D6 that repeats D5', () => {
      const issue = issueAt(lookback({ ...ranData, D6: ['因病', '缺劳动力'] }), '/D6');
      expect(issue).toMatchObject({ code: 'rule:d6-not-d5', severity: 'error' });
      expect(issue?.message).toContain('不应重复 D5 最主要的风险点（因病）');
    });

    it('refuses a D9 that repeats D8', () => {
      const issue = issueAt(lookback({ ...ranData, D9: ['健康帮扶', '综合保障'] }), '/D9');
      expect(issue).toMatchObject({ code: 'rule:d9-not-d8', severity: 'error' });
      expect(issue?.message).toContain('不应重复 D8 已规划的主要措施（健康帮扶）');
    });

    it('wants a D7 description of 20 to 2000 characters', () => {
      const short = issueAt(lookback({ ...ranData, D7: '户主患尿毒症，缺钱治疗。' }), '/D7');
      expect(short).toMatchObject({ code: 'minLength', message: 'D7 家庭困难现状描述至少 20 个字（现为 12 个）' });
      const long = issueAt(lookback({ ...ranData, D7: '病'.repeat(2001) }), '/D7');
      expect(long).toMatchObject({ code: 'maxLength' });
      expect(issueAt(lookback({ ...ranData, D7: '病'.repeat(20) }), '/D7')).toBeUndefined();
    });

    it('refuses a D10 before the month of the statistical reference date', () => {
      const issue = issueAt(lookback({ ...ranData, D10: '2021-03' }), '/D10');
      expect(issue).toMatchObject({ field: 'D10', code: 'rule:d10-not-before-reference', severity: 'error' });
      expect(issue?.message).toContain('早于统计调查时点 2021-04-20 所在月份');
      expect(issueAt(lookback({ ...ranData, D10: '2021-04' }), '/D10')).toBeUndefined();
    });

    it('takes the reference date from the campaign, not from the form', () => {
      const later = lookback(ranData, null, { referenceDate: '2022-06-30' });
      expect(issueAt(later, '/D10')?.code).toBe('rule:d10-not-before-reference');
    });

    it('offers the 11 measures and the 10 risks as 003 lists them', () => {
      const schema = loadForm('lookback').schema.properties as Record<string, { enum?: string[]; items?: { enum?: string[] } }>;
      const measures = ['产业帮扶', '就业帮扶', '金融帮扶', '生态帮扶', '公益岗位帮扶', '教育帮扶', '健康帮扶', '生活条件改善', '基础设施建设', '综合保障', '扶志扶智'];
      const risks = ['因病', '因学', '因残', '缺劳动力', '自身发展动力不足', '因自然灾害', '因意外事故', '因疫情', '因产业失败', '因就业不稳'];
      expect(schema.D3?.enum).toEqual(measures);
      expect(schema.D4?.items?.enum).toEqual(measures);
      expect(schema.D8?.enum).toEqual(measures);
      expect(schema.D9?.items?.enum).toEqual(measures);
      expect(schema.D5?.enum).toEqual(risks);
      expect(schema.D6?.items?.enum).toEqual(risks);
    });
  });
});
