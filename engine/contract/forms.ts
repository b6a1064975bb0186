// The API contract of forms: the list a user may fill (with the campaigns in their area serving
// each, and the version each serves), a published version with its definition, the version
// history; and the administrator's drafts: creating a form, reading and saving the next version's
// draft, and what a publication sends (its answers, the check and the result, are in admin.ts).
import { z } from 'zod';
import type { FormDefinition } from '../types';
import { CampaignSummarySchema } from './campaigns';

/**
 * A form definition. Its shape is the engine's FormDefinition, checked by checkDefinition (a 422
 * listing every problem) rather than here: the schema only asks for an object.
 */
export const FormDefinitionSchema = z.record(z.string(), z.unknown())
  .meta({ id: 'FormDefinition', description: '表单定义（见 README：表单定义格式）' }) as unknown as z.ZodType<FormDefinition, FormDefinition>;

/** A campaign as a form's filler needs it: its parameters and the version of this form it serves. */
export const FormCampaignSchema = CampaignSummarySchema.extend({
  formVersion: z.number().nullable().meta({ description: '活动使用的本表版本（null：尚未发布时加入）' }),
});

/** A published form in the list, with the open campaigns of the user's area using it. */
export const FormSummarySchema = z.object({
  id: z.string(), title: z.string(), version: z.number().meta({ description: '最新发布的版本' }), description: z.string(),
  createsHousehold: z.boolean().meta({ description: '新识别的农户：提交审核通过后登记为农户' }),
  forHousehold: z.boolean().meta({ description: '为登记的农户填写（从登记预填）' }),
  hasFiles: z.boolean().meta({ description: '有照片或签名字段：导出可附带文件（ZIP）' }),
  campaigns: z.array(FormCampaignSchema),
  hasDraft: z.boolean().optional().meta({ description: '管理员：有待发布的草稿' }),
  draftUpdatedAt: z.string().nullable().optional(),
}).meta({ id: 'FormSummary' });

/** A form never published, in the administrator's list (GET /api/forms?all=1). */
export const UnpublishedFormSchema = z.object({
  id: z.string(), title: z.string(), version: z.null(), description: z.string(),
  hasDraft: z.boolean(), draftUpdatedAt: z.string().nullable(), campaigns: z.array(FormCampaignSchema).max(0),
});

export const FormListSchema = z.object({ items: z.array(z.union([FormSummarySchema, UnpublishedFormSchema])) });

export const FormVersionSchema = z.object({
  id: z.string(), title: z.string(), version: z.number(), definition: FormDefinitionSchema, publishedAt: z.string(),
  changes: z.array(z.string()).meta({ description: '与上一版本相比的变更，每条一句中文' }),
}).meta({ id: 'FormVersion' });

/** GET /api/forms/{formId}: the latest version, with the open campaigns of the user's area using the form. */
export const LatestFormSchema = FormVersionSchema.extend({ campaigns: z.array(FormCampaignSchema) });

export const FormVersionSummarySchema = z.object({
  formId: z.string(), version: z.number(), publishedAt: z.string(), publishedBy: z.string(), changes: z.array(z.string()),
});

export const FormVersionListSchema = z.object({ items: z.array(FormVersionSummarySchema) });

export const DefinitionProblemSchema = z.object({ path: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });

const draftRevision = z.number().int().min(0);

export const DraftSchema = z.object({
  definition: FormDefinitionSchema.nullable(), problems: z.array(DefinitionProblemSchema),
  revision: draftRevision.meta({ description: '草稿的版本：保存或发布时带回' }),
});

export const SavedDraftSchema = z.object({ definition: FormDefinitionSchema, problems: z.array(DefinitionProblemSchema), revision: draftRevision });

export const CreatedFormSchema = z.object({ id: z.string(), title: z.string(), version: z.null(), draft: FormDefinitionSchema, revision: draftRevision });

// Requests.

export const NewFormSchema = z.object({ definition: FormDefinitionSchema });

export const SaveDraftSchema = z.object({ definition: FormDefinitionSchema, revision: draftRevision.meta({ description: '修改所依据的草稿版本' }) });

export const PublishSchema = z.object({
  revision: draftRevision.optional().meta({ description: '所发布草稿的版本（试发布的回答给出）；发布时必填' }),
  adopt: z.array(z.string().max(40)).max(100).optional().meta({
    description: '采用新版本的开放活动编号；不给出时：尚无此表提交的开放活动采用，已有提交的活动保持原版本',
  }),
  moveOpen: z.boolean().optional().meta({ description: '同时把采用活动中该表旧版本的草稿和被退回的表迁移到新版本' }),
});
