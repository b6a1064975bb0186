// A submission that is not on this phone (opened from the household page, or returned by a
// reviewer to be corrected) becomes a local draft, so it is edited and kept like any other.
import { api } from '../api/http';
import type { FormVersion, SubmissionDetail } from '../api/types';
import { cachedGet } from './cachedGet';
import { putDraft, updateDraft } from './drafts';
import { householdKeyOf, type LocalDraft, type TheirCopy } from './LocalDraft';
import { sameData } from './sameData';

export function draftOf(submission: SubmissionDetail & { prefill?: Record<string, unknown> | null }, formTitle: string): LocalDraft {
  return {
    id: submission.id, formId: submission.formId, formVersion: submission.formVersion, formTitle, campaignId: submission.campaignId,
    campaign: submission.campaign ?? null, moveNotice: submission.moveNotice ?? null,
    householdId: submission.householdId, householdKey: householdKeyOf(submission.householdId, submission.divisionCode),
    headName: submission.headName, divisionCode: submission.divisionCode, data: submission.data, prefill: submission.prefill ?? {},
    confirmed: [], explanations: submission.explanations ?? {}, fieldNotes: submission.fieldNotes ?? [], serverRevision: submission.revision, serverStatus: submission.status, returnComment: submission.returnComment,
    pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: submission.updatedAt, syncedAt: new Date().toISOString(),
  };
}

/** The server's copy, kept beside the officer's when they differ. */
export function theirCopy(submission: SubmissionDetail): TheirCopy {
  const last = submission.history?.at(-1);
  return {
    revision: submission.revision, status: submission.status, data: submission.data, returnComment: submission.returnComment,
    updatedAt: submission.updatedAt, updatedBy: last?.username ?? null,
  };
}

/**
 * The server's record as a local draft. With no signal, the copy kept by 离线下载 is used; `fresh`
 * insists on the server's (the officer giving up their own copy for it).
 */
export async function draftFromServer(id: string, { fresh = false } = {}): Promise<LocalDraft> {
  type Detail = SubmissionDetail & { prefill?: Record<string, unknown> | null };
  const path = `/api/submissions/${id}`;
  const submission = fresh ? await api<Detail>('GET', path) : (await cachedGet<Detail>(path)).data;
  const form = await cachedGet<FormVersion>(`/api/forms/${submission.formId}/versions/${submission.formVersion}`);
  const draft = draftOf(submission, form.data.definition.title);
  await putDraft(draft);
  return draft;
}

/**
 * What the server has now for a draft that is fully sent (a reviewer may have returned or
 * approved it): the fresher record replaces the local one. A draft with unsent changes is left
 * alone; when the server's copy moved on meanwhile with other content, the two are kept side by
 * side for the officer to choose (the queue's conflict), before anything is sent over it.
 */
export async function refreshDraft(draft: LocalDraft, read?: SubmissionDetail & { prefill?: Record<string, unknown> | null }): Promise<{ draft: LocalDraft; conflict: boolean }> {
  if (draft.serverRevision === null) return { draft, conflict: false };
  // `read`: the server's record as the page already has it (GET /api/fill).
  const submission = read ?? await api<SubmissionDetail & { prefill?: Record<string, unknown> | null }>('GET', `/api/submissions/${draft.id}`);
  if (submission.revision === draft.serverRevision && submission.status === draft.serverStatus) {
    // A draft kept before drafts carried their campaign learns it from the server.
    if (draft.campaign === undefined && submission.campaign) {
      const known = await updateDraft(draft.id, (d) => ({ ...d, campaign: submission.campaign ?? null }));
      return { draft: known ?? draft, conflict: false };
    }
    return { draft, conflict: false };
  }
  if (draft.pending !== null) {
    if (submission.revision <= draft.serverRevision || draft.queueState === 'conflict') return { draft, conflict: false };
    // Moved to a new version since: the send states the version it edited and the server moves the edit too.
    if (submission.formVersion > draft.formVersion) return { draft, conflict: false };
    if (sameData(submission.data, draft.data)) {
      const caughtUp = await updateDraft(draft.id, (d) => ({ ...d, serverRevision: submission.revision, serverStatus: submission.status, returnComment: submission.returnComment }));
      return { draft: caughtUp ?? draft, conflict: false };
    }
    const theirs = theirCopy(submission);
    const marked = await updateDraft(draft.id, (d) => ({ ...d, queueState: 'conflict', problem: '此表已被他人修改', theirs }));
    return { draft: marked ?? draft, conflict: true };
  }
  const fresh = { ...draftOf(submission, draft.formTitle), confirmed: draft.confirmed, prefill: Object.keys(draft.prefill).length ? draft.prefill : submission.prefill ?? {} };
  await putDraft(fresh);
  return { draft: fresh, conflict: false };
}
