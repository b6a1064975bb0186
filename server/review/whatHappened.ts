// What a reviewer who lost a race is told: the submission changed since the revision they saw,
// and by whom and how (approved at a level, returned, corrected and submitted again), with where
// it stands now. Also the household an identification was to create, created meanwhile by
// another approval. Both are 409s: the reviewer's decision was not recorded.
import { reviewChain, type FormDefinition } from '@engine';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionEvent, SubmissionRecord } from '../store/records';
import { STATUS_LABELS, waitingOn } from '../submissions/present';

function deed(event: SubmissionEvent, definition: FormDefinition, record: SubmissionRecord): string {
  const level = event.level === null ? null : reviewChain(definition, record.data).levels[event.level]?.title;
  switch (event.action) {
    case 'approve': return level ? `审核通过（${level}）` : '审核通过';
    case 'return': return level ? `退回（${level}）` : '退回';
    case 'submit': return '修改后重新提交';
    case 'deliberate': return `记录了${event.comment?.split(/[：（]/)[0] || '民主评议或公示'}`;
    default: return '修改';
  }
}

/** 409: the submission is no longer at the revision the reviewer saw; what happened to it since. */
export async function staleReview(deps: Deps, record: SubmissionRecord, definition: FormDefinition, seen: number): Promise<Problem> {
  // Each write of a submission is one event and one revision: the events after the first `seen` are what the reviewer did not see.
  const since = (await deps.store.listSubmissionEvents(record.id)).slice(Math.max(seen, 0));
  const last = since.at(-1);
  const now = record.status === 'submitted' ? `现等待“${waitingOn(definition, record)}”` : `现为“${STATUS_LABELS[record.status]}”`;
  const what = last ? `此表已被 ${last.username} ${deed(last, definition, record)}，${now}` : `此表与您看到的不同，${now}`;
  return new Problem('stale_revision', `${what}（当前版本 ${record.revision}，您看到的是版本 ${seen}），您的审核未记录，请刷新后再看`, {
    revision: record.revision, status: record.status, reviewLevel: record.reviewLevel,
  });
}

/** 409: the household an identification was to create exists now, made by another approval (or registered meanwhile). */
export async function householdTaken(deps: Deps, headIdNumber: string): Promise<Problem> {
  const household = await deps.store.findHouseholdByHeadId(headIdNumber);
  const created = household ? (await deps.store.listHouseholdEvents(household.id)).find((e) => e.submissionId !== null) : undefined;
  const by = created?.submissionId ? await deps.store.getSubmission(created.submissionId) : null;
  const details = { householdId: household?.id ?? null, submissionId: by?.id ?? null };
  if (household && by) {
    return new Problem('conflict', `户主证件号码 ${headIdNumber} 的农户（户主 ${household.headName}）刚由另一份表（提交编号 ${by.id}）审核通过时建立，`
      + '本表未通过，也未再建一户；请刷新后查看该户，需要时退回本表', details);
  }
  return new Problem('conflict', `户主证件号码 ${headIdNumber} 已登记为另一户${household ? `（户主 ${household.headName}）` : ''}，本表未通过；请刷新后查看该户，需要时退回本表`, details);
}
