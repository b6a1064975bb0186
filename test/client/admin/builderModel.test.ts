// The builder's model, without the page: structure edits keep the definition consistent (codes,
// sections, property order, rules, pre-fill), renames follow every reference, each field type
// maps to the definition format, and options pasted from Excel fill the list.
import { describe, expect, it } from 'vitest';
import { checkDefinition, type FormDefinition } from '@engine';
import { fieldTypeOf, schemaForType, uiForType } from '../../../client/pages/admin/builder/model/fieldTypes';
import { optionListOf, parsePastedOptions, withOptions } from '../../../client/pages/admin/builder/model/options';
import { readsField, renameInLogic } from '../../../client/pages/admin/builder/model/renameRefs';
import {
  addField, addSection, duplicateField, moveField, removeField, removeSection, renameField,
} from '../../../client/pages/admin/builder/model/structure';
import { setComputed, setVisibility, setValidations } from '../../../client/pages/admin/builder/model/rules';
import { setPrefill } from '../../../client/pages/admin/builder/model/prefill';
import { problemsByPart } from '../../../client/pages/admin/builder/model/problemsByPart';

function form(): FormDefinition {
  return {
    id: 'test-form', title: '测试表',
    parameters: { incomeLine: { title: '收入线', type: 'number' } },
    schema: {
      type: 'object', required: ['A1'],
      properties: {
        A1: { type: 'boolean', title: 'A1 是否外出务工' },
        A2: { type: 'string', title: 'A2 务工地点', maxLength: 50 },
        B1: { type: 'number', minimum: 0, title: 'B1 工资性收入（元）' },
        B2: { type: 'number', readOnly: true, title: 'B2 人均收入（元）' },
        members: { type: 'array', title: '家庭成员', items: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '姓名' }, A7: { type: 'string', title: 'A7 证件号码', format: 'id-number' } } } },
      },
    },
    uiSchema: { B1: { 'ui:widget': 'money', 'ui:help': '收入线 {{$params.incomeLine}} 元' } },
    sections: [
      { id: 'work', title: '一、务工', fields: ['A1', 'A2'] },
      { id: 'income', title: '二、收入', fields: ['B1', 'B2', 'members'] },
    ],
    rules: {
      visibility: [{ field: 'A2', when: { '==': [{ var: 'A1' }, true] } }],
      computed: [{ field: 'B2', value: { '/': [{ var: ['B1', 0] }, { count: { var: 'members' } }] } }],
      validations: [
        { id: 'b1-line', field: 'B1', severity: 'warning', assert: { '<': [{ var: 'B1' }, { var: '$params.incomeLine' }] }, message: 'B1 工资性收入（元）：{{B1}} 不低于收入线' },
        { id: 'a7-unique', field: 'members.A7', assert: { '!': { in: [{ var: '$row.A7' }, { duplicates: [{ var: 'members' }, 'A7'] }] } }, message: 'A7 证件号码：{{$row.A7}} 重复' },
      ],
    },
    registry: { prefill: [{ field: 'members', from: 'members', columns: { name: 'name', A7: 'idNumber' } }, { field: 'A2', from: 'address', verify: true }] },
  };
}

const errorsOf = (d: FormDefinition) => checkDefinition(d).filter((p) => p.severity === 'error');

describe('the sample form', () => {
  it('is a definition the checker accepts', () => {
    expect(errorsOf(form())).toEqual([]);
  });
});

describe('addField', () => {
  it('gives the next free code after the section\'s last field, in the section and the schema at that place', () => {
    const d = form();
    const key = addField(d, { section: 'work' }, 'text');
    expect(key).toBe('A3');
    expect(d.sections![0]!.fields).toEqual(['A1', 'A2', 'A3']);
    expect(Object.keys(d.schema.properties as object)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'members']);
    expect((d.schema.properties as Record<string, unknown>).A3).toEqual({ type: 'string', title: 'A3 新字段', maxLength: 50 });
    expect(errorsOf(d)).toEqual([]);
  });

  it('skips a code already taken; a table\'s column follows its last column (or starts at C1)', () => {
    const d = form();
    addField(d, { section: 'work', after: 'A1' }, 'text');
    expect(d.sections![0]!.fields).toEqual(['A1', 'A3', 'A2']);
    expect(addField(d, { table: 'members' }, 'number')).toBe('members.A8');
    expect(Object.keys((d.schema.properties as any).members.items.properties)).toEqual(['name', 'A7', 'A8']);
    const empty = form();
    (empty.schema.properties as any).members.items.properties = {};
    expect(addField(empty, { table: 'members' }, 'text')).toBe('members.C1');
  });
});

