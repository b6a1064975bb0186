// What follows from an ID number, read from published numbers (GB 11643-1999's own examples and
// the numbers in the shipped forms' cases), never from numbers made with the code under test:
// idGender and idBirthDate, the BIRTHDATE formula both ways, the fill of a new member's 性别 and
// 出生日期 (empty or still what the previous number gave: filled; typed: kept, and warned), the
// filler's fields, and the checker's word on malformed markers.
import { describe, expect, it } from 'vitest';
import {
  buildFieldIndex, checkDefinition, compileFormula, evaluate, fillerData, fillFromIdNumber, formulaOf, idDerivedFields,
  type FormDefinition, type FormulaScope,
} from '@engine';
import { domainOperations } from '@engine/rules/domainOperations';
import { defineForm, table, text } from '../helpers/defineForm';
import { loadForm } from '../helpers/forms';

const { idGender, idBirthDate } = domainOperations as Record<string, (...a: unknown[]) => unknown>;

/** GB 11643-1999's examples: 北京市朝阳区 1949-12-31 (female), 广东省汕头市潮阳县 1880-01-01 (male). */
const GB_FEMALE = '11010519491231002X';
const GB_MALE = '440524188001010014';
/** From the shipped cases: form-definitions/member-additions and monitoring-object. */
const CASE_MALE = '370305194910073314';
const CASE_FEMALE = '500118197009030249';

describe('idGender and idBirthDate', () => {
  it('read the gender and the birth date of published numbers', () => {
    expect([idGender!(GB_FEMALE), idBirthDate!(GB_FEMALE)]).toEqual(['女', '1949-12-31']);
    expect([idGender!(GB_MALE), idBirthDate!(GB_MALE)]).toEqual(['男', '1880-01-01']);
    expect([idGender!(CASE_MALE), idBirthDate!(CASE_MALE)]).toEqual(['男', '1949-10-07']);
    expect([idGender!(CASE_FEMALE), idBirthDate!(CASE_FEMALE)]).toEqual(['女', '1970-09-03']);
  });

  it('read a 20-digit disability certificate by its first 18, and give null for what is no number', () => {
    expect(idBirthDate!(`${GB_FEMALE}11`)).toBe('1949-12-31');
    expect(idBirthDate!('110105194912310')).toBeNull();
    expect(idBirthDate!('110105194913310021')).toBeNull();
    expect(idBirthDate!(42)).toBeNull();
  });
});

const scope: FormulaScope = { fields: buildFieldIndex({ type: 'object', properties: { A7: { type: 'string', title: 'A7 身份证号', format: 'id-number' } } }), parameters: {} };

describe('BIRTHDATE', () => {
  it('is idBirthDate, a date, and reads back as it was written', () => {
    const compiled = compileFormula('BIRTHDATE(A7) < "1950-01-01"', scope);
    expect(compiled).toMatchObject({ ok: true, logic: { '<': [{ idBirthDate: { var: 'A7' } }, '1950-01-01'] } });
    expect(formulaOf({ '<': [{ idBirthDate: { var: 'A7' } }, '1950-01-01'] }, scope)).toBe('BIRTHDATE(A7) < "1950-01-01"');
    expect(compileFormula('BIRTHDATE(A7) + 1', scope)).toMatchObject({ ok: false });
  });

  it('computes a read-only birth date within the checker\'s bound', () => {
    const computedBirth = defineForm({
      members: { ...table('家庭成员', { idNumber: text('身份证号码', { format: 'id-number' }), birthDate: { type: 'string', format: 'date', readOnly: true, title: '出生日期' } }), maxItems: 30 },
    }, { computed: [{ field: 'members.birthDate', value: { idBirthDate: { var: '$row.idNumber' } } }] });
    expect(checkDefinition(computedBirth)).toEqual([]);
    expect(evaluate(computedBirth, { members: [{ idNumber: GB_FEMALE }] }).data).toEqual({ members: [{ idNumber: GB_FEMALE, birthDate: '1949-12-31' }] });
  });
});

