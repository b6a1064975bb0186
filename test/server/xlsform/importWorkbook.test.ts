// The workbook import as an administrator writes one (sheets as plain rows, no file): groups as
// sections, a repeat as the member table, required/relevant/constraint/calculation/default,
// severity, the checks and parameters sheets, registry pre-fill, languages as translations; what
// has no equivalent refused at its sheet, row and column with nothing imported; a problem the
// definition checker finds shown where it was written. Each form is then filled through the engine.
import { describe, expect, it } from 'vitest';
import { evaluate, type FormDefinition } from '@engine';
import { exportWorkbook } from '@engine/xlsform/definition/exportWorkbook';
import { importWorkbook } from '@engine/xlsform/definition/importWorkbook';
import type { SheetBook, SheetTable } from '@engine/xlsform/definition/workbook';

/** A sheet from a header and rows of cells (row numbers as a spreadsheet shows them). */
function sheet(name: string, columns: string[], rows: (string | undefined)[][]): SheetTable {
  return {
    name, columns,
    rows: rows.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(columns.flatMap((c, j) => (cells[j] ? [[c, cells[j]!]] : []))) })),
  };
}

const SURVEY = ['type', 'name', 'label', 'label::English (en)', 'hint', 'required', 'relevant', 'constraint', 'constraint_message', 'constraint_message::en', 'severity', 'calculation', 'default', 'prefill', 'verify'];
const surveyRows: (string | undefined)[][] = [
  ['begin group', 'basic', '一、基本信息', 'Basic information'],
  ['text', 'headName', '户主姓名', 'Head of household', undefined, 'yes', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'headName', 'yes'],
  ['yes_no', 'A1', 'A1 是否易地搬迁', 'A1 Relocated', undefined, 'yes'],
  ['text', 'A2', 'A2 安置区地址', 'A2 Resettlement address', undefined, undefined, "${A1} = 'yes'"],
  ['select_one kind', 'A3', 'A3 监测对象类别', 'A3 Category', '按人均纯收入判断', 'yes'],
  ['end group', 'basic'],
  ['begin group', 'members_part', '二、家庭成员'],
  ['begin repeat', 'members', '家庭成员', 'Members', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'members'],
  ['text', 'A5', 'A5 姓名', 'A5 Name', undefined, 'yes', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'name'],
  ['integer', 'A16', 'A16 务工时间（月）', 'A16 Months worked', undefined, undefined, undefined, '. >= 0 and . <= 12', '务工时间应为 0 至 12 个月', 'Months worked: 0 to 12'],
  ['end repeat', 'members'],
  ['end group', 'members_part'],
  ['begin group', 'income', '三、收入'],
  ['decimal', 'A28', 'A28 工资性收入（元）', 'A28 Wages', undefined, 'yes', undefined, '. >= 0', 'A28 不能为负', undefined, undefined, undefined, '0'],
  ['calculate', 'A34', 'A34 人均纯收入（元）', 'A34 Income per person', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'round(${A28} div count(${members}), 2)'],
  ['note', 'income_note', '收入按本次活动的收入计算周期统计'],
  ['end group', 'income'],
];
const choices = sheet('choices', ['list_name', 'name', 'label', 'label::English (en)'], [
  ['kind', '脱贫不稳定户', '脱贫不稳定户', 'Unstable'], ['kind', '边缘易致贫户', '边缘易致贫户', 'Marginal'], ['kind', '突发严重困难户', '突发严重困难户', 'Sudden hardship'],
]);
const settings = sheet('settings', ['form_title', 'form_title::English (en)', 'form_id', 'applies_to'], [['农户核查表', 'Household check', 'household-check', '脱贫不稳定户、边缘易致贫户']]);
const parameters = sheet('parameters', ['name', 'type', 'title'], [['incomeLine', 'number', '收入线（元/人·年）']]);
const checks = sheet('checks', ['rule_id', 'field', 'when', 'assert', 'severity', 'message', 'message::en'], [
  ['kind-line', 'A3', "${A34} >= param('incomeLine')", "${A3} = '突发严重困难户'", 'warning', 'A3：人均纯收入 {{A34}} 元不低于收入线，应为突发严重困难户', 'A3: income above the line'],
]);
const book = (survey: (string | undefined)[][] = surveyRows, extra: SheetTable[] = []): SheetBook => ({
  sheets: [sheet('survey', SURVEY, survey), choices, settings, parameters, checks, ...extra],
});

