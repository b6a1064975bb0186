// The API contract of the administrator's bulk work: importing households from a sheet (progress
// lines and the result), adjusting divisions from a sheet, and what a publication check tells
// before a form's draft is published (test cases under each campaign, the campaigns that may
// adopt the new version). Each problem keeps the sheet row and column the clerk must fix.
import { z } from 'zod';

export const SheetProblemSchema = z.object({
  row: z.number().meta({ description: '表格中的行（表头为第 1 行）' }),
  column: z.string().meta({ description: '列名（整行的问题为空）' }),
  message: z.string(), severity: z.enum(['error', 'warning']),
});

export const ImportProgressSchema = z.object({
  type: z.literal('progress'), stage: z.enum(['checking', 'matching', 'writing']), done: z.number(), total: z.number(),
});

export const ImportResultSchema = z.object({
  type: z.literal('result'), ok: z.boolean(), dryRun: z.boolean(),
  rows: z.number().meta({ description: '读到的行数（不含表头）' }),
  households: z.number(), members: z.number(), created: z.number(), updated: z.number(),
  problems: z.array(SheetProblemSchema).meta({ description: '错误（ok 为 false）和提醒，按行' }),
}).meta({ id: 'HouseholdImportResult' });

export const AdjustmentResultSchema = z.object({
  ok: z.boolean(), dryRun: z.boolean(), rows: z.number(), added: z.number(), renamed: z.number(), merged: z.number(), unchanged: z.number(),
  households: z.number().meta({ description: '因合并迁入其他村的农户（试运行时为将迁入的）' }),
  submissions: z.number().meta({ description: '随之迁移的提交（试运行时为 0）' }),
  problems: z.array(SheetProblemSchema),
}).meta({ id: 'DivisionAdjustmentResult' });

/** An open campaign using the form, as the publish dialog offers it. */
export const AdoptionChoiceSchema = z.object({
  id: z.string(), title: z.string(), year: z.number(),
  servedVersion: z.number().nullable().meta({ description: '现用的版本（null：尚无）' }),
  submissions: z.number().meta({ description: '本活动中此表的提交数（任何状态）' }),
  open: z.number().meta({ description: '其中草稿和被退回的表的数量（可随采用迁移）' }),
  adoptByDefault: z.boolean().meta({ description: '不指定 adopt 时是否采用：尚无提交者采用' }),
}).meta({ id: 'AdoptionChoice' });

/** One test case run under one campaign's parameters. */
export const CaseOutcomeSchema = z.object({
  name: z.string(),
  campaignId: z.string().nullable().meta({ description: '运行所用参数的活动（null：此表不在任何开放活动中）' }),
  campaignTitle: z.string().nullable(), passed: z.boolean(),
  failures: z.array(z.string()).meta({ description: '每条未满足的期望一行（引擎的原话）' }),
});

/** What publishing the draft would do (checkPublication): nothing written yet. */
export const PublicationSchema = z.object({
  changes: z.array(z.string()), cases: z.array(CaseOutcomeSchema),
  campaigns: z.array(z.object({ id: z.string(), title: z.string() })).meta({ description: '采用新版本的开放活动' }),
});

export const PublishCheckSchema = PublicationSchema.extend({
  version: z.null(), dryRun: z.literal(true),
  revision: z.number().meta({ description: '检查的草稿版本：发布时带回' }),
  choices: z.array(AdoptionChoiceSchema).meta({ description: '使用此表的开放活动：各自的版本、提交数及是否默认采用' }),
});

export const PublishedSchema = z.object({
  version: z.number(), changes: z.array(z.string()), cases: z.array(CaseOutcomeSchema),
  revision: z.number().meta({ description: '草稿（已清空）的新版本' }),
  adopted: z.array(z.string()).meta({ description: '采用新版本的活动' }),
  moved: z.number().meta({ description: 'moveOpen 时迁移到新版本的草稿和被退回的表的数量' }),
});
