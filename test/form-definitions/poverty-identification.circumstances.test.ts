// 新识别贫困户信息采集表 (000 附件1) on 陈国华's household: sections 三 to 六 (致贫原因, 收入情况,
// 生产生活条件, 帮扶责任人), what they compute and refuse, and the warning for a head who has not signed.
import { describe, expect, it } from 'vitest';
import type { FormData } from '@engine';
import { evaluateForm, issueAt } from '../helpers/forms';
import { FORM, chenHousehold, type Row } from './povertyIdentificationHousehold';

describe('新识别贫困户信息采集表', () => {
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
});
