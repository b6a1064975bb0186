// PUT /api/submissions/:id: the officer saves again or submits, quoting the revision they edited.
// A stale revision is a conflict (nothing overwritten). Only drafts and returned submissions can
// change; the data is evaluated against the version the submission was started with.
import { evaluateCompiled, type FormData } from '../../engine/index';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionRecord, UserRecord } from '../store/records';
import { requireFiller, visibleSubmission } from './access';
import { diffData } from './diffData';
import { headOf } from './createSubmission';
import { chinaMonth } from './chinaMonth';
import { judgeSubmission } from './judgeSubmission';

export interface UpdateRequest {
  data: FormData;
  submit: boolean;
  revision: number;
  /** The officer's explanations of the warnings (核实说明); absent: those stored stand. */
  explanations?: Record<string, string>;
}

export async function updateSubmission(deps: Deps, user: UserRecord, id: string, request: UpdateRequest): Promise<SubmissionRecord> {
  requireFiller(user);
  const record = await visibleSubmission(deps, user, id);
  if (record.revision !== request.revision) {
    throw new Problem('stale_revision', `此表已被修改（当前版本 ${record.revision}，您编辑的是版本 ${request.revision}），请刷新后再改`, { revision: record.revision });
  }
  if (record.status === 'submitted' || record.status === 'approved') {
    throw new Problem('conflict', record.status === 'approved' ? '此表已审核通过，不能修改' : '此表已提交，正在审核，不能修改');
  }
  const version = (await deps.forms.get(record.formId, record.formVersion))!;
  const campaign = await deps.store.getCampaign(record.campaignId);
  const household = record.householdId ? await deps.store.getHousehold(record.householdId) : null;
  const result = evaluateCompiled(version.compiled, request.data, { params: campaign?.parameters ?? {}, household });
  const explanations = judgeSubmission(version.record.definition, result, request.explanations ?? record.explanations, request.submit);
  const now = deps.clock.now().toISOString();
  const head = household ?? headOf(version.record.definition, result.data, chinaMonth(deps.clock.now()));
  return deps.store.updateSubmission({
    id,
    expectedRevision: request.revision,
    patch: {
      data: result.data, errors: result.errors, warnings: result.warnings, explanations, headName: head.headName, headIdNumber: head.headIdNumber,
      status: request.submit ? 'submitted' : record.status, reviewLevel: 0, updatedBy: user.id, updatedAt: now,
      submittedAt: request.submit ? now : record.submittedAt,
    },
    event: {
      submissionId: id, at: now, userId: user.id, username: user.username, action: request.submit ? 'submit' : 'save',
      status: request.submit ? 'submitted' : record.status, level: null, comment: null,
      changes: diffData(record.data, result.data, version.compiled.index),
      ...(request.submit ? { explanations } : {}),
    },
  });
}
