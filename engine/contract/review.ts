// The API contract of the reviewer's table and batch approval: a row per submission (no data),
// the table's page with its key columns, review levels and counts per village; and what a batch
// approval sends and answers, item by item.
import { z } from 'zod';
import { pageOf, SubmissionStatusSchema } from './common';

export const ReviewRowSchema = z.object({
  id: z.string(), formVersion: z.number(), campaignId: z.string(), householdId: z.string().nullable(),
  divisionCode: z.string(), villageName: z.string(), headName: z.string(), headIdNumber: z.string(),
  status: SubmissionStatusSchema, statusLabel: z.string(), reviewLevel: z.number(),
  waitingOn: z.string().nullable().meta({ description: '等待的审核级别的名称（已提交时）' }),
  canReview: z.boolean().meta({ description: '本人现在可以通过或退回它' }),
  escalation: z.object({ reason: z.string(), levelTitle: z.string() }).nullable(),
  returnComment: z.string().nullable(), revision: z.number(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(), updatedAt: z.string(), submittedAt: z.string().nullable(), approvedAt: z.string().nullable(),
  keyValues: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  errorCount: z.number(), warningCount: z.number(),
  warnings: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  explanations: z.record(z.string(), z.string()).meta({ description: '填报人对各条提示的核实说明，按规则编号（批量审核前列出）' }),
}).meta({ id: 'ReviewRow' });

export const ReviewLevelSchema = z.object({ id: z.string(), title: z.string(), divisionDigits: z.number() });

export const DivisionCountSchema = z.object({ divisionCode: z.string(), count: z.number() });

export const ReviewRowsPageSchema = pageOf(ReviewRowSchema).extend({
  columns: z.array(z.object({ key: z.string(), title: z.string() })).meta({ description: '关键指标列（定义的 uiSchema["ui:options"].keyFields，否则自动选取）' }),
  levels: z.array(ReviewLevelSchema),
  myLevel: z.number().nullable().meta({ description: '本人审核的级别（levels 的下标）；管理员为 null（任意级别）' }),
  byDivision: z.array(DivisionCountSchema).meta({ description: '除行政区划外其余筛选条件下各村的提交数（供区划树显示）' }),
});

export const MOST_APPROVALS = 500;

export const ApprovalsSchema = z.object({
  items: z.array(z.object({ id: z.string().uuid('应为提交编号（UUID）'), revision: z.number().int().min(1) }))
    .min(1, '请至少选择一份').max(MOST_APPROVALS, `一次最多审核 ${MOST_APPROVALS} 份`),
  comment: z.string().max(2000).optional(),
});

export const ApprovalOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ id: z.string(), outcome: z.literal('approved'), status: SubmissionStatusSchema, waitingOn: z.string().nullable(), revision: z.number() }),
  z.object({ id: z.string(), outcome: z.literal('refused'), code: z.string(), message: z.string() }),
]).meta({ id: 'ApprovalOutcome' });

export const ApprovalsAnswerSchema = z.object({ approved: z.number(), refused: z.number(), results: z.array(ApprovalOutcomeSchema) });
