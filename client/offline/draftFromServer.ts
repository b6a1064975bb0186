// A submission that is not on this phone (opened from the household page, or returned by a
// reviewer to be corrected) becomes a local draft, so it is edited and kept like any other.
import { api } from '../api/http';
import type { FormVersion, SubmissionDetail } from '../api/types';
import { cachedGet } from './cachedGet';
import { putDraft } from './drafts';
import { householdKeyOf, type LocalDraft } from './LocalDraft';

export function draftOf(submission: SubmissionDetail & { prefill?: Record<string, unknown> | null }, formTitle: string): LocalDraft {
  return {
    id: submission.id, formId: submission.formId, formVersion: submission.formVersion, formTitle, campaignId: submission.campaignId,
    householdId: submission.householdId, householdKey: householdKeyOf(submission.householdId, submission.divisionCode),
    headName: submission.headName, divisionCode: submission.divisionCode, data: submission.data, prefill: submission.prefill ?? {},
    confirmed: [], explanations: submission.explanations ?? {}, fieldNotes: submission.fieldNotes ?? [], serverRevision: submission.revision, serverStatus: submission.status, returnComment: submission.returnComment,
    pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: submission.updatedAt, syncedAt: new Date().toISOString(),
  };
}

export async function draftFromServer(id: string): Promise<LocalDraft> {
  const submission = await api<SubmissionDetail & { prefill?: Record<string, unknown> | null }>('GET', `/api/submissions/${id}`);
  const form = await cachedGet<FormVersion>(`/api/forms/${submission.formId}/versions/${submission.formVersion}`);
  const draft = draftOf(submission, form.data.definition.title);
  await putDraft(draft);
  return draft;
}

/**
 * What the server has now for a draft that is fully sent (a reviewer may have returned or
 * approved it): the fresher record replaces the local one. A draft with unsent changes is left
 * alone, and a newer server revision is reported as a conflict instead.
 */
export async function refreshDraft(draft: LocalDraft): Promise<{ draft: LocalDraft; conflict: boolean }> {
  if (draft.serverRevision === null) return { draft, conflict: false };
  const submission = await api<SubmissionDetail & { prefill?: Record<string, unknown> | null }>('GET', `/api/submissions/${draft.id}`);
  if (submission.revision === draft.serverRevision && submission.status === draft.serverStatus) return { draft, conflict: false };
  if (draft.pending !== null) return { draft, conflict: submission.revision > draft.serverRevision };
  const fresh = { ...draftOf(submission, draft.formTitle), confirmed: draft.confirmed, prefill: Object.keys(draft.prefill).length ? draft.prefill : submission.prefill ?? {} };
  await putDraft(fresh);
  return { draft: fresh, conflict: false };
}
