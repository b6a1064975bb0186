// The API contract of 民主评议 and 公示 (issue 17): the steps a campaign sets before a review level,
// a village's board (the submissions waiting at those steps, each with its gate, and what was
// recorded), and what the village records — a meeting with a result per household, a notice of
// the households proposed, objections and how each was handled. Every write names the revision of
// each submission it concerns as the recorder saw it (409 when it moved).
import { z } from 'zod';
import { ApprovalStepSchema } from './campaigns';
import { calendarDate, divisionCode } from './common';

const id = z.string().min(1).max(64);
const text = (most: number) => z.string().trim().max(most);

export const GateSchema = z.object({
  open: z.boolean(),
  stepId: z.string().optional(), reason: z.string().optional().meta({ description: '未开放时：原因（代替“通过”按钮显示）' }),
  mustReturn: z.boolean().optional().meta({ description: '评议不同意或异议成立：不能通过，应退回' }),
}).meta({ id: 'DeliberationGate' });

const meetingBody = z.object({
  heldOn: z.string(), place: z.string(), host: z.string(), participantCount: z.number(), participants: z.string(), minutes: z.string(),
  results: z.array(z.object({
    submissionId: z.string(), result: z.enum(['agree', 'disagree']), votesFor: z.number().optional(), votesAgainst: z.number().optional(), note: z.string().optional(),
  })),
});
const noticeBody = z.object({
  title: z.string(), divisionName: z.string(), startsOn: z.string(), days: z.number(), endsOn: z.string(), contact: z.string(),
  households: z.array(z.object({ submissionId: z.string(), headName: z.string(), size: z.number().nullable(), category: z.string() })),
});
const objectionBody = z.object({
  noticeId: z.string(), submissionId: z.string(), receivedOn: z.string(), content: z.string(), by: z.string(),
  outcome: z.enum(['upheld', 'rejected']).nullable(), handling: z.string(), resolvedBy: z.string().nullable(), resolvedAt: z.string().nullable(),
});
const recordBase = {
  id: z.string(), campaignId: z.string(), formId: z.string(), stepId: z.string(), divisionCode: z.string(), submissionIds: z.array(z.string()),
  recordedBy: z.string(), recordedAt: z.string(), revision: z.number(),
};
export const DeliberationRecordSchema = z.discriminatedUnion('kind', [
  z.object({ ...recordBase, kind: z.literal('meeting'), body: meetingBody }),
  z.object({ ...recordBase, kind: z.literal('notice'), body: noticeBody }),
  z.object({ ...recordBase, kind: z.literal('objection'), body: objectionBody }),
]).meta({ id: 'DeliberationRecord', description: 'meeting 民主评议会议，notice 公示，objection 公示期间的异议' });

export const StepSetSchema = z.object({
  campaignId: z.string(), campaignTitle: z.string(), formId: z.string(), formTitle: z.string(), steps: z.array(ApprovalStepSchema),
}).meta({ id: 'DeliberationStepSet' });
export const StepSetListSchema = z.object({ items: z.array(StepSetSchema) });

export const BoardQuerySchema = z.object({
  campaignId: id, formId: id, division: divisionCode.meta({ description: '村（12 位）或乡镇（9 位）' }),
});

export const BoardSubmissionSchema = z.object({
  id: z.string(), revision: z.number(), headName: z.string(), divisionCode: z.string(), submittedAt: z.string().nullable(),
  waitingOn: z.string(), gate: GateSchema,
  done: z.array(z.string()).meta({ description: '本级之前已完成的步骤编号' }),
});

export const BoardSchema = z.object({
  campaignId: z.string(), campaignTitle: z.string(), formId: z.string(), formTitle: z.string(),
  division: z.object({ code: z.string(), name: z.string() }),
  steps: z.array(ApprovalStepSchema).meta({ description: '由本级（村或乡镇）组织的步骤' }),
  submissions: z.array(BoardSubmissionSchema).meta({ description: '本村（乡镇）已提交、正等待这些步骤所在审核级别的表' }),
  records: z.array(DeliberationRecordSchema),
}).meta({ id: 'DeliberationBoard' });

const target = { campaignId: id, formId: id, stepId: id, divisionCode };
const seen = z.object({ submissionId: id, revision: z.number().int().min(1).meta({ description: '记录人看到的提交版本' }) });

export const NewMeetingSchema = z.object({
  ...target,
  heldOn: calendarDate.meta({ description: '会议日期：不早于各户提交之日，不晚于今天' }),
  place: text(100).min(1, '请填写会议地点'), host: text(50).min(1, '请填写主持人'),
  participantCount: z.number().int().min(1, '参会人数至少 1 人').max(10000),
  participants: text(2000).meta({ description: '参会人员姓名及身份' }), minutes: text(5000).meta({ description: '会议记录' }),
  results: z.array(seen.extend({
    result: z.enum(['agree', 'disagree'], { error: '应为 agree（同意）或 disagree（不同意）' }),
    votesFor: z.number().int().min(0).max(10000).optional(), votesAgainst: z.number().int().min(0).max(10000).optional(),
    note: text(500).optional(),
  })).min(1, '至少评议一户').max(200),
});

export const NewNoticeSchema = z.object({
  ...target,
  startsOn: calendarDate.meta({ description: '公示开始日期：不早于各户评议之日；公示天数由活动设定' }),
  title: text(100).optional().meta({ description: '默认“<村名><表单名>公示”' }),
  contact: text(300).min(1, '请写明异议受理单位及电话').meta({ description: '异议受理：村委会、乡镇电话等' }),
  submissions: z.array(seen).min(1, '至少公示一户').max(200),
});

export const NewObjectionSchema = seen.extend({
  receivedOn: calendarDate.meta({ description: '收到异议的日期：在公示期内' }),
  content: text(2000).min(1, '请填写异议内容'), by: text(100).optional().meta({ description: '提出人（可不填）' }),
});

export const ResolveObjectionSchema = z.object({
  revision: z.number().int().min(1).meta({ description: '异议记录的版本' }),
  submissionRevision: z.number().int().min(1).meta({ description: '记录人看到的提交版本' }),
  outcome: z.enum(['upheld', 'rejected'], { error: '应为 upheld（成立）或 rejected（不成立）' }),
  handling: text(2000).min(1, '请写明核实及处理情况'),
});

export const SubmissionDeliberationSchema = z.object({
  steps: z.array(ApprovalStepSchema).meta({ description: '本表在本活动中的全部步骤' }),
  gate: GateSchema, records: z.array(DeliberationRecordSchema),
}).meta({ id: 'SubmissionDeliberation' });