describe('moveField', () => {
  it('moves within a section, crosses into the next one at its edge, and keeps the schema in that order', () => {
    const d = form();
    moveField(d, 'A2', -1);
    expect(d.sections![0]!.fields).toEqual(['A2', 'A1']);
    moveField(d, 'A1', 1);
    expect(d.sections![0]!.fields).toEqual(['A2']);
    expect(d.sections![1]!.fields).toEqual(['A1', 'B1', 'B2', 'members']);
    expect(Object.keys(d.schema.properties as object)).toEqual(['A2', 'A1', 'B1', 'B2', 'members']);
    moveField(d, 'members.A7', -1);
    expect(Object.keys((d.schema.properties as any).members.items.properties)).toEqual(['A7', 'name']);
  });
});

describe('duplicateField', () => {
  it('copies a field right after it with its condition and checks under a new code', () => {
    const d = form();
    expect(duplicateField(d, 'A2')).toBe('A3');
    expect(d.sections![0]!.fields).toEqual(['A1', 'A2', 'A3']);
    expect(d.rules!.visibility).toContainEqual({ field: 'A3', when: { '==': [{ var: 'A1' }, true] } });
    expect(duplicateField(d, 'B1')).toBe('B3');
    expect(d.rules!.validations!.find((v) => v.field === 'B3')).toMatchObject({ id: 'b1-line-2', message: 'B3 工资性收入（元）：{{B3}} 不低于收入线', assert: { '<': [{ var: 'B3' }, { var: '$params.incomeLine' }] } });
    expect(errorsOf(d)).toEqual([]);
  });
});

describe('removeField', () => {
  it('takes its rules, pre-fill, section place and required entry with it', () => {
    const d = form();
    removeField(d, 'A2');
    expect(d.sections![0]!.fields).toEqual(['A1']);
    expect(d.rules!.visibility).toBeUndefined();
    expect(d.registry!.prefill).toEqual([{ field: 'members', from: 'members', columns: { name: 'name', A7: 'idNumber' } }]);
    removeField(d, 'members.A7');
    expect(d.registry!.prefill![0]!.columns).toEqual({ name: 'name' });
    expect(d.rules!.validations!.map((v) => v.id)).toEqual(['b1-line']);
    removeField(d, 'A1');
    expect(d.schema.required).toBeUndefined();
  });

  it('leaves a rule that reads the deleted field for the checker to point at', () => {
    const d = form();
    removeField(d, 'B1');
    expect(errorsOf(d).map((p) => p.path)).toContainEqual(expect.stringMatching(/^\/rules\/computed\/0\/value/));
  });

  it('deletes a section with its fields', () => {
    const d = form();
    removeSection(d, 'work');
    expect(d.sections!.map((s) => s.id)).toEqual(['income']);
    expect(Object.keys(d.schema.properties as object)).toEqual(['B1', 'B2', 'members']);
  });
});

