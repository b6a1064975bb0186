// Real XLSForm workbooks no one here wrote — pyxform's test and example forms and ODK's
// xlsform-offline test forms (test/fixtures/xlsform/*/, with their licences) — read from the file
// with exceljs, imported, and where they import, filled and checked by the engine: a sample answer
// to every question is valid, and a wrong answer to any one question is an error on that question.
// Where they are refused, the refusal names the sheet, row and column of a construct with no
// equivalent. The README's table ("Writing a form in Excel") lists the same outcomes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDefinition, evaluate, type FormDefinition, type JsonSchema } from '@engine';
import { importWorkbook } from '@engine/xlsform/definition/importWorkbook';
import { readWorkbook } from '../../../server/xlsform/readWorkbook';

const DIR = 'test/fixtures/xlsform';

async function importFixture(file: string) {
  const book = await readWorkbook(new Uint8Array(readFileSync(`${DIR}/${file}`)));
  return importWorkbook(book, { formId: 'fixture-form', title: file });
}

/** An answer the question accepts, by its schema. */
function goodValue(schema: JsonSchema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.oneOf)) return (schema.oneOf[0] as JsonSchema).const;
  if (schema.format === 'phone') return '13594651827';
  if (schema.format === 'date') return '2021-09-30';
  if (schema.type === 'integer') return 3;
  if (schema.type === 'number') return 2.5;
  if (schema.type === 'boolean') return true;
  return '示例';
}

/** An answer the question must refuse. */
function badValue(schema: JsonSchema): unknown {
  if (Array.isArray(schema.enum) || Array.isArray(schema.oneOf)) return '不是选项';
  if (schema.format === 'phone') return '12345';
  if (schema.format === 'date') return '2021-13-45';
  if (schema.type === 'integer') return 1.5;
  if (schema.type === 'number' || schema.type === 'boolean') return '不是数字';
  return { not: 'text' };
}

const IMPORTED: [string, string[]][] = [
  ['pyxform/text_and_integer.xlsx', ['your_name', 'your_age']],
  ['pyxform/yes_or_no_question.xlsx', ['good_day']],
  ['pyxform/group.xlsx', ['family_name', 'phone_number', 'age']],
  ['pyxform/field-list.xlsx', ['table_list_question']],
  ['pyxform/extra_columns.xlsx', ['a']],
  ['pyxform/extra_sheet_names.xlsx', ['test']],
  ['pyxform/ODKValidateWarnings.xlsx', []],
  ['pyxform/xl_date_ambiguous_v1.xlsx', []],
  ['odk/pyxform-clean.xlsx', ['name', 'age']],
  ['odk/pyxform-warning.xlsx', ['name', 'age']],
];

describe('real workbooks that import: filled and checked by the engine', () => {
  it.each(IMPORTED)('%s', async (file, someFields) => {
    const { definition, problems } = await importFixture(file);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const form = definition as FormDefinition;
    expect(checkDefinition(form).filter((p) => p.severity === 'error')).toEqual([]);
    const properties = form.schema.properties as Record<string, JsonSchema>;
    for (const field of someFields) expect(Object.keys(properties)).toContain(field);
    const good = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, goodValue(s)]));
    const filled = evaluate(form, good, {});
    expect(filled.errors).toEqual([]);
    expect(filled.valid).toBe(true);
    for (const [key, schema] of Object.entries(properties)) {
      const broken = evaluate(form, { ...good, [key]: badValue(schema) }, {});
      expect(broken.errors.map((e) => e.path), `${file}: ${key}`).toContain(`/${key}`);
    }
  });
});

/** A refused workbook: one construct with no equivalent, where it is. */
const REFUSED: [string, string, number | null, string | null, string][] = [
  ['pyxform/xlsform_spec_test.xlsx', 'survey', 15, 'repeat_count', '固定次数的重复组'],
  ['pyxform/attribute_columns_test.xlsx', 'survey', 2, 'bind::saveIncomplete', '绑定属性'],
  ['pyxform/flat_xlsform_test.xlsx', 'survey', 32, 'type', '时间（time）'],
  ['pyxform/duplicate_columns.xlsx', 'survey', 9, 'media::video', '题目视频'],
  ['pyxform/UCL_Biomass_Plot_Form.xlsx', 'survey', 16, 'type', 'select_one_from_file'],
  ['pyxform/case_insensitivity.xlsx', 'SURVEY', 3, 'choice_filter', '按条件筛选选项'],
  ['pyxform/choice_filter_test.xlsx', 'survey', 3, 'choice_filter', '按条件筛选选项'],
  ['pyxform/or_other.xlsx', 'survey', 2, 'type', 'or_other'],
  ['pyxform/specify_other.xlsx', 'survey', 2, 'type', 'or_other'],
  ['pyxform/loop.xlsx', 'survey', 3, 'type', '不认识'],
  ['pyxform/include.xlsx', 'survey', 3, 'type', '不认识'],
  ['pyxform/include_json.xlsx', 'survey', 2, 'type', '不认识'],
  ['pyxform/pull_data.xlsx', 'survey', 2, 'calculation', 'pulldata()'],
  ['pyxform/bad_calc.xlsx', 'survey', 2, 'calculation', '引号'],
  ['pyxform/bug_bad_calc.xlsx', 'survey', 2, 'calculation', '引号'],
  ['pyxform/xl_date_ambiguous.xlsx', 'survey', 5, 'choice_filter', '按条件筛选选项'],
  ['pyxform/survey_no_name.xlsx', 'survey', null, null, '缺少 survey 工作表'],
  ['odk/external-itemsets.xlsx', 'survey', 3, 'type', '外部选项'],
  ['odk/pyxform-error.xlsx', 'survey', 2, 'type', '“textX”不认识'],
  ['odk/validate-error.xlsx', 'survey', 4, 'calculation', 'concatx'],
];

describe('real workbooks that are refused: nothing imported, the construct named by sheet, row and column', () => {
  it.each(REFUSED)('%s: %s row %s column %s', async (file, sheet, row, column, fragment) => {
    const { definition, problems } = await importFixture(file);
    expect(definition).toBeNull();
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.some((p) => p.sheet === sheet && p.row === row && p.column === column && p.message.includes(fragment)),
      JSON.stringify(errors, null, 1)).toBe(true);
  });
});
