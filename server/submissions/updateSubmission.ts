// PUT /api/submissions/:id: the officer saves again or submits, quoting the revision they edited.
// A stale revision is a conflict (nothing overwritten). Only drafts and returned submissions can
// change; the data is evaluated against the version the submission was started with.
//
// A phone that edited a draft the campaign has moved to a new version since (moveOpenSubmissions)
// sends the version it edited (`formVersion`) and the revision from before the move: when only
// moves happened after that revision, its answers are moved too (the move recorded) and saved on
// the new version, as a draft — a submit included, so the officer sees what changed first.
import { chinaMonth, evaluateCompiled, type FormData } from '@engine';
import { storedAttachments } from '../attachments/storedAttachments';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionRecord, UserRecord } from '../store/records';
import { requireFiller, visibleSubmission } from './access';
import { diffData } from './diffData';
import { headOf } from './createSubmission';
import { judgeSubmission } from './judgeSubmission';
import { movedData } from './moveSubmission';

export interface UpdateRequest {
  data: FormData;
  submit: boolean;
  revision: number;
  /** The officer's explanations of the warnings (核实说明); absent: those stored stand. */
  explanations?: Record<string, string>;
  /** The version the data was filled on (a phone's draft); absent: the submission's. */
  formVersion?: number;
}

/** The answers of a phone that edited the submission before the campaign moved it: moved too, or null (stale as usual). */
async function rebasedOnMove(deps: Deps, record: SubmissionRecord, request: UpdateRequest) {
  if (request.formVersion === undefined || request.formVersion >= record.formVersion || request.revision >= record.revision) return null;
  // Each write is one event and one revision: those after the revision the phone edited.
  const since = (await deps.store.listSubmissionEvents(record.id)).slice(Math.max(request.revision, 0));
  if (since.length === 0 || since.some((e) => e.action !== 'move')) return null;
  return movedData(deps, { ...record, formVersion: request.formVersion }, request.data, record.formVersion);
}

/** `language`: what the client asked its problems in (requestLanguage); the stored data is the same. */
export async function updateSubmission(deps: Deps, user: UserRecord, id: string, request: UpdateRequest, language = 'zh'): Promise<SubmissionRecord> {
  requireFiller(user);
  const record = await visibleSubmission(deps, user, id);
  const moved = await rebasedOnMove(deps, record, request);
  if (record.revision !== request.revision && !moved) {
    throw new Problem('stale_revision', `此表已被修改（当前版本 ${record.revision}，您编辑的是版本 ${request.revision}），请刷新后再改`, { revision: record.revision });
  }
  if (record.status === 'submitted' || record.status === 'approved') {
    throw new Problem('conflict', record.status === 'approved' ? '此表已审核通过，不能修改' : '此表已提交，正在审核，不能修改');
  }
  const version = (await deps.forms.get(record.formId, record.formVersion))!;
  const campaign = await deps.store.getCampaign(record.campaignId);
  const household = record.householdId ? await deps.store.getHousehold(record.householdId) : null;
  const context = { params: campaign?.parameters ?? {}, household };
  const result = moved?.result ?? evaluateCompiled(version.compiled, request.data, context);
  const submit = request.submit && !moved;
  const explanations = judgeSubmission(version.record.definition, result, request.explanations ?? record.explanations, submit,
    moved ? undefined : { language, evaluate: () => evaluateCompiled(deps.forms.compiledIn(version, language), request.data, context) });
  const attachments = await storedAttachments(deps.store, version.compiled.index, result.data);
  const now = deps.clock.now().toISOString();
  const head = household ?? headOf(version.record.definition, result.data, chinaMonth(deps.clock.now()));
  return deps.store.updateSubmission({
    id,
    expectedRevision: moved ? record.revision : request.revision,
    attachments,
    patch: {
      data: result.data, errors: result.errors, warnings: result.warnings, explanations, headName: head.headName, headIdNumber: head.headIdNumber,
      status: submit ? 'submitted' : record.status, reviewLevel: 0, updatedBy: user.id, updatedAt: now,
      submittedAt: submit ? now : record.submittedAt,
    },
    event: {
      // A moved edit is a save (with the move's lines): later edits from before the move are stale again.
      submissionId: id, at: now, userId: user.id, username: user.username, action: submit ? 'submit' : 'save',
      status: submit ? 'submitted' : record.status, level: null, comment: moved ? `本机修改由第 ${request.formVersion} 版迁移到第 ${record.formVersion} 版` : null,
      changes: moved?.changes ?? diffData(record.data, result.data, version.compiled.index),
      ...(submit ? { explanations } : {}),
    },
  });
}