describe('renameField', () => {
  it('renames the field and every reference: rules, messages, help texts, pre-fill, the title\'s code', () => {
    const d = form();
    expect(renameField(d, 'B1', 'B5')).toBe('B5');
    expect((d.schema.properties as any).B5.title).toBe('B5 工资性收入（元）');
    expect(Object.keys(d.schema.properties as object)).toEqual(['A1', 'A2', 'B5', 'B2', 'members']);
    expect(d.rules!.computed![0]!.value).toEqual({ '/': [{ var: ['B5', 0] }, { count: { var: 'members' } }] });
    expect(d.rules!.validations![0]).toMatchObject({ field: 'B5', message: 'B5 工资性收入（元）：{{B5}} 不低于收入线' });
    expect(d.uiSchema!.B5).toEqual({ 'ui:widget': 'money', 'ui:help': '收入线 {{$params.incomeLine}} 元' });
    expect(d.sections![1]!.fields).toEqual(['B5', 'B2', 'members']);
    expect(errorsOf(d)).toEqual([]);
  });

  it('renames a column inside its table\'s rules ($row, duplicates) and the pre-fill columns', () => {
    const d = form();
    renameField(d, 'members.A7', 'A8');
    expect(d.rules!.validations![1]).toMatchObject({
      field: 'members.A8', message: 'A8 证件号码：{{$row.A8}} 重复',
      assert: { '!': { in: [{ var: '$row.A8' }, { duplicates: [{ var: 'members' }, 'A8'] }] } },
    });
    expect(d.registry!.prefill![0]!.columns).toEqual({ name: 'name', A8: 'idNumber' });
    expect(d.schema.properties).toHaveProperty('members.items.properties.A8.title', 'A8 证件号码');
    expect(errorsOf(d)).toEqual([]);
  });

  it('does not touch a same-named column read inside an iteration over another table, nor a longer name', () => {
    const logic = { and: [{ var: 'A1' }, { var: 'A10' }, { some: [{ var: 'helpers' }, { '==': [{ var: 'A1' }, true] }] }] };
    expect(renameInLogic(logic, 'A1', 'Z1')).toEqual({ and: [{ var: 'Z1' }, { var: 'A10' }, { some: [{ var: 'helpers' }, { '==': [{ var: 'A1' }, true] }] }] });
    expect(readsField(logic, 'A10')).toBe(true);
    expect(readsField(logic, 'A2')).toBe(false);
  });
});

describe('sections', () => {
  it('adds a section holding one new field, and wraps loose fields in a first section when there were none', () => {
    const d = form();
    delete d.sections;
    const id = addSection(d, '三、其他');
    expect(d.sections!.map((s) => [s.id, s.title, s.fields])).toEqual([
      ['section-1', '第一部分', ['A1', 'A2', 'B1', 'B2', 'members']],
      [id, '三、其他', ['F1']],
    ]);
    expect(errorsOf(d)).toEqual([]);
  });
});

describe('field types', () => {
  it('maps each kind of field to the definition format', () => {
    const base = { title: 'X1 测试' };
    expect(schemaForType('textarea', base)).toEqual({ type: 'string', title: 'X1 测试', maxLength: 2000 });
    expect(uiForType('textarea', {})).toEqual({ 'ui:widget': 'textarea' });
    expect(schemaForType('money', base)).toEqual({ type: 'number', title: 'X1 测试', minimum: 0 });
    expect(uiForType('money', { 'ui:widget': 'textarea', 'ui:help': '说明' })).toEqual({ 'ui:widget': 'money', 'ui:help': '说明' });
    expect(schemaForType('year-month', base)).toEqual({ type: 'string', title: 'X1 测试', format: 'year-month' });
    expect(schemaForType('id', base)).toMatchObject({ format: 'id-number' });
    expect(schemaForType('phone', base)).toMatchObject({ format: 'phone' });
    expect(schemaForType('division', base)).toMatchObject({ format: 'division-code' });
    expect(schemaForType('boolean', { ...base, readOnly: true })).toEqual({ type: 'boolean', title: 'X1 测试', readOnly: true });
    expect(schemaForType('multi', { type: 'string', enum: ['因病', '因学'] })).toEqual({ type: 'array', items: { type: 'string', enum: ['因病', '因学'] }, uniqueItems: true });
    expect(uiForType('multi', {})).toEqual({ 'ui:widget': 'checkboxes' });
    expect(schemaForType('table', base)).toMatchObject({ type: 'array', items: { type: 'object', properties: { C1: { type: 'string' } } } });
  });

  it('reads each kind back from a seed-style schema', () => {
    expect(fieldTypeOf({ type: 'number', minimum: 0 }, { 'ui:widget': 'money' })).toBe('money');
    expect(fieldTypeOf({ type: 'integer' })).toBe('number');
    expect(fieldTypeOf({ type: 'string', oneOf: [{ const: '1', title: '新生儿' }] })).toBe('choice');
    expect(fieldTypeOf({ type: 'array', items: { type: 'string', enum: ['a'] }, uniqueItems: true })).toBe('multi');
    expect(fieldTypeOf({ type: 'string', format: 'resident-id' })).toBe('id');
    expect(fieldTypeOf({ type: 'string', format: 'mobile-phone' })).toBe('phone');
    expect(fieldTypeOf({ type: 'string' }, { 'ui:widget': 'textarea' })).toBe('textarea');
    expect(fieldTypeOf({ type: 'object', properties: {} })).toBe('other');
  });
});

