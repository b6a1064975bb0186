// 纳入监测申请 with its 授权承诺书 (001; 002 自主申请): what a resident of 高滩村 fills on a phone.
// The same definition the public page renders and the server checks every application against.
import { describe, expect, it } from 'vitest';
import { checkDefinition, evaluate, runCases, type FormData } from '@engine';
import { issueAt, loadCases, loadForm } from '../helpers/forms';

const FORM = 'monitoring-application';

const LIU_JIANHUA: FormData = {
  name: '刘建华', idNumber: '500118197803042116', phone: '13908231234', divisionCode: '500118104201',
  mainRisk: '因病', description: '今年三月妻子确诊尿毒症，每周透析三次，自付医药费每月约三千元，本人不能外出务工。', agreement: true,
};

const check = (data: FormData) => evaluate(loadForm(FORM), data, { params: {}, household: null });

describe('纳入监测申请', () => {
  it('is a definition without errors', () => {
    expect(checkDefinition(loadForm(FORM)).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('passes every shipped case', () => {
    const results = runCases(loadForm(FORM), loadCases(FORM), {});
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  it('accepts an application for illness with its authorisation agreed', () => {
    expect(check(LIU_JIANHUA).errors).toEqual([]);
  });

  it('refuses an application whose 授权承诺书 is not agreed, naming it', () => {
    const issue = issueAt(check({ ...LIU_JIANHUA, agreement: false }), '/agreement');
    expect(issue?.message).toContain('授权');
  });

  it('names the seeds’ risks, the same list as the officer’s 风险类型 (A27)', () => {
    const risks = (loadForm(FORM).schema.properties as Record<string, { enum?: string[] }>).mainRisk!.enum;
    const officer = (loadForm('monitoring-object').schema.properties as Record<string, { items: { enum: string[] } }>).A27!.items.enum;
    expect(risks).toEqual(officer);
    expect(risks).toEqual(expect.arrayContaining(['因病', '因自然灾害', '因意外事故', '因务工就业不稳']));
  });

  it('asks what “其他” is only when it is chosen', () => {
    expect(issueAt(check({ ...LIU_JIANHUA, mainRisk: '其他' }), '/riskOther')).toBeDefined();
    expect(check({ ...LIU_JIANHUA, mainRisk: '其他', riskOther: '儿子车祸后借债' }).errors).toEqual([]);
  });

  it('refuses a wrong ID check digit in Chinese', () => {
    expect(issueAt(check({ ...LIU_JIANHUA, idNumber: '500118197803042117' }), '/idNumber')?.message).toMatch(/身份证号/);
  });

  it('keeps a signature optional', () => {
    const required = loadForm(FORM).schema.required as string[];
    expect(required).not.toContain('signature');
    expect((loadForm(FORM).schema.properties as Record<string, { format?: string }>).signature!.format).toBe('signature');
  });
});
