// The monitoring-object form (000 附件4 易返贫致贫户信息采集表 = 004 附件1) as a whole: its definition,
// sections, risk types, review chain and shipped cases, and a complete household accepted as filled.
import { describe, expect, it } from 'vitest';
import { checkDefinition, runCases } from '@engine';
import { monitoringHousehold } from '../../bench/fixtures/monitoringHousehold';
import { evaluateForm, issueAt, loadCampaign, loadCases, loadForm } from '../helpers/forms';
import { BOTH_SIGNED, FORM, NO_EXCLUSION, chenHousehold, messages } from './monitoringObjectHouseholds';

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
});