/** A new member's row: 性别 and 出生日期 follow the ID number, with the rules that warn where a typed one disagrees. */
const additions: FormDefinition = defineForm({
  members: table('新增成员', {
    name: text('姓名'),
    gender: text('性别', { enum: ['男', '女'] }),
    birthDate: text('出生日期', { format: 'date' }),
    idNumber: text('身份证号码', { format: 'id-number' }),
  }),
}, {
  validations: [
    {
      id: 'gender-follows-id', field: 'members.gender', severity: 'warning',
      when: { and: [{ '!!': { var: '$row.gender' } }, { '!!': { idGender: { var: '$row.idNumber' } } }] },
      assert: { '==': [{ var: '$row.gender' }, { idGender: { var: '$row.idNumber' } }] },
      message: '性别“{{$row.gender}}”与身份证号码不符，请核实',
    },
    {
      id: 'birth-follows-id', field: 'members.birthDate', severity: 'warning',
      when: { and: [{ '!!': { var: '$row.birthDate' } }, { '!!': { idBirthDate: { var: '$row.idNumber' } } }] },
      assert: { '==': [{ var: '$row.birthDate' }, { idBirthDate: { var: '$row.idNumber' } }] },
      message: '出生日期 {{$row.birthDate}} 与身份证号码所示的出生日期不符，请核实',
    },
  ],
}, {
  uiSchema: { members: { items: {
    gender: { 'ui:options': { fromIdNumber: { field: 'idNumber', part: 'gender' } } },
    birthDate: { 'ui:options': { fromIdNumber: { field: 'idNumber', part: 'birthDate' } } },
  } } },
});

const fields = idDerivedFields(additions, buildFieldIndex(additions.schema));
const typed = (before: Record<string, unknown>, idNumber: string) => {
  const after = { members: [{ name: '陈小红' }, { ...before, idNumber }] };
  return (fillFromIdNumber(fields, { members: [{ name: '陈小红' }, before] }, after, '/members/1/idNumber').members as Record<string, unknown>[])[1];
};

describe('a new member\'s 性别 and 出生日期', () => {
  it('are filled from a valid ID number when empty', () => {
    expect(checkDefinition(additions).filter((p) => p.severity === 'error')).toEqual([]);
    expect(typed({ name: '陈小红' }, GB_FEMALE)).toEqual({ name: '陈小红', idNumber: GB_FEMALE, gender: '女', birthDate: '1949-12-31' });
  });

  it('follow a corrected number while they still show what the previous one gave', () => {
    expect(typed({ idNumber: GB_FEMALE, gender: '女', birthDate: '1949-12-31' }, CASE_MALE)).toMatchObject({ gender: '男', birthDate: '1949-10-07' });
  });

  it('keep what the officer typed, and the rules warn where it disagrees', () => {
    const row = typed({ idNumber: GB_MALE, gender: '女', birthDate: '1949-12-30' }, CASE_MALE);
    expect(row).toMatchObject({ gender: '女', birthDate: '1949-12-30' });
    const warnings = evaluate(additions, { members: [row] }).warnings.map((w) => `${w.path} ${w.message}`);
    expect(warnings).toEqual([
      '/members/0/gender 新增成员第 1 行：性别“女”与身份证号码不符，请核实',
      '/members/0/birthDate 新增成员第 1 行：出生日期 1949-12-30 与身份证号码所示的出生日期不符，请核实',
    ]);
  });

  it('are left alone while the number is incomplete or invalid', () => {
    expect(typed({}, '11010519491231')).toEqual({ idNumber: '11010519491231' });
    expect(typed({}, '110105194912310021')).toEqual({ idNumber: '110105194912310021' });
  });

  it('follow the ID number in the shipped forms that mark them', () => {
    for (const [formId, gender, id] of [['member-additions', 'A2', 'A4'], ['poverty-identification', 'A2', 'A4'], ['monitoring-object', 'A6', 'A7']] as const) {
      const definition = loadForm(formId);
      const marked = idDerivedFields(definition, buildFieldIndex(definition.schema));
      const after = fillFromIdNumber(marked, { members: [{}] }, { members: [{ [id]: CASE_FEMALE }] }, `/members/0/${id}`);
      expect((after.members as Record<string, unknown>[])[0]![gender], formId).toBe('女');
    }
  });
});

