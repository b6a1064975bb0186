// Objections to a 公示: recorded per household during the notice period (date, content, by whom
// when given), then handled — 成立 (upheld: the submission cannot pass, the reviewer returns it)
// or 不成立 (rejected) with a note on how it was verified. One not yet handled keeps the gate shut.
import { randomUUID } from 'node:crypto';
import { chinaDate, OBJECTION_OUTCOME_LABELS, type DeliberationRecord } from '@engine';
import type { NewObjection, ResolveObjection } from '@engine/contract';
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { notFound, Problem } from '../problem';
import type { UserRecord } from '../store/records';
import { saveRecord } from './saveRecord';
import { deliberationEvent, loadTargets, requireRecorder, type StepContext } from './stepTargets';

/** A record the user may see (404 otherwise, as if it did not exist). */
export async function visibleRecord(deps: Deps, user: UserRecord, id: string): Promise<DeliberationRecord> {
  const record = await deps.store.getDeliberation(id);
  if (!record || !covers(queryScope(user), record.divisionCode)) throw notFound('记录');
  return record;
}

async function contextOf(deps: Deps, record: DeliberationRecord): Promise<StepContext> {
  const campaign = await deps.store.getCampaign(record.campaignId);
  const steps = campaign?.approvalSteps?.[record.formId] ?? [];
  const step = steps.find((s) => s.id === record.stepId);
  if (!campaign || !step) throw new Problem('conflict', '活动已不再设此公示步骤，不能记录异议');
  return { campaign, steps, step };
}

export async function recordObjection(deps: Deps, user: UserRecord, noticeId: string, request: NewObjection): Promise<DeliberationRecord> {
  const notice = await visibleRecord(deps, user, noticeId);
  if (notice.kind !== 'notice') throw notFound('公示');
  requireRecorder(user, notice.divisionCode);
  if (!notice.submissionIds.includes(request.submissionId)) throw new Problem('bad_request', '请求字段 submissionId 不正确：该户不在这份公示中');
  const { startsOn, endsOn } = notice.body;
  if (request.receivedOn < startsOn || request.receivedOn > endsOn) {
    throw new Problem('bad_request', `请求字段 receivedOn 不正确：公示期为 ${startsOn} 至 ${endsOn}，异议须在公示期内收到`);
  }
  const now = deps.clock.now();
  if (request.receivedOn > chinaDate(now)) throw new Problem('bad_request', `请求字段 receivedOn 不正确：${request.receivedOn} 晚于今天`);
  const context = await contextOf(deps, notice);
  const [target] = await loadTargets(deps, user, context, notice.divisionCode, [request]);
  const { record } = target!;
  const at = now.toISOString();
  return saveRecord(deps, {
    record: {
      id: randomUUID(), kind: 'objection', campaignId: notice.campaignId, formId: notice.formId, stepId: notice.stepId,
      divisionCode: notice.divisionCode, submissionIds: [record.id], recordedBy: user.id, recordedAt: at,
      body: {
        noticeId, submissionId: record.id, receivedOn: request.receivedOn, content: request.content, by: request.by ?? '',
        outcome: null, handling: '', resolvedBy: null, resolvedAt: null,
      },
    },
    expectedRevision: null,
    touches: [deliberationEvent(user, record, at, `${context.step.title}期间收到异议（${request.receivedOn}）：${request.content}`)],
  });
}

export async function resolveObjection(deps: Deps, user: UserRecord, id: string, request: ResolveObjection): Promise<DeliberationRecord> {
  const objection = await visibleRecord(deps, user, id);
  if (objection.kind !== 'objection') throw notFound('异议');
  requireRecorder(user, objection.divisionCode);
  if (objection.revision !== request.revision) throw new Problem('stale_revision', `该异议已被他人处理（当前版本 ${objection.revision}），请刷新后再看`, { revision: objection.revision });
  const context = await contextOf(deps, objection);
  const submission = await deps.store.getSubmission(objection.body.submissionId);
  // A submission returned or approved since: the objection is still recorded as handled, with no event on it.
  const targets = submission && submission.status === 'submitted'
    ? await loadTargets(deps, user, context, objection.divisionCode, [{ submissionId: submission.id, revision: request.submissionRevision }])
    : [];
  const at = deps.clock.now().toISOString();
  const { revision: _revision, ...stored } = objection;
  return saveRecord(deps, {
    record: { ...stored, body: { ...objection.body, outcome: request.outcome, handling: request.handling, resolvedBy: user.id, resolvedAt: at } },
    expectedRevision: objection.revision,
    touches: targets.map(({ record }) =>
      deliberationEvent(user, record, at, `${context.step.title}异议经核实${OBJECTION_OUTCOME_LABELS[request.outcome]}：${request.handling}`)),
  });
}

