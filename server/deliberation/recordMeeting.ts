// 民主评议: the village records its meeting — date, place, host, participants, minutes — with the
// result for each household (同意 / 不同意, votes when counted, a note). 不同意 stops the
// submission at that gate (the reviewer returns it); a later meeting's result replaces an earlier one.
import { randomUUID } from 'node:crypto';
import { APPRAISAL_RESULT_LABELS, chinaDate, type DeliberationRecord } from '@engine';
import type { NewMeeting } from '@engine/contract';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { UserRecord } from '../store/records';
import { saveRecord } from './saveRecord';
import { checkDivision, deliberationEvent, loadTargets, requireRecorder, stepOf } from './stepTargets';

export async function recordMeeting(deps: Deps, user: UserRecord, request: NewMeeting): Promise<DeliberationRecord> {
  const context = await stepOf(deps, request.campaignId, request.formId, request.stepId, 'appraisal');
  checkDivision(context.step, request.divisionCode);
  requireRecorder(user, request.divisionCode);
  const now = deps.clock.now();
  if (request.heldOn > chinaDate(now)) throw new Problem('bad_request', `请求字段 heldOn 不正确：会议日期 ${request.heldOn} 晚于今天`);
  const targets = await loadTargets(deps, user, context, request.divisionCode, request.results);
  for (const { record } of targets) {
    const submittedOn = record.submittedAt ? chinaDate(new Date(record.submittedAt)) : '';
    if (request.heldOn < submittedOn) {
      throw new Problem('bad_request', `请求字段 heldOn 不正确：${record.headName}的表 ${submittedOn} 提交，会议日期不能更早`);
    }
  }
  const at = now.toISOString();
  const results = request.results.map(({ submissionId, result, votesFor, votesAgainst, note }) => ({
    submissionId, result, ...(votesFor !== undefined ? { votesFor } : {}), ...(votesAgainst !== undefined ? { votesAgainst } : {}), ...(note ? { note } : {}),
  }));
  return saveRecord(deps, {
    record: {
      id: randomUUID(), kind: 'meeting', campaignId: context.campaign.id, formId: request.formId, stepId: context.step.id,
      divisionCode: request.divisionCode, submissionIds: results.map((r) => r.submissionId), recordedBy: user.id, recordedAt: at,
      body: {
        heldOn: request.heldOn, place: request.place ?? '', host: request.host ?? '', participantCount: request.participantCount,
        participants: request.participants ?? '', minutes: request.minutes ?? '', results,
      },
    },
    expectedRevision: null,
    touches: targets.map(({ record }, i) =>
      deliberationEvent(user, record, at, `${context.step.title}（${request.heldOn}）：${APPRAISAL_RESULT_LABELS[results[i]!.result]}`)),
  });
}
