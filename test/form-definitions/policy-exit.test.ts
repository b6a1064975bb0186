// The 脱贫不享受政策人口认定 form (004 附件2 and its procedure) over 脱贫户 of 临淄区稷下街道,
// evaluated as the 2023 campaign publishes it (income period ending 2023-09-30).
import { describe, expect, it } from 'vitest';
import {
  checkDefinition, prefillData, residentIdCheckDigit, runCases, verificationFields,
  type FormData, type Household,
} from '@engine';
import { evaluateForm, issueAt, loadCampaign, loadCases, loadForm } from '../helpers/forms';

const CAMPAIGN = '2023';
const EXIT = '认定为脱贫不再享受政策人口';
const STILL = '仍按脱贫享受政策人口管理';
const KEEP = '不符合认定条件，继续享受政策';

function residentId(first17: string): string {
  return first17 + residentIdCheckDigit(first17);
}

const WANG_JIANGUO = residentId('37030519620518301');
const LI_GUILAN = residentId('37030519650309302');
const WANG_LEI = residentId('37030519880211321');
const SUN_DESHUN = residentId('37030519580723311');
const SUN_CHUANFU = residentId('37030519491007331');

/** 王建国's household: income above the county level, the son a public-institution employee. */
const wangHousehold: Household = {
  divisionCode: '370305003201',
  headName: '王建国',
  headIdNumber: WANG_JIANGUO,
  address: '山东省淄博市临淄区稷下街道南卧石村',
  kind: '脱贫户',
  members: [
    { name: '王建国', idNumber: WANG_JIANGUO, relation: '户主', gender: '男', minimumLivingAllowance: false },
    { name: '李桂兰', idNumber: LI_GUILAN, relation: '配偶', gender: '女', minimumLivingAllowance: false },
    { name: '王磊', idNumber: WANG_LEI, relation: '之子', gender: '男', minimumLivingAllowance: false },
  ],
};

/** 孙德顺's household: father and son both on the minimum living allowance. */
const sunHousehold: Household = {
  divisionCode: '370305003203',
  headName: '孙德顺',
  headIdNumber: SUN_DESHUN,
  address: '山东省淄博市临淄区稷下街道北山西村',
  kind: '脱贫户',
  members: [
    { name: '孙德顺', idNumber: SUN_DESHUN, relation: '户主', gender: '男', minimumLivingAllowance: true },
    { name: '孙传福', idNumber: SUN_CHUANFU, relation: '之父', gender: '男', minimumLivingAllowance: true },
  ],
};

const NO_CRITERIA = { P1: false, P2: false, P3: false, P4: false, P5: false, P6: false, P7: false, P8: false };
const NO_EXCEPTIONS = { X1: false, X2: false, X3: false, X4: false };
const EXCEPTIONS = ['X1', 'X2', 'X3', 'X4'] as const;
const PROCEDURE = ['evaluationDate', 'publicityStart', 'publicityEnd', 'publicityDays'] as const;

/** Meets P1 (income) and P6 (a son on the public payroll), no exception: identified. */
const wangData: FormData = {
  headName: '王建国', headIdNumber: WANG_JIANGUO, address: '山东省淄博市临淄区稷下街道南卧石村',
  population: 3, divisionCode: '370305003201',
  incomePerCapita: 26800, countyIncome: 25413,
  ...NO_CRITERIA, P1: true, P6: true,
  ...NO_EXCEPTIONS,
  remarks: '户年人均可支配收入26800元，已达到临淄区农民人均可支配收入水平；其子王磊为区属事业单位在编人员，入户核实无误。',
  evaluationDate: '2023-11-16', publicityStart: '2023-11-20', publicityEnd: '2023-11-24',
};

/** Meets P8 (well-off children living apart) but is on the minimum living allowance (X1). */
const sunData: FormData = {
  headName: '孙德顺', headIdNumber: SUN_DESHUN, address: '山东省淄博市临淄区稷下街道北山西村',
  population: 2, divisionCode: '370305003203',
  incomePerCapita: 11260, countyIncome: 25413,
  ...NO_CRITERIA, P8: true,
  ...NO_EXCEPTIONS, X1: true,
};

