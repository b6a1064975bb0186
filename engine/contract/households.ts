// The API contract of the household registry as officers and reviewers read it: a page of
// households, one household with its submissions across forms and years and its registry history,
// and the officer's work at a glance (GET /api/households/states). Registry fields a household
// does not have are absent, never null (the store leaves them out).
import { z } from 'zod';
import { HOUSEHOLD_KINDS } from '../registry/householdFields';
import { divisionCode, paging, SubmissionStatusSchema } from './common';

/** A member: the registry's attributes by name (name and ID number always). */
export const MemberSchema = z.looseObject({ name: z.string(), idNumber: z.string(), relation: z.string().optional(), gender: z.string().optional() });

export const HouseholdSchema = z.object({
  id: z.string(), divisionCode: z.string(), headName: z.string(), headIdNumber: z.string(),
  phone: z.string().optional(), address: z.string().optional(), kind: z.enum(HOUSEHOLD_KINDS).optional(),
  identifiedMonth: z.string().optional(), riskEliminatedMonth: z.string().optional(), riskEliminationMethod: z.string().optional(),
  mainRisk: z.string().optional(),
  members: z.array(MemberSchema),
  removedMembers: z.array(MemberSchema.extend({ reason: z.string(), removedMonth: z.string().optional() })).optional(),
  revision: z.number(), createdAt: z.string(), updatedAt: z.string(),
  memberCount: z.number(),
}).meta({ id: 'Household' });

export const HouseholdPageSchema = z.object({ items: z.array(HouseholdSchema), total: z.number(), page: z.number(), pageSize: z.number() });

/** One of a household's submissions, as its page lists them (no data). */
export const HouseholdSubmissionSchema = z.object({
  id: z.string(), formId: z.string(), formTitle: z.string(), formVersion: z.number(), campaignId: z.string(), campaignTitle: z.string(),
  status: SubmissionStatusSchema, statusLabel: z.string(), returnComment: z.string().nullable(),
  updatedAt: z.string(), submittedAt: z.string().nullable(), revision: z.number(),
});

export const HouseholdEventSchema = z.object({
  id: z.number(), householdId: z.string(), at: z.string(), userId: z.string(), submissionId: z.string().nullable(),
  changes: z.array(z.string()).meta({ description: '登记变更，每条一句中文' }),
});

export const HouseholdDetailSchema = HouseholdSchema.extend({
  divisionName: z.string().nullable(),
  submissions: z.array(HouseholdSubmissionSchema),
  history: z.array(HouseholdEventSchema),
}).meta({ id: 'HouseholdDetail' });

export const HouseholdListQuerySchema = z.object({
  division: divisionCode.optional(),
  kind: z.string().max(20).optional().meta({ description: '户类型，或“监测户”表示三类监测对象' }),
  q: z.string().max(50).optional().meta({ description: '户主姓名、户主或成员证件号码' }),
  ...paging(20),
});

/** POST /api/households: households as JSON, each checked row by row (details.rows of the 422 names each problem). */
export const HouseholdRowsSchema = z.array(z.unknown()).min(1).max(20_000)
  .meta({ description: '农户数组：{divisionCode, headName, headIdNumber, members: [{name, idNumber, relation}], …}，按户主证件号码新增或更新' });

/** POST /api/households (a JSON array of households): what was written, or would be. */
export const HouseholdJsonImportSchema = z.object({ created: z.number(), updated: z.number(), ids: z.array(z.string()), dryRun: z.boolean() });

// GET /api/households/states.

export const SubmissionStateSchema = z.object({
  id: z.string(), formId: z.string(), campaignId: z.string(), status: SubmissionStatusSchema, revision: z.number(),
  returnComment: z.string().nullable().meta({ description: '退回意见（被退回时）' }), updatedAt: z.string(),
});

export const StateFormSchema = z.object({
  campaignId: z.string(), campaignTitle: z.string(), year: z.number(), formId: z.string(), formTitle: z.string(),
  kinds: z.array(z.string()).nullable().meta({ description: '应填此表的户类型（定义的 appliesTo）；null：只在发生时填报' }),
  divisions: z.array(z.string()).meta({ description: '活动覆盖的行政区划；空：全部' }),
});

export const HouseholdStateSchema = z.object({
  id: z.string(), divisionCode: z.string(), headName: z.string(), headIdNumber: z.string(), kind: z.string().nullable(),
  address: z.string().nullable(), memberCount: z.number(), submissions: z.array(SubmissionStateSchema),
});

export const HouseholdStatesSchema = z.object({
  forms: z.array(StateFormSchema).meta({ description: '开放中的活动所用的表' }),
  households: z.array(HouseholdStateSchema),
  unregistered: z.array(SubmissionStateSchema.extend({ divisionCode: z.string(), headName: z.string() }))
    .meta({ description: '尚无登记农户的提交（新识别，审核通过前）' }),
  at: z.string().meta({ description: '服务器读取的时间' }),
}).meta({ id: 'HouseholdStates' });

export const HouseholdStatesQuerySchema = z.object({ division: divisionCode.optional().meta({ description: '只看这个村或乡镇' }) });
