// The API contract of departments' warning lists (行业部门筛查预警, issue 17): an administrator's
// import (a dry run first: each row matched, unmatched or ambiguous), and a household's warnings
// as its officer and reviewers see them.
import { z } from 'zod';
import { calendarDate } from './common';

export const WarningImportQuerySchema = z.object({
  department: z.string().trim().min(1, '请填写发出名单的部门（如：区医疗保障局）').max(50, '部门名称不超过 50 字'),
  date: calendarDate.meta({ description: '名单日期' }),
  dryRun: z.enum(['0', '1'], { error: '应为 0 或 1' }).optional().meta({ description: '1：只匹配，不写入' }),
});

export const WarningRowSchema = z.object({
  row: z.number(), name: z.string(), idNumber: z.string().nullable(), village: z.string(), reason: z.string(),
  outcome: z.enum(['matched', 'unmatched', 'ambiguous']),
  householdId: z.string().nullable(), headName: z.string().nullable(), divisionCode: z.string().nullable(),
  note: z.string().nullable().meta({ description: '未匹配或不确定的原因' }),
});

export const WarningImportResultSchema = z.object({
  department: z.string(), date: z.string(), dryRun: z.boolean(),
  matched: z.number(), unmatched: z.number(), ambiguous: z.number(),
  written: z.number().meta({ description: '写入的预警数（试运行为 0）：每条同时加入该村重点核查户' }),
  rows: z.array(WarningRowSchema),
}).meta({ id: 'WarningImportResult' });

export const HouseholdWarningSchema = z.object({
  id: z.string(), householdId: z.string(), divisionCode: z.string(), department: z.string(), listDate: z.string(),
  name: z.string(), idNumber: z.string().nullable(), reason: z.string(), importedAt: z.string(),
});

export const HouseholdWarningsSchema = z.object({ items: z.array(HouseholdWarningSchema) });