/** No criterion at all. */
const keepData: FormData = {
  headName: '孙德顺', headIdNumber: SUN_DESHUN, address: '山东省淄博市临淄区稷下街道北山西村',
  population: 2, divisionCode: '370305003203',
  incomePerCapita: 11260, countyIncome: 25413,
  ...NO_CRITERIA,
};

function policyExit(data: FormData, household: Household | null = null) {
  return evaluateForm('policy-exit', data, { campaign: CAMPAIGN, household });
}

function without(data: FormData, ...keys: string[]): FormData {
  const out = { ...data };
  for (const key of keys) delete out[key];
  return out;
}

describe('脱贫不享受政策人口认定', () => {
  it('is a definition without problems', () => {
    expect(checkDefinition(loadForm('policy-exit'))).toEqual([]);
  });

  it('passes a complete identified household with no errors or warnings', () => {
    const result = policyExit(wangData, wangHousehold);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.data).toEqual({ ...wangData, criteriaMet: 2, verdict: EXIT, publicityDays: 5 });
  });

  it('passes every shipped case under the 2023 campaign', () => {
    const results = runCases(loadForm('policy-exit'), loadCases('policy-exit'), loadCampaign(CAMPAIGN).parameters);
    expect(results.length).toBeGreaterThan(15);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('is expected of 脱贫户, once per household, reviewed by township then county, with no registry effect', () => {
    const form = loadForm('policy-exit');
    expect(form.appliesTo).toEqual({ kinds: ['脱贫户'] });
    expect(form.review?.onePerHousehold).toBe(true);
    expect(form.review?.levels.map((l) => l.id)).toEqual(['township', 'county']);
    expect(form.registry?.effects ?? []).toEqual([]);
  });

  it('pre-fills the header from the registry, every field for verification', () => {
    const form = loadForm('policy-exit');
    expect(prefillData(form, wangHousehold)).toEqual({
      headName: '王建国', headIdNumber: WANG_JIANGUO, address: '山东省淄博市临淄区稷下街道南卧石村',
      population: 3, divisionCode: '370305003201',
    });
    expect(verificationFields(form)).toEqual(['headName', 'headIdNumber', 'address', 'population', 'divisionCode']);
  });

  it('refuses a head ID number with a wrong check digit and a short division code', () => {
    const wrong = WANG_JIANGUO.slice(0, 17) + (WANG_JIANGUO.endsWith('7') ? '8' : '7');
    const result = policyExit({ ...wangData, headIdNumber: wrong, divisionCode: '3703050032' });
    expect(issueAt(result, '/headIdNumber')).toMatchObject({ code: 'format', severity: 'error' });
    expect(issueAt(result, '/headIdNumber')?.message).toContain('户主证件号码');
    expect(issueAt(result, '/divisionCode')).toMatchObject({ code: 'format' });
  });

  describe('认定结果 (computed)', () => {
    it('identifies a household that meets a criterion and no exception', () => {
      expect(policyExit(wangData).data.verdict).toBe(EXIT);
    });

    it('keeps managing a household that meets a criterion but also an exception as 脱贫享受政策人口', () => {
      for (const exception of EXCEPTIONS) {
        const result = policyExit({ ...wangData, [exception]: true });
        expect(result.data.verdict, exception).toBe(STILL);
      }
    });

    it('keeps the policies of a household that meets no criterion', () => {
      const result = policyExit(keepData);
      expect(result.data.criteriaMet).toBe(0);
      expect(result.data.verdict).toBe(KEEP);
      expect(result.valid).toBe(true);
    });

    it('counts the criteria met', () => {
      expect(policyExit(wangData).data.criteriaMet).toBe(2);
      expect(policyExit({ ...wangData, P3: true, P4: true, P7: true }).data.criteriaMet).toBe(5);
      expect(policyExit({ ...keepData, P2: true }).data.criteriaMet).toBe(1);
    });

    it('gives no verdict until the questions that decide it are answered', () => {
      const unansweredCriterion = policyExit(without(keepData, 'P5'));
      expect(unansweredCriterion.data).not.toHaveProperty('verdict');
      expect(issueAt(unansweredCriterion, '/P5')).toMatchObject({ code: 'required' });

      const unansweredException = policyExit(without(wangData, 'X3'));
      expect(unansweredException.data).not.toHaveProperty('verdict');
      expect(issueAt(unansweredException, '/X3')).toMatchObject({ code: 'required' });
    });

    it('needs no further answer once an exception applies', () => {
      const result = policyExit(without({ ...wangData, X2: true }, 'X3', 'X4'));
      expect(result.data.verdict).toBe(STILL);
    });

    it('ignores the computed values a client sends', () => {
      const result = policyExit({ ...keepData, criteriaMet: 6, verdict: EXIT, publicityDays: 9 });
      expect(result.data.criteriaMet).toBe(0);
      expect(result.data.verdict).toBe(KEEP);
      expect(result.data).not.toHaveProperty('publicityDays');
    });
  });

  describe('例外情形 (X1-X4)', () => {
    it('asks the exceptions only when a criterion holds, dropping their values otherwise', () => {
      const none = policyExit({ ...keepData, X1: true, X3: true });
      expect(none.hiddenSections).toContain('exceptions');
      for (const x of EXCEPTIONS) {
        expect(none.hidden).toContain(`/${x}`);
        expect(none.data).not.toHaveProperty(x);
      }
      expect(none.valid).toBe(true);

      const some = policyExit(sunData, sunHousehold);
      expect(some.hiddenSections).not.toContain('exceptions');
      expect(some.data.X1).toBe(true);
    });

    it('requires every exception only when they are asked', () => {
      const asked = policyExit(without(wangData, 'X1', 'X2', 'X3', 'X4'));
      expect(asked.errors.filter((e) => e.code === 'required').map((e) => e.path)).toEqual(['/X1', '/X2', '/X3', '/X4']);
      expect(issueAt(asked, '/X1')?.message).toBe('X1 户内家庭成员正在享受低保政策为必填项');
      expect(policyExit(keepData).errors).toEqual([]);
    });

    it('warns when X1 is 否 but a registered member is on the minimum living allowance', () => {
      const result = policyExit({ ...sunData, X1: false, X2: true }, sunHousehold);
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/X1')).toMatchObject({ field: 'X1', code: 'rule:x1-registry-allowance', severity: 'warning' });
      expect(issueAt(result, '/X1')?.message).toContain('最低生活保障');
      expect(issueAt(policyExit({ ...wangData, X1: false }, wangHousehold), '/X1')).toBeUndefined();
    });
  });

  describe('P1 and the recorded incomes', () => {
    it('warns when the income reaches the county level but P1 is 否', () => {
      const issue = issueAt(policyExit({ ...wangData, P1: false }), '/P1');
      expect(issue).toMatchObject({ field: 'P1', code: 'rule:p1-income-reached', severity: 'warning' });
      expect(issue?.message).toBe(
        'P1 收入达到所在县农民人均可支配收入水平：户年人均可支配收入 26800 元已达到所在县（市、区）农民人均可支配收入 25413 元，P1 应为“是”，请核实',
      );
    });

    it('warns when P1 is 是 but the income is below the county level', () => {
      const issue = issueAt(policyExit({ ...wangData, incomePerCapita: 18350 }), '/P1');
      expect(issue).toMatchObject({ code: 'rule:p1-income-below', severity: 'warning' });
      expect(issue?.message).toContain('18350 元低于所在县（市、区）农民人均可支配收入 25413 元，P1 应为“否”');
    });

    it('agrees with an income exactly at the county level', () => {
      expect(issueAt(policyExit({ ...wangData, incomePerCapita: 25413 }), '/P1')).toBeUndefined();
      expect(issueAt(policyExit({ ...keepData, incomePerCapita: 25413, P1: false }), '/P1')?.code).toBe('rule:p1-income-reached');
    });

    it('requires both incomes, not below 0', () => {
      const result = policyExit({ ...without(wangData, 'countyIncome'), incomePerCapita: -1 });
      expect(issueAt(result, '/countyIncome')).toMatchObject({ code: 'required' });
      expect(issueAt(result, '/incomePerCapita')).toMatchObject({ code: 'minimum', message: '户年人均可支配收入（元）不能小于 0' });
      expect(issueAt(result, '/P1')).toBeUndefined();
    });
  });

  describe('情况说明 and the procedure 民主评议—乡镇审核—村级公示（公示期5天）', () => {
    it('shows 情况说明 and the procedure only for an identified household, dropping their values otherwise', () => {
      const still = policyExit({ ...sunData, remarks: wangData.remarks, evaluationDate: '2023-11-16', publicityStart: '2023-11-20', publicityEnd: '2023-11-24' });
      expect(still.data.verdict).toBe(STILL);
      expect(still.hiddenSections).toContain('procedure');
      for (const key of [...PROCEDURE, 'remarks']) {
        expect(still.hidden).toContain(`/${key}`);
        expect(still.data).not.toHaveProperty(key);
      }
      expect(still.valid).toBe(true);

      const identified = policyExit(wangData);
      expect(identified.hidden).toEqual([]);
      expect(identified.data.publicityDays).toBe(5);
    });

    it('requires 情况说明 of at least 10 characters only for an identified household', () => {
      expect(issueAt(policyExit(without(wangData, 'remarks')), '/remarks')).toMatchObject({ code: 'required', message: '情况说明为必填项' });
      expect(issueAt(policyExit({ ...wangData, remarks: '收入达标。' }), '/remarks')).toMatchObject({ code: 'minLength' });
      expect(issueAt(policyExit(sunData), '/remarks')).toBeUndefined();
    });

    it('requires the evaluation and publicity dates only for an identified household', () => {
      const result = policyExit(without(wangData, 'evaluationDate', 'publicityStart', 'publicityEnd'));
      expect(result.errors.map((e) => e.path)).toEqual(['/evaluationDate', '/publicityStart', '/publicityEnd']);
      expect(result.data).not.toHaveProperty('publicityDays');
      expect(policyExit(sunData).errors).toEqual([]);
    });

    it('counts the publicity days with both ends', () => {
      expect(policyExit({ ...wangData, publicityEnd: '2023-11-30' }).data.publicityDays).toBe(11);
    });

    it('refuses a publicity shorter than 5 days', () => {
      const result = policyExit({ ...wangData, publicityEnd: '2023-11-23' });
      expect(result.data.publicityDays).toBe(4);
      expect(issueAt(result, '/publicityEnd')).toMatchObject({ field: 'publicityEnd', code: 'rule:publicity-five-days', severity: 'error' });
      expect(issueAt(result, '/publicityEnd')?.message).toBe('村级公示结束日期：公示期5天，2023-11-20 至 2023-11-23 只有 4 天');
    });

    it('refuses a publicity that ends before it starts', () => {
      const result = policyExit({ ...wangData, publicityEnd: '2023-11-18' });
      expect(result.errors.map((e) => e.code)).toEqual(['rule:publicity-end-after-start']);
      expect(issueAt(result, '/publicityEnd')?.message).toContain('早于公示开始日期 2023-11-20');
    });

    it('refuses a publicity that does not start after the democratic evaluation', () => {
      for (const evaluationDate of ['2023-11-20', '2023-11-22']) {
        const issue = issueAt(policyExit({ ...wangData, evaluationDate }), '/publicityStart');
        expect(issue, evaluationDate).toMatchObject({ code: 'rule:publicity-after-evaluation', severity: 'error' });
        expect(issue?.message).toContain(`应在民主评议日期 ${evaluationDate} 之后`);
      }
    });

    it('warns of a democratic evaluation held before the income period ended', () => {
      const result = policyExit({ ...wangData, evaluationDate: '2023-09-18' });
      expect(result.valid).toBe(true);
      expect(issueAt(result, '/evaluationDate')).toMatchObject({ code: 'rule:evaluation-after-income-period', severity: 'warning' });
      expect(issueAt(result, '/evaluationDate')?.message).toContain('截至 2023-09-30');
    });
  });
});
