// The API contract of forms written in a spreadsheet (XLSForm): the import's report — every
// problem by sheet, row and column, what was read, the definition checker's findings and the
// form's test cases run on the imported definition — and what the import did (nothing on a dry
// run or a refusal; else the form's draft saved, to be published as usual).
import { z } from 'zod';
import { CaseOutcomeSchema } from './admin';
import { FormDefinitionSchema } from './forms';

export const WorkbookProblemSchema = z.object({
  sheet: z.string().meta({ description: '工作表（survey、choices、settings、parameters、checks）' }),
  row: z.number().nullable().meta({ description: '行号（与表格软件中的行号相同；null：整张工作表）' }),
  column: z.string().nullable().meta({ description: '列名（表头）' }),
  message: z.string(),
  severity: z.enum(['error', 'warning']).meta({ description: 'error：不导入；warning：已略过或改写的内容' }),
}).meta({ id: 'WorkbookProblem' });

export const XlsformImportSummarySchema = z.object({
  fields: z.number(), sections: z.number(), tables: z.number(), rules: z.number(),
  languages: z.array(z.string()).meta({ description: '中文以外的语言（label::en 等）' }),
});

export const XlsformImportSchema = z.object({
  dryRun: z.boolean(),
  ok: z.boolean().meta({ description: '没有错误，定义检查和全部测试用例都通过' }),
  saved: z.boolean().meta({ description: '已保存为表单的草稿（发布后成为新版本）' }),
  problems: z.array(WorkbookProblemSchema),
  summary: XlsformImportSummarySchema,
  cases: z.array(CaseOutcomeSchema).meta({ description: '表单已保存的测试用例在导入的定义上的结果（每个使用此表的开放活动一遍）' }),
  definition: FormDefinitionSchema.nullable().meta({ description: '导入得到的定义（有错误时为 null）' }),
  revision: z.number().nullable().meta({ description: '保存后的草稿 revision（未保存为 null）' }),
}).meta({ id: 'XlsformImport' });
