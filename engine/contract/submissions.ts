// The API contract of submissions: what an officer sends to create, save, move and a reviewer to
// review one, the list's filters, and the submission as every answer shows it (GET, the answers of
// writes, lists), with its history and corrections when read alone. The server's presenters
// (server/submissions/present.ts) are typed to return these shapes.
import { z } from 'zod';
import { CampaignStatusSchema, CampaignSummarySchema } from './campaigns';
import { calendarDate, divisionCode, IssueSchema, pageOf, paging, SubmissionStatusSchema } from './common';

const data = z.record(z.string(), z.unknown());

/** A reviewer's note on one field of a returned submission (a JSON Pointer and the text). */
export const FieldNoteSchema = z.object({ path: z.string(), note: z.string() });

/** A change to one field, in an event or a move notice (field: a JSON Pointer or a registry key). */
const ChangeSchema = z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional(), note: z.string().optional() });

/** A submission's own campaign, with the parameters it is labelled and computed with. */
export const CampaignOfSubmissionSchema = CampaignSummarySchema.extend({
  status: CampaignStatusSchema,
  formVersion: z.number().nullable().meta({ description: '活动现用的本表版本（比提交的新：可迁移）' }),
}).meta({ description: '本表所属的活动及其参数：表单按此显示和计算（与其他活动开放或关闭无关）' });

/** What the last move to a new version changed, while the submission is open and not submitted since. */
export const MoveNoticeSchema = z.object({
  fromVersion: z.number(), toVersion: z.number(), at: z.string(), username: z.string(), items: z.array(ChangeSchema),
});

const EscalationSchema = z.object({ reason: z.string(), levelTitle: z.string() })
  .meta({ description: '数据使终审落在某一级（review.escalations）时：原因和级别' });

export const SubmissionSchema = z.object({
  id: z.string(), formId: z.string(), formVersion: z.number(), campaignId: z.string(),
  householdId: z.string().nullable(), divisionCode: z.string(), headName: z.string(), headIdNumber: z.string(),
  status: SubmissionStatusSchema, statusLabel: z.string(),
  reviewLevel: z.number().meta({ description: '等待审核的级别（表单审核级别的下标），已提交时' }),
  waitingOn: z.string().nullable().meta({ description: '等待的审核级别的名称（已提交时）' }),
  escalation: EscalationSchema.nullable(),
  data, errors: z.array(IssueSchema), warnings: z.array(IssueSchema),
  revision: z.number(), returnComment: z.string().nullable(),
  explanations: z.record(z.string(), z.string()).meta({ description: '各条提示的核实说明，按规则编号' }),
  fieldNotes: z.array(FieldNoteSchema).meta({ description: '最近一次退回时标注的字段意见（通过时清除）' }),
  createdBy: z.string(), updatedBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  submittedAt: z.string().nullable(), approvedAt: z.string().nullable(),
  campaign: CampaignOfSubmissionSchema.optional(),
  moveNotice: MoveNoticeSchema.nullable().optional().meta({ description: '最近一次迁移到新版本的变更（仍未提交时）' }),
}).meta({ id: 'Submission' });

export const SubmissionEventSchema = z.object({
  id: z.number(), submissionId: z.string(), at: z.string(), userId: z.string(), username: z.string(),
  action: z.enum(['create', 'save', 'submit', 'approve', 'return', 'apply', 'move', 'deliberate']),
  status: SubmissionStatusSchema, level: z.number().nullable(), comment: z.string().nullable(),
  changes: z.array(ChangeSchema),
  explanations: z.record(z.string(), z.string()).optional().meta({ description: '提交时带的核实说明' }),
  fieldNotes: z.array(FieldNoteSchema).optional().meta({ description: '退回时标注的字段意见' }),
}).meta({ id: 'SubmissionEvent' });

/** A verified field the officer changed from the registry's value. */
export const CorrectionSchema = z.object({ field: z.string(), title: z.string(), registryValue: z.unknown(), value: z.unknown() });

export const SubmissionDetailSchema = SubmissionSchema.extend({
  prefill: data.nullable().meta({ description: '开始填写时从登记预填的值' }),
  history: z.array(SubmissionEventSchema), corrections: z.array(CorrectionSchema),
}).meta({ id: 'SubmissionDetail' });

export const SubmissionPageSchema = pageOf(SubmissionSchema);

// Requests.

// Checked by the engine (checkExplanations): rule ids of the form's warnings, texts within the length.
const explanations = z.record(z.string(), z.string()).refine((o) => Object.keys(o).length <= 200, '核实说明最多 200 条').optional()
  .meta({ description: '各条提示的核实说明，按规则编号：{"kind-line": "户主年底务工收入已到账，已核实"}；正式提交时每条成立的提示都须有说明' });
const formVersion = z.number().int().min(1).optional()
  .meta({ description: '草稿填写所依据的表单版本（手机上的草稿）：活动已采用新版本时，按采用时的选择迁移或保持原版本' });
const revision = z.number().int().min(1);

export const CreateSubmissionSchema = z.object({
  id: z.string().uuid('应为客户端生成的 UUID'), householdId: z.string().nullable().optional(), campaignId: z.string().optional(),
  data, submit: z.boolean().default(false), explanations, formVersion,
});

export const UpdateSubmissionSchema = z.object({ data, submit: z.boolean().default(false), revision, explanations, formVersion });

export const MoveSubmissionSchema = z.object({ revision: revision.meta({ description: '看到的版本：此后被修改则 409' }) });

export const ReviewSchema = z.object({
  decision: z.enum(['approve', 'return']), comment: z.string().max(2000).optional(),
  revision: revision.meta({ description: '审核员看到的版本：此后被修改或已被他人审核则 409，审核不记录' }),
  fieldNotes: z.array(z.object({ path: z.string().max(300), note: z.string().max(2000) })).max(100).optional()
    .meta({ description: '退回时标注的字段及其意见：[{"path": "/A28", "note": "务工收入偏低，请核实"}]' }),
});

/** The filters of a form's submission list, shared by the list, the reviewer's table and the export. */
export const SubmissionListQuerySchema = z.object({
  campaign: z.string().optional(),
  division: divisionCode.optional(),
  status: SubmissionStatusSchema.optional(),
  q: z.string().max(50).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  level: z.coerce.number().int().min(0).max(10).optional(),
  sort: z.enum(['updatedAt', 'submittedAt', 'headName', 'divisionCode', 'status']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...paging(20),
});