describe('a workbook written by an administrator', () => {
  const { definition, problems } = importWorkbook(book());
  const form = definition as FormDefinition;

  it('imports with no error, sections from groups and the member table from the repeat', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toContainEqual({ sheet: 'survey', row: 17, column: 'type', message: '说明文字（note）已并入分区“三、收入”的说明', severity: 'warning' });
    expect(form.sections?.map((s) => [s.id, s.title, s.fields])).toEqual([
      ['basic', '一、基本信息', ['headName', 'A1', 'A2', 'A3']], ['members_part', '二、家庭成员', ['members']], ['income', '三、收入', ['A28', 'A34']],
    ]);
    expect(form.sections![2]!.description).toBe('收入按本次活动的收入计算周期统计');
    expect(form.schema.required).toEqual(['headName', 'A1', 'A3', 'A28']);
    expect((form.schema.properties as any).members.items.required).toEqual(['A5']);
    expect((form.schema.properties as any).A34).toEqual({ type: 'number', title: 'A34 人均纯收入（元）', readOnly: true });
    expect((form.schema.properties as any).A28.default).toBe(0);
    expect(form.registry?.prefill).toEqual([
      { field: 'members', from: 'members', columns: { A5: 'name' } }, { field: 'headName', from: 'headName', verify: true },
    ]);
    expect(form.appliesTo).toEqual({ kinds: ['脱贫不稳定户', '边缘易致贫户'] });
    expect(form.uiSchema?.A3).toEqual({ 'ui:help': '按人均纯收入判断' });
  });

  it('carries every language column into translations under the definition\'s text keys', () => {
    expect(form.translations?.en).toMatchObject({
      title: 'Household check', 'section:basic.title': 'Basic information', 'field:A1.title': 'A1 Relocated', 'field:members.A16.title': 'A16 Months worked',
      'field:A3.option:边缘易致贫户': 'Marginal', 'rule:members-A16-constraint.message': 'Months worked: 0 to 12', 'rule:kind-line.message': 'A3: income above the line',
    });
  });

  it('is filled and checked by the engine as the workbook says', () => {
    const data = { headName: '陈明华', A1: false, A2: '不该留下', A3: '边缘易致贫户', A28: 14000, members: [{ A5: '陈明华', A16: 13 }, { A5: '刘素芬', A16: 6 }] };
    const result = evaluate(form, data, { params: { incomeLine: 6000 } });
    expect(result.data.A34).toBe(7000);
    expect(result.data.A2).toBeUndefined();
    expect(result.hidden).toContain('/A2');
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([['/members/0/A16', '家庭成员第 1 行：务工时间应为 0 至 12 个月']]);
    expect(result.warnings.map((w) => [w.path, w.code, w.message])).toEqual([['/A3', 'rule:kind-line', 'A3：人均纯收入 7000 元不低于收入线，应为突发严重困难户']]);
    expect(evaluate(form, { ...data, A28: -1 }, { params: { incomeLine: 6000 } }).errors.map((e) => e.path)).toContain('/A28');
  });

  it('exports back to a workbook that imports to the same definition', () => {
    const again = importWorkbook(exportWorkbook(form).book);
    expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(again.definition!.translations).toEqual(form.translations);
    expect(again.definition!.schema).toEqual(form.schema);
    expect(again.definition!.rules?.validations?.map((r) => r.id)).toEqual(form.rules?.validations?.map((r) => r.id));
  });
});

describe('what has no equivalent: refused where it is written, nothing imported', () => {
  const refused = (rows: (string | undefined)[][]) => importWorkbook(book([...surveyRows.slice(0, 5), ...rows, ...surveyRows.slice(5)]));

  it.each([
    [['time', 'T1', '时间'], 'type', '题型时间（time）在本系统没有对应'],
    [['select_one kind or_other', 'T2', '类别'], 'type', '“or_other”（选项外再填其他）没有对应：请另设一个“其他”文本题，用 relevant 控制显示'],
    [['text', 'T3', '说明', undefined, undefined, '${A1} = \'yes\''], 'required', '按条件必填（required = ${A1} = \'yes\'）没有对应：请写 yes，并用 relevant 控制显示（隐藏的题不必填）'],
    [['begin group', 'inner', '内层'], 'type', '分组“basic”中的分组没有对应：本系统的分区只有一层'],
    [['date', 'T5', '日期', undefined, undefined, undefined, undefined, '. <= today()'], 'constraint', 'today()'],
    [['text', 'T6', '名称', undefined, undefined, undefined, undefined, ". != ''", undefined, undefined, 'fatal'], 'severity', 'severity 应为 error（错误，阻止提交）或 warning（警告，须说明）'],
  ])('%j', (row, column, message) => {
    const { definition, problems } = refused([row as string[]]);
    expect(definition).toBeNull();
    expect(problems.some((p) => p.severity === 'error' && p.sheet === 'survey' && p.row === 7 && p.column === column && p.message.includes(message)),
      JSON.stringify(problems)).toBe(true);
  });

  it('shows a problem the definition checker finds at the row and column it came from', () => {
    const rows = surveyRows.map((r) => (r[1] === 'A2' ? ['text', 'A2', 'A2 安置区地址', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'noSuchField'] : r));
    const { definition, problems } = importWorkbook(book(rows));
    expect(definition).toBeNull();
    const found = problems.find((p) => p.severity === 'error')!;
    expect([found.sheet, found.row, found.column]).toEqual(['survey', 5, 'prefill']);
    expect(found.message).toContain('/registry/prefill/2');
  });
});

