// 公示: the village posts a notice of the households proposed — each past the steps before it at
// the same level (民主评议 同意) — from a start date for the days the campaign's step sets; the
// notice keeps the households as posted (the printed A4 notice shows them). Reposting a household
// starts its period over: its latest notice counts.
import { randomUUID } from 'node:crypto';
import { addDays, chinaDate, noticeEndsOn, stepGate, stepsBefore, stepStates, type DeliberationRecord } from '@engine';
import type { NewNotice } from '@engine/contract';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { UserRecord } from '../store/records';
import { noticeHouseholds } from './noticeHouseholds';
import { saveRecord } from './saveRecord';
import { checkDivision, deliberationEvent, loadTargets, requireRecorder, stepOf } from './stepTargets';

/** A notice may be posted up to this many days ahead. */
const MOST_DAYS_AHEAD = 30;

export async function postNotice(deps: Deps, user: UserRecord, request: NewNotice): Promise<DeliberationRecord> {
  const context = await stepOf(deps, request.campaignId, request.formId, request.stepId, 'notice');
  const { step } = context;
  checkDivision(step, request.divisionCode);
  requireRecorder(user, request.divisionCode);
  const now = deps.clock.now();
  if (request.startsOn > addDays(chinaDate(now), MOST_DAYS_AHEAD)) {
    throw new Problem('bad_request', `请求字段 startsOn 不正确：公示开始日期最多为 ${MOST_DAYS_AHEAD} 天之后`);
  }
  const targets = await loadTargets(deps, user, context, request.divisionCode, request.submissions);
  for (const { record } of targets) {
    const states = stepStates(await deps.store.listDeliberations({ submissionId: record.id }), record.id, record.submittedAt);
    for (const before of stepsBefore(context.steps, step)) {
      const gate = stepGate(before, states.get(before.id), now);
      if (!gate.open) throw new Problem('conflict', `${record.headName}：${gate.reason}，不能公示`, { gate });
      const heldOn = states.get(before.id)?.appraisal?.heldOn;
      if (heldOn && request.startsOn < heldOn) {
        throw new Problem('bad_request', `请求字段 startsOn 不正确：${record.headName}的“${before.title}”在 ${heldOn}，公示不能更早开始`);
      }
    }
    const submittedOn = record.submittedAt ? chinaDate(new Date(record.submittedAt)) : '';
    if (request.startsOn < submittedOn) throw new Problem('bad_request', `请求字段 startsOn 不正确：${record.headName}的表 ${submittedOn} 提交，公示不能更早开始`);
  }
  const division = await deps.store.getDivision(request.divisionCode);
  const divisionName = division?.name ?? request.divisionCode;
  const formTitle = targets[0]!.definition.title;
  const days = step.days ?? 7;
  const endsOn = noticeEndsOn(request.startsOn, days);
  const at = now.toISOString();
  const households = await noticeHouseholds(deps, context.campaign, targets, now);
  return saveRecord(deps, {
    record: {
      id: randomUUID(), kind: 'notice', campaignId: context.campaign.id, formId: request.formId, stepId: step.id,
      divisionCode: request.divisionCode, submissionIds: households.map((h) => h.submissionId), recordedBy: user.id, recordedAt: at,
      body: {
        title: request.title || `${divisionName}${formTitle}${step.title}`, divisionName, startsOn: request.startsOn, days, endsOn,
        contact: request.contact, households,
      },
    },
    expectedRevision: null,
    touches: targets.map(({ record }) => deliberationEvent(user, record, at, `${step.title}：${request.startsOn} 至 ${endsOn}（${days} 天）`)),
  });
}
