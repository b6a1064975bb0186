// Sends one draft's pending action to the server and records the answer on the draft. A first
// send creates the submission under the draft's own UUID (a retry after a lost answer stores
// nothing twice); later sends update it with the revision last acknowledged. No network leaves
// the draft pending for the next attempt; a refusal is recorded, in the server's own words.
import { api, ApiError, OfflineError } from '../api/http';
import type { Submission } from '../api/types';
import { updateDraft } from './drafts';
import type { LocalDraft } from './LocalDraft';

export type SendOutcome =
  | { kind: 'sent'; draft: LocalDraft }
  | { kind: 'offline'; draft: LocalDraft }
  | { kind: 'refused'; draft: LocalDraft; error: ApiError };

function acknowledged(draft: LocalDraft, submission: Submission, sentData: LocalDraft['data']): LocalDraft {
  const unchangedSince = JSON.stringify(draft.data) === JSON.stringify(sentData);
  return {
    ...draft,
    serverRevision: submission.revision,
    serverStatus: submission.status,
    returnComment: submission.returnComment,
    fieldNotes: submission.fieldNotes ?? draft.fieldNotes,
    // Keystrokes made while the request was out stay pending as a save.
    pending: unchangedSince ? null : 'save',
    problem: null,
    serverIssues: [],
    duplicateOf: null,
    syncedAt: new Date().toISOString(),
  };
}

/** The officer's explanations of warnings (核实说明), written ones only: the server keeps those of the warnings that hold. */
function explained(draft: LocalDraft): { explanations?: Record<string, string> } {
  const written = Object.entries(draft.explanations ?? {}).filter(([, text]) => text.trim() !== '');
  return written.length ? { explanations: Object.fromEntries(written) } : {};
}

async function createOrUpdate(draft: LocalDraft, submit: boolean): Promise<Submission> {
  if (draft.serverRevision === null) {
    try {
      return await api<Submission>('POST', `/api/forms/${encodeURIComponent(draft.formId)}/submissions`, {
        id: draft.id, householdId: draft.householdId, ...(draft.campaignId ? { campaignId: draft.campaignId } : {}), data: draft.data, submit,
        ...explained(draft),
      });
    } catch (error) {
      // The first answer was lost and the data changed since: the submission exists, so update it.
      if (!(error instanceof ApiError) || error.code !== 'conflict') throw error;
      const existing = await api<Submission>('GET', `/api/submissions/${draft.id}`);
      return api<Submission>('PUT', `/api/submissions/${draft.id}`, { data: draft.data, submit, revision: existing.revision, ...explained(draft) });
    }
  }
  return api<Submission>('PUT', `/api/submissions/${draft.id}`, { data: draft.data, submit, revision: draft.serverRevision, ...explained(draft) });
}

export async function sendDraft(draft: LocalDraft): Promise<SendOutcome> {
  if (draft.pending === null) return { kind: 'sent', draft };
  const submit = draft.pending === 'submit';
  const sentData = draft.data;
  try {
    const submission = await createOrUpdate(draft, submit);
    const stored = await updateDraft(draft.id, (current) => acknowledged(current, submission, sentData));
    return { kind: 'sent', draft: stored ?? acknowledged(draft, submission, sentData) };
  } catch (error) {
    if (error instanceof OfflineError) return { kind: 'offline', draft };
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) return { kind: 'offline', draft: (await updateDraft(draft.id, (d) => ({ ...d, problem: error.message }))) ?? draft };
    const refused = await updateDraft(draft.id, (current) => ({
      ...current,
      // A refused submit stays a draft to correct; a refused save keeps waiting only if worth retrying.
      pending: error.status >= 500 ? current.pending : null,
      problem: error.message,
      serverIssues: error.code === 'invalid_submission' ? (error.details?.errors ?? []) : [],
      duplicateOf: error.code === 'duplicate_submission' ? (error.details?.existingId ?? null) : null,
    }));
    return { kind: 'refused', draft: refused ?? draft, error };
  }
}
