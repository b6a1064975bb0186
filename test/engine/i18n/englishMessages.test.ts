// A form filled in English: its labels and rule messages from the definition's translations, the
// engine's own words (required, bounds, choices, the formats' explanations) in English; Chinese
// stays the default.
import { describe, expect, it } from 'vitest';
import {
  compileForm, domainFormats, evaluateCompiled, unexplainedWarnings, formValidatorSource, fullValidatorRequire, precompiledForm, type FormData, type FormValidators, type Issue,
} from '@engine';
import { english } from '../../../engine/i18n/englishMessages';
import { loadCases, loadForm } from '../../helpers/forms';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const definition = loadForm('member-additions');
const marriedIn = loadCases('member-additions')[0]!;

/** The first case's household with its first added member changed. */
function withMember(change: (member: Record<string, unknown>) => void, extra?: (data: FormData) => void): FormData {
  const data = structuredClone(marriedIn.data);
  change((data.members as Record<string, unknown>[])[0]!);
  extra?.(data);
  return data;
}

function issuesIn(language: string | undefined, data: FormData): Issue[] {
  const form = compileForm(definition, language ? { language } : {});
  const result = evaluateCompiled(form, data, { params: marriedIn.params, household: marriedIn.household });
  return [...result.errors, ...result.warnings];
}

const at = (issues: Issue[], path: string) => issues.filter((i) => i.path === path).map((i) => i.message);

describe('the engine in English', () => {
  it('explains a wrong check digit in English, naming the row and the field as translated', () => {
    // 530925199810090468 is the seed case's ID; its check digit is 8
    const data = withMember((m) => { m.A4 = '530925199810090460'; });
    expect(at(issuesIn('en', data), '/members/0/A4')).toContain('Added members row 1: A4 Resident ID (disability certificate) number: wrong check digit (the 18th character should be 8)');
    expect(at(issuesIn(undefined, data), '/members/0/A4')).toContain('增加的家庭成员第 1 行：A4 居民身份证（残疾人证）号码：校验位错误（第 18 位应为 8）');
  });

  it('says what is required and what is not a choice in English', () => {
    const data = withMember((m) => { delete m.A1; m.addReason = '6'; });
    const issues = issuesIn('en', data);
    expect(at(issues, '/members/0/A1')).toEqual(['Added members row 1: A1 Name: is required']);
    expect(at(issues, '/members/0/addReason')).toEqual(['Added members row 1: Reason of the addition: must be one of the choices']);
  });

  it("gives the form's rule messages from its translations, with the values filled in", () => {
    const data = withMember(() => {}, (d) => { (d.members as unknown[]).push(structuredClone((d.members as unknown[])[0])); });
    expect(at(issuesIn('en', data), '/members/2/A4')).toContain('Added members row 3: A4 Resident ID (disability certificate) number: 530925199810090468 appears more than once in the table');
  });

  it('writes no Chinese but the names of persons in any issue of an English evaluation of the shipped cases', () => {
    for (const formCase of loadCases('member-additions')) {
      const result = evaluateCompiled(compileForm(definition, { language: 'en' }), formCase.data, { params: formCase.params, household: formCase.household });
      // a person's name is data, the one Chinese an English message may quote
      const names = ((formCase.data.members ?? []) as { A1?: string }[]).map((m) => m.A1).filter((n): n is string => !!n);
      for (const issue of [...result.errors, ...result.warnings]) {
        expect(names.reduce((m, name) => m.replaceAll(name, ''), issue.message), formCase.name).not.toMatch(CJK);
      }
    }
  });

  it('gives the same English from the precompiled validators a phone runs', () => {
    const module = { exports: {} as unknown };
    new Function('module', 'exports', 'require', formValidatorSource(definition.schema))(module, module.exports, fullValidatorRequire);
    const phone = precompiledForm(definition, { form: module.exports as FormValidators['form'] }, { language: 'en' });
    const data = withMember((m) => { m.A4 = '530925199810090460'; delete m.A1; });
    const onPhone = evaluateCompiled(phone, data, { params: marriedIn.params, household: marriedIn.household });
    expect(onPhone.errors.map((e) => e.message).sort()).toEqual(issuesIn('en', data).filter((i) => i.severity === 'error').map((i) => i.message).sort());
  });
});

describe('english', () => {
  // Values each format refuses, for every explanation it can give.
  const refused: Record<string, string[]> = {
    'resident-id': ['53092519981009046x', '5309251998', '53092519981009046A', '990925199810090468', '530925199813320468', '530925180010090468', '530925299810090468', '530925199810090460'],
    'disability-certificate': ['5309251998100904681', '53092519981009046011', '53092519981009046891', '53092519981009046818'],
    'id-number': ['53092519981009046x', '5309251998100904681'],
    'mobile-phone': ['1381234567a', '1381234567', '11812345678'],
    phone: ['12'],
    'division-code': ['53a', '530', '990925'],
    'year-month': ['2021/09', '2021-13', '1800-01'],
    photo: ['x', `${'a'.repeat(64)}.gif`],
    signature: [`${'a'.repeat(64)}.jpg`],
    location: ['here'],
  };

  it('has English for every explanation of every domain format', () => {
    expect(Object.keys(refused).sort()).toEqual(Object.keys(domainFormats).sort());
    for (const [format, values] of Object.entries(refused)) {
      for (const value of values) {
        const zh = domainFormats[format]!(value);
        expect(zh, `${format} ${value}`).not.toBeNull();
        expect(english(zh!), `${format} ${value}: ${zh}`).not.toMatch(CJK);
      }
    }
  });

  it('says in English that a warning needs its explanation, quoting the warning as translated', () => {
    const data = withMember((m) => { m.A2 = '男'; });
    const warnings = evaluateCompiled(compileForm(definition, { language: 'en' }), data, { params: marriedIn.params, household: marriedIn.household }).warnings;
    const [needed] = unexplainedWarnings(warnings, {});
    expect(english(needed!.message)).toBe(
      'Added members row 1: A2 Gender: Male does not match the gender the 17th character of the ID number 530925199810090468 shows; please check — needs an explanation before it can be submitted (notice rule gender-matches-id)',
    );
    const [tooLong] = unexplainedWarnings(warnings, { 'gender-matches-id': '核'.repeat(501) });
    expect(english(tooLong!.message)).toMatch(/^the explanation \(notice rule gender-matches-id\) takes at most \d+ characters \(now 501\)$/);
  });

  it('leaves a sentence it does not know as it is', () => {
    expect(english('别的话')).toBe('别的话');
  });
});