describe('a workbook in other languages only', () => {
  it('takes the own text from the default language\'s column and the others as translations', () => {
    const { definition, problems } = importWorkbook({
      sheets: [
        sheet('survey', ['type', 'name', 'label::English (en)', 'label::Français (fr)'], [['integer', 'age', 'Age', 'Âge']]),
        sheet('settings', ['form_title', 'form_id', 'default_language'], [['Survey', 'survey-en', 'English (en)']]),
      ],
    });
    // No error; the definition check says what French lacks: the form's title, given in one language only.
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('title（Survey）') })]);
    expect((definition!.schema.properties as any).age.title).toBe('Age');
    expect(definition!.translations).toEqual({ fr: { 'field:age.title': 'Âge' } });
  });
});

describe('a definition with two conditions on one field', () => {
  it('exports them as one relevant that needs both', () => {
    const form: FormDefinition = {
      id: 'two-conditions', title: '两个条件',
      schema: { type: 'object', properties: { A1: { type: 'boolean', title: 'A1' }, A2: { type: 'boolean', title: 'A2' }, A3: { type: 'string', title: 'A3', maxLength: 20 } } },
      rules: { visibility: [{ field: 'A3', when: { '==': [{ var: 'A1' }, true] } }, { field: 'A3', when: { '==': [{ var: 'A2' }, true] } }] },
    };
    const back = importWorkbook(exportWorkbook(form).book).definition!;
    for (const [a1, a2, shown] of [[true, true, true], [true, false, false], [false, true, false]] as const) {
      const result = evaluate(back, { A1: a1, A2: a2, A3: '有' }, {});
      expect(result.hidden.includes('/A3')).toBe(!shown);
      expect(evaluate(form, { A1: a1, A2: a2, A3: '有' }, {}).hidden.includes('/A3')).toBe(!shown);
    }
  });
});

describe('a constraint on a question that may be left blank', () => {
  const rows: (string | undefined)[][] = [
    ['integer', 'C5', 'C5 外出务工人数', undefined, undefined, undefined, undefined, '. >= 1', 'C5 外出务工人数至少为 1'],
  ];
  const form = importWorkbook({ sheets: [sheet('survey', SURVEY, rows), settings] }).definition!;

  it('is checked only once answered, as in ODK (required says whether it may be blank)', () => {
    expect(evaluate(form, {}, {}).errors).toEqual([]);
    expect(evaluate(form, { C5: 0 }, {}).errors.map((e) => e.message)).toEqual(['C5 外出务工人数至少为 1']);
    expect(evaluate(form, { C5: 2 }, {}).errors).toEqual([]);
  });

  it('writes a rule with no condition that could fail on a blank question in checks, one that cannot in the survey row', () => {
    const strict: FormDefinition = { ...form, rules: { ...form.rules, validations: form.rules!.validations!.map((r) => (r.field === 'C5' ? { ...r, when: undefined } : r)) } };
    const exported = exportWorkbook(strict).book;
    const survey = exported.sheets.find((s) => s.name === 'survey')!;
    expect(survey.rows.find((r) => r.cells.name === 'C5')!.cells.constraint).toBeUndefined();
    const back = importWorkbook(exported).definition!;
    expect(evaluate(back, {}, {}).errors.map((e) => e.message)).toEqual(['C5 外出务工人数至少为 1']);
    // One that holds on a blank answer anyway (reading nothing else) stays in the survey row.
    const lenient: FormDefinition = { ...strict, rules: { validations: [{ id: 'c5-small', field: 'C5', assert: { '!': { '>': [{ var: 'C5' }, 30] } }, message: '太多' }] } };
    expect(exportWorkbook(lenient).book.sheets.find((s) => s.name === 'survey')!.rows.find((r) => r.cells.name === 'C5')!.cells.constraint).toBe('not(. > 30)');
    // Its own condition (answered only) goes back into the survey row.
    const own = exportWorkbook(form).book.sheets.find((s) => s.name === 'survey')!;
    expect(own.rows.find((r) => r.cells.name === 'C5')!.cells.constraint).toBe('. >= 1');
  });
});