describe('the filler\'s fields', () => {
  const sheet = defineForm({
    headName: text('户主姓名'),
    filler: text('填表人', { maxLength: 20 }),
    fillerPhone: text('填表人联系电话', { format: 'mobile-phone' }),
    fillDate: text('填表日期', { format: 'date' }),
  }, {}, { uiSchema: { filler: { 'ui:options': { filler: 'name' } }, fillerPhone: { 'ui:options': { filler: 'phone' } }, fillDate: { 'ui:options': { filler: 'date' } } } });

  it('start with the user\'s name and phone and the day, where empty', () => {
    expect(fillerData(sheet, { headName: '张德明' }, { name: '周志勇', phone: '13983011201', date: '2021-11-21' }))
      .toEqual({ headName: '张德明', filler: '周志勇', fillerPhone: '13983011201', fillDate: '2021-11-21' });
    expect(fillerData(sheet, { filler: '何晓东' }, { name: '周志勇', date: '2021-11-21' })).toEqual({ filler: '何晓东', fillDate: '2021-11-21' });
  });

  it('leave out a phone the field cannot take', () => {
    expect(fillerData(sheet, {}, { name: '周志勇', phone: '023-49876543' })).toEqual({ filler: '周志勇' });
  });

  it('are marked in the shipped forms that have them', () => {
    const filled = fillerData(loadForm('monitoring-object'), {}, { name: '周志勇', phone: '13983011201', date: '2021-11-21' });
    expect(filled).toEqual({ filler: '周志勇', fillerPhone: '13983011201', fillDate: '2021-11-21' });
    expect(fillerData(loadForm('income-ledger'), {}, { name: '周志勇', phone: '13983011201', date: '2021-11-21' })).toEqual({ filler: '周志勇', fillDate: '2021-11-21' });
  });
});

describe('the checker on fill markers', () => {
  const problems = (uiSchema: Record<string, unknown>) => checkDefinition({ ...additions, uiSchema }).filter((p) => p.severity === 'error').map((p) => `${p.path} ${p.message}`);

  it('refuses an unknown filler part and a filler inside a table', () => {
    expect(problems({ members: { items: { name: { 'ui:options': { filler: 'name' } } } } })).toEqual(['/uiSchema/members/items/name/ui:options/filler 填表人字段 members.name 应为表单的顶层字段']);
    const sheet = defineForm({ filler: text('填表人') }, {}, { uiSchema: { filler: { 'ui:options': { filler: 'signature' } } } });
    expect(checkDefinition(sheet).map((p) => p.path)).toEqual(['/uiSchema/filler/ui:options/filler']);
  });

  it('refuses an ID marker naming no ID field of the row, or a birth date that is no date', () => {
    expect(problems({ members: { items: { gender: { 'ui:options': { fromIdNumber: { field: 'name', part: 'gender' } } } } } }))
      .toEqual(['/uiSchema/members/items/gender/ui:options/fromIdNumber/field name 不是证件号码字段（"format": "resident-id" 或 "id-number"）']);
    expect(problems({ members: { items: { name: { 'ui:options': { fromIdNumber: { field: 'idNumber', part: 'birthDate' } } } } } }))
      .toEqual(['/uiSchema/members/items/name/ui:options/fromIdNumber 出生日期 members.name 应为日期字段（"format": "date"）']);
    expect(problems({ members: { items: { gender: { 'ui:options': { fromIdNumber: { field: 'A99', part: 'age' } } } } } }))
      .toEqual(['/uiSchema/members/items/gender/ui:options/fromIdNumber fromIdNumber 应为 {"field": 证件号码字段, "part": "gender"（性别）或 "birthDate"（出生日期）}']);
  });
});
