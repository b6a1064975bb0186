// What every 民主评议 / 公示 write checks first: the step (in the campaign, for the form, of the
// kind), the division it is held in (a village, or a township when the step says so) within the
// recorder's scope, and each submission it concerns — of that campaign and form, in the division,
// submitted, at the revision the recorder saw, waiting on the level the step comes before.
import { reviewChain, stepsAt, type ApprovalStep, type FormDefinition, type ReviewLevel } from '@engine';
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import type { CampaignRecord, SubmissionRecord, UserRecord } from '../store/records';

export interface StepContext {
  campaign: CampaignRecord;
  steps: ApprovalStep[];
  step: ApprovalStep;
}

export interface Target {
  record: SubmissionRecord;
  definition: FormDefinition;
  levels: ReviewLevel[];
}

/** Officers, reviewers and administrators whose scope covers the division record for it. */
export function requireRecorder(user: UserRecord, divisionCode: string): void {
  if (!covers(queryScope(user), divisionCode)) throw new Problem('forbidden', `行政区划 ${divisionCode} 不在您的范围内，不能记录其民主评议或公示`);
}

export async function stepOf(deps: Deps, campaignId: string, formId: string, stepId: string, kind: ApprovalStep['kind']): Promise<StepContext> {
  const campaign = await deps.store.getCampaign(campaignId);
  if (!campaign) throw notFound('活动');
  const steps = campaign.approvalSteps?.[formId] ?? [];
  const step = steps.find((s) => s.id === stepId);
  if (!step) throw new Problem('bad_request', `请求字段 stepId 不正确：活动“${campaign.title}”的表单 ${formId} 没有步骤 ${stepId}`);
  if (step.kind !== kind) throw new Problem('bad_request', `请求字段 stepId 不正确：步骤“${step.title}”不是${kind === 'appraisal' ? '民主评议' : '公示'}`);
  return { campaign, steps, step };
}

export function checkDivision(step: ApprovalStep, divisionCode: string): void {
  const digits = step.divisionDigits ?? 12;
  if (divisionCode.length !== digits) {
    throw new Problem('bad_request', `请求字段 divisionCode 不正确：“${step.title}”由${digits === 12 ? '村' : '乡镇'}组织，应为 ${digits} 位代码`);
  }
}

/** The submissions as the recorder saw them, each checked (404 outside the scope, 409 moved or not at this step). */
export async function loadTargets(
  deps: Deps, user: UserRecord, context: StepContext, divisionCode: string, seen: { submissionId: string; revision: number }[],
): Promise<Target[]> {
  const targets: Target[] = [];
  const ids = new Set<string>();
  for (const [i, { submissionId, revision }] of seen.entries()) {
    if (ids.has(submissionId)) throw new Problem('bad_request', `第 ${i + 1} 户：提交 ${submissionId} 重复列出`);
    ids.add(submissionId);
    const record = await deps.store.getSubmission(submissionId);
    if (!record || !covers(queryScope(user), record.divisionCode)) throw notFound('提交');
    const name = record.headName || submissionId;
    if (record.campaignId !== context.campaign.id || !context.campaign.approvalSteps[record.formId]?.includes(context.step)) {
      throw new Problem('bad_request', `${name}：不是本活动此表的提交`);
    }
    if (!record.divisionCode.startsWith(divisionCode)) throw new Problem('bad_request', `${name}：不在行政区划 ${divisionCode} 内`);
    if (record.revision !== revision) throw staleRevision(`${name}的表`, record.revision);
    if (record.status !== 'submitted') throw new Problem('conflict', `${name}：此表现为${record.status === 'approved' ? '已通过' : '未提交'}，不能评议或公示`);
    const loaded = (await deps.forms.get(record.formId, record.formVersion))!;
    const definition = loaded.record.definition;
    const levels = reviewChain(definition, record.data).levels;
    if (!stepsAt(context.steps, levels, record.reviewLevel).includes(context.step)) {
      throw new Problem('conflict', `${name}：此表现等待“${levels[record.reviewLevel]?.title ?? '审核'}”，不在“${context.step.title}”阶段`);
    }
    targets.push({ record, definition, levels });
  }
  return targets;
}

/** The event a record writes on a submission it concerns (its revision moves by one). */
export function deliberationEvent(user: UserRecord, record: SubmissionRecord, at: string, comment: string) {
  return {
    id: record.id, expectedRevision: record.revision,
    event: {
      submissionId: record.id, at, userId: user.id, username: user.username, action: 'deliberate' as const, status: record.status,
      level: record.reviewLevel, comment, changes: [],
    },
  };
}
