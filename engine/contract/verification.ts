// The API contract of the households to verify (重点核查户, issue 17): one list per village, fed
// by applications, departments' warnings and officers' own findings. Officers see their village's,
// reviewers their area's with counts by state and source and how long each waits; an officer adds
// a finding, opens the identification form for an item, or closes it with a reason.
import { z } from 'zod';
import { explainResidentId } from '../formats/residentId';
import { divisionCode, paging } from './common';

export const VerificationSourceSchema = z.enum(['application', 'warning', 'officer'], { error: '应为 application、warning 或 officer' });
export const VerificationStateSchema = z.enum(['open', 'included', 'closed'], { error: '应为 open、included 或 closed' });

export const VerificationItemSchema = z.object({
  id: z.string(), divisionCode: z.string(), divisionName: z.string().nullable(),
  householdId: z.string().nullable().meta({ description: '已登记农户；null：不在登记农户中' }),
  idNumber: z.string().nullable(), name: z.string(),
  source: VerificationSourceSchema.meta({ description: 'application 自主申请，warning 部门预警，officer 信息员发现' }),
  sourceRef: z.string().nullable(), reason: z.string(), receivedAt: z.string(),
  state: VerificationStateSchema.meta({ description: 'open 待核查，included 已纳入，closed 已关闭' }),
  closedReason: z.string().nullable(), submissionId: z.string().nullable().meta({ description: '为其打开的识别表提交' }),
  waitingDays: z.number().meta({ description: '已等待天数：待核查的到今天，已办结的到办结时' }),
  updatedAt: z.string(), revision: z.number(),
}).meta({ id: 'VerificationItem' });

export const VerificationCountSchema = z.object({
  state: VerificationStateSchema, source: VerificationSourceSchema, count: z.number(),
  oldest: z.string().meta({ description: '其中最早收到的时间' }),
});

export const VerificationPageSchema = z.object({
  items: z.array(VerificationItemSchema), total: z.number(), page: z.number(), pageSize: z.number(),
  counts: z.array(VerificationCountSchema).meta({ description: '本范围（含筛选的村，不含状态与来源筛选）按状态、来源的计数' }),
}).meta({ id: 'VerificationPage' });

export const VerificationQuerySchema = z.object({
  division: divisionCode.optional().meta({ description: '只看这个村或乡镇' }),
  state: VerificationStateSchema.optional(),
  source: VerificationSourceSchema.optional(),
  ...paging(50),
});

export const VerificationExportQuerySchema = VerificationQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx'], { error: '应为 csv 或 xlsx' }),
});

const idNumber = z.string().trim().superRefine((value, ctx) => {
  const problem = explainResidentId(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `身份证号${problem}` });
});

/** An officer's own finding (信息员发现). */
export const NewVerificationSchema = z.object({
  divisionCode: z.string().regex(/^\d{12}$/, '应为 12 位村级行政区划代码'),
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 字'),
  idNumber: idNumber.optional(),
  householdId: z.string().max(64).optional().meta({ description: '已登记农户（可无）' }),
  reason: z.string().trim().min(1, '请填写核查原因').max(500, '核查原因不超过 500 字'),
});

export const CloseVerificationSchema = z.object({
  revision: z.number({ error: '应为核查对象的版本号' }).int().min(1),
  reason: z.string().trim().min(1, '请填写关闭原因（如：不符合、已是监测对象）').max(200, '关闭原因不超过 200 字'),
});

export const LinkVerificationSchema = z.object({
  submissionId: z.string().uuid('应为识别表提交的 UUID'),
});