describe('options', () => {
  it('reads a column pasted from Excel: labels one per line, or code and label separated by a tab', () => {
    expect(parsePastedOptions('因病\r\n因学\n\n因残\n因病\n')).toEqual({ coded: false, options: [{ code: '', label: '因病' }, { code: '', label: '因学' }, { code: '', label: '因残' }] });
    expect(parsePastedOptions('1\t新生儿\n2\t婚入\n3\t其他（请注明）')).toEqual({ coded: true, options: [{ code: '1', label: '新生儿' }, { code: '2', label: '婚入' }, { code: '3', label: '其他（请注明）' }] });
    expect(parsePastedOptions('产业帮扶\t就业帮扶\t金融帮扶')).toEqual({ coded: false, options: [{ code: '', label: '产业帮扶' }, { code: '', label: '就业帮扶' }, { code: '', label: '金融帮扶' }] });
  });

  it('writes labels as enum, codes as oneOf const/title, a multiple choice on its items', () => {
    const coded = parsePastedOptions('1\t新生儿\n2\t婚入');
    expect(withOptions({ type: 'string', title: 'R 原因', enum: ['x'] }, coded)).toEqual({ type: 'string', title: 'R 原因', oneOf: [{ const: '1', title: '新生儿' }, { const: '2', title: '婚入' }] });
    const multi = withOptions({ type: 'array', items: { type: 'string', enum: [] }, uniqueItems: true }, parsePastedOptions('因病\n因学'));
    expect(multi).toEqual({ type: 'array', items: { type: 'string', enum: ['因病', '因学'] }, uniqueItems: true });
    expect(optionListOf(multi).options.map((o) => o.label)).toEqual(['因病', '因学']);
  });
});

describe('rules and pre-fill', () => {
  it('sets and clears a field\'s condition, formula and checks, leaving no empty rule lists', () => {
    const d = form();
    setVisibility(d, { field: 'A2' }, undefined);
    setComputed(d, 'B2', undefined);
    setValidations(d, 'B1', []);
    setValidations(d, 'members.A7', []);
    expect(d.rules).toBeUndefined();
    setVisibility(d, { section: 'income' }, { '==': [{ var: 'A1' }, true] });
    expect(d.rules).toEqual({ visibility: [{ section: 'income', when: { '==': [{ var: 'A1' }, true] } }] });
  });

  it('pre-fills a field from a household field to verify, and a column from a member field', () => {
    const d = form();
    setPrefill(d, 'A1', { from: 'phone', verify: true });
    setPrefill(d, 'members.A7', { from: '', verify: false });
    expect(d.registry!.prefill).toEqual([
      { field: 'members', from: 'members', columns: { name: 'name' } },
      { field: 'A2', from: 'address', verify: true },
      { field: 'A1', from: 'phone', verify: true },
    ]);
  });
});

describe('problemsByPart', () => {
  it('puts each checker problem beside the field, column or section it concerns', () => {
    const d = form();
    d.rules!.computed![0]!.value = { '+': [{ var: 'B9' }, 1] };
    (d.schema.properties as any).members.items.properties.A7.format = 'nope';
    d.sections![0]!.fields.push('Z9');
    const parts = problemsByPart(d, checkDefinition(d));
    expect([...parts.keys()].sort()).toEqual(expect.arrayContaining(['field:B2', 'section:work']));
    expect(parts.get('field:B2')![0]!.message).toContain('B9');
  });
});
