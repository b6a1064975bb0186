// The API contract of campaigns: a campaign as the list (GET /api/campaigns) and the
// administrator's page show it, with the parameters its forms declare and the record of the
// versions it adopted; and what the administrator sends to create (or clone for next year),
// change, and adopt a form's version. CampaignSummary is what every campaign shows (a form's
// campaigns, a submission's, a draft's): its name, year and parameters.
import { z } from 'zod';
import { divisionCode } from './common';

const parameters = z.record(z.string(), z.unknown());

export const CampaignSummarySchema = z.object({ id: z.string(), title: z.string(), year: z.number(), parameters });

export const CampaignStatusSchema = z.enum(['open', 'closed']);

/** 民主评议 or 公示 before a review level (issue 17); checkCampaign checks it against the form. */
export const ApprovalStepSchema = z.object({
  id: z.string().max(40), kind: z.enum(['appraisal', 'notice']).meta({ description: 'appraisal：民主评议；notice：公示' }),
  title: z.string().max(40), before: z.string().max(64).meta({ description: '须在该审核级别（表单 review.levels 的 id）审核之前完成' }),
  days: z.number().int().optional().meta({ description: '公示天数（1–30，按北京时间的日历日）' }),
  divisionDigits: z.union([z.literal(9), z.literal(12)]).optional().meta({ description: '组织单位：12 村（默认），9 乡镇' }),
}).meta({ id: 'ApprovalStep' });

const approvalSteps = z.record(z.string().max(64), z.array(ApprovalStepSchema).max(10))
  .meta({ description: '各表单审核链中的民主评议、公示步骤（按表单编号）' });

export const CampaignSchema = CampaignSummarySchema.extend({
  description: z.string(), forms: z.array(z.string()), status: CampaignStatusSchema,
  divisions: z.array(z.string()).meta({ description: '覆盖的行政区划代码前缀；空：全部' }), createdAt: z.string(),
  revision: z.number().meta({ description: '修改时原样带回（PATCH /api/campaigns/{id}）' }),
  formVersions: z.record(z.string(), z.number()).meta({ description: '本活动使用的各表单版本：新的填报按此版本；新版本须经活动采用（发布时选择，或 POST /campaigns/{id}/adopt）' }),
  unconfirmed: z.array(z.string()).meta({ description: '复制自上一年、待管理员确认的项目：description、parameters.<参数名>；有待确认项时不能开放' }),
  approvalSteps: approvalSteps.optional(),
}).meta({ id: 'Campaign' });

export const CampaignListSchema = z.object({ items: z.array(CampaignSchema) });

/** A campaign's adoption of a form version (who, when, from which version to which). */
export const AdoptionSchema = z.object({
  id: z.number(), campaignId: z.string(), formId: z.string(), fromVersion: z.number().nullable(), toVersion: z.number(),
  at: z.string(), userId: z.string(), username: z.string(), moveOpen: z.boolean(),
}).meta({ id: 'Adoption' });

/** A parameter its forms declare, with the forms declaring it. */
export const ParameterDeclarationSchema = z.object({
  title: z.string(), type: z.enum(['number', 'string', 'date', 'year-month']), description: z.string().optional(), forms: z.array(z.string()),
});

export const CampaignDetailSchema = CampaignSchema.extend({
  parameterDeclarations: z.record(z.string(), ParameterDeclarationSchema),
  formTitles: z.record(z.string(), z.string()),
  adoptions: z.array(AdoptionSchema).meta({ description: '采用新版本的记录（谁、何时、由第几版改为第几版），按时间先后' }),
}).meta({ id: 'CampaignDetail' });

export const AdoptedSchema = CampaignDetailSchema.extend({
  moved: z.object({ moved: z.number(), left: z.number() }).optional()
    .meta({ description: 'moveOpen 时：迁移的草稿和被退回的表的数量，及因反复被修改而未迁移的数量' }),
});

// Requests.

const editable = {
  title: z.string().trim().min(1, '活动名称不能为空').max(100),
  year: z.number().int().min(2000).max(2100),
  description: z.string().max(2000),
  parameters: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '参数名应为字母开头的字母、数字或下划线'), z.union([z.number(), z.string().max(200)])),
  forms: z.array(z.string().max(64)).max(50),
  status: CampaignStatusSchema,
  divisions: z.array(divisionCode).max(200),
  approvalSteps,
};

export const NewCampaignSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '活动编号为小写字母、数字和短横线（如 2022-lookback）'),
  title: editable.title, year: editable.year,
  description: editable.description.optional(), parameters: editable.parameters.optional(), forms: editable.forms.optional(),
  status: editable.status.optional(), divisions: editable.divisions.optional(), approvalSteps: editable.approvalSteps.optional(),
  cloneFrom: z.string().max(40).optional().meta({
    description: '复制该活动的表单及其版本、参数和覆盖范围（其余字段可另行指定）：日期参数顺延一年，未另行指定的参数和说明标为待确认，新活动关闭，全部确认后方可开放',
  }),
  closeSource: z.boolean().optional().meta({ description: '复制后关闭原活动（其提交和版本保持不变）' }),
});

export const CampaignPatchSchema = z.object({
  revision: z.number().int().min(1).meta({ description: '修改所依据的版本（读取活动时得到的 revision）；已被他人修改则 409' }),
  title: editable.title.optional(), year: editable.year.optional(), description: editable.description.optional(),
  parameters: editable.parameters.optional(), forms: editable.forms.optional(), status: editable.status.optional(),
  divisions: editable.divisions.optional(), approvalSteps: editable.approvalSteps.optional(),
  confirm: z.array(z.string().max(80)).max(100).optional().meta({ description: '确认待确认的项目（description、parameters.<参数名>）；修改了取值的项目也视为已确认' }),
});

export const AdoptSchema = z.object({
  formId: z.string().max(64), version: z.number().int().min(1),
  revision: z.number().int().min(1).meta({ description: '活动的 revision：已被他人修改则 409' }),
  moveOpen: z.boolean().optional().meta({ description: '同时把本活动中该表旧版本的草稿和被退回的表迁移到新版本' }),
});
