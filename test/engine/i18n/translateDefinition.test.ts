// Translations of a definition: its texts by key, the definition in English (Chinese where a text
// has no translation), and what the definition check says is left untranslated.
import { describe, expect, it } from 'vitest';
import { checkDefinition, labelOf, optionsOf, textKeys, translateDefinition, untranslated, type FormDefinition, type JsonSchema } from '@engine';
import { loadForm } from '../../helpers/forms';

const memberColumns = (definition: FormDefinition) =>
  ((definition.schema.properties as Record<string, JsonSchema>).members!.items as JsonSchema).properties as Record<string, JsonSchema>;

describe('textKeys', () => {
  it('names every text of the member-additions form by the keys of the design: form, parameters, sections, fields, options, help, rules', () => {
    const keys = new Map(textKeys(loadForm('member-additions')).map((t) => [t.key, t.zh]));
    expect(keys.get('title')).toBe('已脱贫户、易返贫致贫户家庭成员自然增加情况表');
    expect(keys.get('param:incomePeriodStart.title')).toBe('计算周期开始日期');
    expect(keys.get('section:household.title')).toBe('户信息');
    expect(keys.get('field:headName.title')).toBe('户主姓名');
    expect(keys.get('field:members.A4.help')).toMatch(/^二代居民身份证号码为 18 位/);
    // a plain enum's value is its label; a coded choice's label is its oneOf title
    expect(keys.get('field:members.A2.option:女')).toBe('女');
    expect(keys.get('field:members.addReason.option:2')).toBe('婚入');
    expect(keys.get('rule:id-unique.message')).toBe('A4 居民身份证（残疾人证）号码：{{$row.A4}} 在表中重复出现');
    // 5 reasons of addition, 56 ethnic groups and 其他
    expect([...keys.keys()].filter((k) => k.startsWith('field:members.addReason.option:'))).toHaveLength(5);
    expect([...keys.keys()].filter((k) => k.startsWith('field:members.A6.option:'))).toHaveLength(57);
  });
});

describe('translateDefinition', () => {
  const definition = loadForm('member-additions');

  it('gives the form in English: titles, section titles, option labels (a plain enum too) and rule messages', () => {
    const en = translateDefinition(definition, 'en');
    expect(en.title).toMatch(/^Natural additions to the members/);
    expect(en.sections!.map((s) => s.title)).toEqual(['Household', 'Added members']);
    const columns = memberColumns(en);
    expect(columns.A1!.title).toBe('A1 Name');
    expect(labelOf(columns.addReason!, '2')).toBe('Married in');
    // 男/女 was a plain enum: the values stay what is stored, the labels are English
    expect(optionsOf(columns.A2!)).toEqual([{ value: '男', label: 'Male' }, { value: '女', label: 'Female' }]);
    expect(en.rules!.validations!.find((r) => r.id === 'id-unique')!.message).toBe('A4 Resident ID (disability certificate) number: {{$row.A4}} appears more than once in the table');
  });

  it('leaves the definition itself in Chinese, and Chinese is the definition itself', () => {
    translateDefinition(definition, 'en');
    expect(definition.title).toBe('已脱贫户、易返贫致贫户家庭成员自然增加情况表');
    expect(memberColumns(definition).A2!.enum).toEqual(['男', '女']);
    expect(translateDefinition(definition, 'zh')).toBe(definition);
  });

  it('shows a text without a translation in Chinese', () => {
    const partial = structuredClone(definition);
    delete partial.translations!.en!['field:members.A1.title'];
    delete partial.translations!.en!['field:members.A2.option:女'];
    const en = translateDefinition(partial, 'en');
    expect(memberColumns(en).A1!.title).toBe('A1 姓名');
    expect(optionsOf(memberColumns(en).A2!)).toEqual([{ value: '男', label: 'Male' }, { value: '女', label: '女' }]);
    // a language the definition has no translations for: all Chinese
    expect(translateDefinition(definition, 'ug').title).toBe(definition.title);
  });
});

describe('untranslated', () => {
  it('finds nothing left in the shipped English of member-additions', () => {
    const definition = loadForm('member-additions');
    expect(untranslated(definition)).toEqual([]);
    expect(checkDefinition(definition).filter((p) => p.path.startsWith('/translations'))).toEqual([]);
  });

  it('lists each text left in Chinese per language, and the check reports them as one warning per language', () => {
    const definition = structuredClone(loadForm('member-additions'));
    delete definition.translations!.en!['field:members.A1.title'];
    delete definition.translations!.en!['rule:id-unique.message'];
    definition.translations!.ug = { title: 'ئائىلە ئەزالىرىنىڭ تەبىئىي كۆپىيىشى' };
    const missing = untranslated(definition);
    expect(missing.filter((m) => m.language === 'en')).toEqual([
      { language: 'en', key: 'field:members.A1.title', zh: 'A1 姓名' },
      { language: 'en', key: 'rule:id-unique.message', zh: 'A4 居民身份证（残疾人证）号码：{{$row.A4}} 在表中重复出现' },
    ]);
    const total = textKeys(definition).length;
    expect(missing.filter((m) => m.language === 'ug')).toHaveLength(total - 1);
    const warnings = checkDefinition(definition).filter((p) => p.path.startsWith('/translations'));
    expect(warnings.map((w) => [w.path, w.severity])).toEqual([['/translations/en', 'warning'], ['/translations/ug', 'warning']]);
    expect(warnings[0]!.message).toContain('有 2 处未翻译');
    expect(warnings[0]!.message).toContain('field:members.A1.title（A1 姓名）');
    expect(warnings[1]!.message).toContain(`有 ${total - 1} 处未翻译`);
  });

  it('warns of a translation whose key names no text, and refuses a translation of Chinese or a malformed language', () => {
    const definition = structuredClone(loadForm('member-additions'));
    definition.translations!.en!['field:members.A99.title'] = 'A99 Nothing';
    expect(checkDefinition(definition)).toContainEqual(expect.objectContaining({ path: '/translations/en/field:members.A99.title', severity: 'warning' }));
    const zh = { ...structuredClone(loadForm('member-additions')), translations: { zh: { title: '别的标题' } } };
    expect(checkDefinition(zh).some((p) => p.severity === 'error' && p.path.startsWith('/translations'))).toBe(true);
    const bad = { ...structuredClone(loadForm('member-additions')), translations: { English: { title: 'x' } } };
    expect(checkDefinition(bad).some((p) => p.severity === 'error' && p.path.startsWith('/translations'))).toBe(true);
  });
});
