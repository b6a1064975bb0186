// Sends one draft's pending action and records on the draft where it stands. A first send creates
// the submission under the draft's own UUID (a retry after a lost answer stores nothing twice);
// later sends update it with the revision last acknowledged. The action leaves the queue only
// when the server has it: a 2xx, or a 409 whose record turns out to hold what was sent (the
// answer to an earlier send was lost). Every other outcome keeps it, in a state (queueState.ts):
// a missing or stale CSRF token is fetched again and the send repeated by itself; a session that
// ended waits for a new login; a 422 brings the server's issues back to the fields; a 409 on the
// revision keeps the server's copy beside the officer's to choose; a server error or a cut
// connection waits a growing pause before the next try. Every send states the version the draft
// was filled on: a campaign that adopted a new version meanwhile has the server move it (the answer
// then brings the moved answers, the new version and what changed, which replace the phone's).
// The draft's photos and signatures the server lacks go first (uploadFiles.ts); the submission
// follows only when every one is stored, so a failed upload keeps the whole item queued.
import { api, ApiError, hasCsrfToken, OfflineError } from '../api/http';
import { renewSession } from '../api/renewSession';
import type { CreateSubmission, Submission, SubmissionDetail, UpdateSubmission } from '../api/types';
import { theirCopy } from './draftFromServer';
import { updateDraft } from './drafts';
import type { LocalDraft } from './LocalDraft';
import { backoffMs } from './queueState';
import { sameData } from './sameData';
import { uploadFiles, type UploadOptions } from './uploadFiles';

export type SendOutcome = { kind: 'sent'; draft: LocalDraft } | { kind: 'kept'; draft: LocalDraft };

type Patch = Partial<LocalDraft>;
type Answer = { sent: Submission } | { kept: (current: LocalDraft) => Patch };

/** The session is gone: nothing can be sent until the officer logs in again. */
class SessionEnded extends Error {}

function acknowledged(draft: LocalDraft, submission: Submission, sentData: LocalDraft['data']): LocalDraft {
  // The server moved it to the version its campaign serves now: its answers, on that version, replace the phone's.
  const moved = submission.formVersion !== draft.formVersion;
  const unchangedSince = moved || sameData(draft.data, sentData);
  return {
    ...draft,
    ...(moved ? { formVersion: submission.formVersion, data: submission.data } : {}),
    moveNotice: submission.moveNotice ?? (moved ? null : draft.moveNotice ?? null),
    serverRevision: submission.revision,
    serverStatus: submission.status,
    returnComment: submission.returnComment,
    fieldNotes: submission.fieldNotes ?? draft.fieldNotes,
    // Keystrokes made while the request was out stay pending as a save.
    pending: unchangedSince ? null : 'save',
    queueState: unchangedSince ? null : 'waiting',
    attempts: 0,
    nextAttemptAt: null,
    theirs: null,
    problem: null,
    serverIssues: [],
    duplicateOf: null,
    syncedAt: new Date().toISOString(),
  };
}

/** A send that hangs this long is given up (and retried): it must not hold the queue. */
export const SEND_TIMEOUT_MS = 60_000;

/** The officer's explanations of warnings (核实说明), written ones only: the server keeps those of the warnings that hold. */
function explained(draft: LocalDraft): { explanations?: Record<string, string> } {
  const written = Object.entries(draft.explanations ?? {}).filter(([, text]) => text.trim() !== '');
  return written.length ? { explanations: Object.fromEntries(written) } : {};
}

function createOrUpdate(draft: LocalDraft, submit: boolean): Promise<Submission> {
  const options = { timeoutMs: SEND_TIMEOUT_MS };
  if (draft.serverRevision === null) {
    return api<Submission>('POST', `/api/forms/${encodeURIComponent(draft.formId)}/submissions`, {
      id: draft.id, householdId: draft.householdId, ...(draft.campaignId ? { campaignId: draft.campaignId } : {}), data: draft.data, submit,
      formVersion: draft.formVersion, ...explained(draft),
    } satisfies CreateSubmission, options);
  }
  return api<Submission>('PUT', `/api/submissions/${draft.id}`, {
    data: draft.data, submit, revision: draft.serverRevision, formVersion: draft.formVersion, ...explained(draft),
  } satisfies UpdateSubmission, options);
}

const tokenTrouble = (error: unknown) => error instanceof ApiError && (error.status === 401 || (error.status === 403 && error.code === 'csrf'));

/** Sends with a valid token: fetched first by an app that has none, and again after a 401 or 403. */
async function withSession<T>(send: () => Promise<T>): Promise<T> {
  if (!hasCsrfToken() && !(await renewSession())) throw new SessionEnded();
  try {
    return await send();
  } catch (error) {
    if (!tokenTrouble(error)) throw error;
    if (!(await renewSession())) throw new SessionEnded();
    return send();
  }
}

function retryLater(problem: string): (current: LocalDraft) => Patch {
  return (current) => {
    const attempts = (current.attempts ?? 0) + 1;
    return { queueState: 'retrying', problem, attempts, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)).toISOString() };
  };
}

/** A 409: the record under this id holds what was sent (a lost answer), or another copy to choose from. */
async function settleConflict(draft: LocalDraft, submit: boolean, error: ApiError): Promise<Answer> {
  const existingId: unknown = error.details?.existingId;
  if (error.code === 'duplicate_submission' && typeof existingId === 'string' && existingId !== draft.id) {
    return { kept: () => ({ queueState: 'duplicate', problem: error.message, duplicateOf: existingId }) };
  }
  let current: SubmissionDetail;
  try {
    current = await api<SubmissionDetail>('GET', `/api/submissions/${draft.id}`, undefined, { timeoutMs: SEND_TIMEOUT_MS });
  } catch (lookup) {
    if (lookup instanceof ApiError && lookup.status === 404) return { kept: () => ({ queueState: 'refused', problem: error.message }) };
    throw lookup;
  }
  const holdsIt = current.status === 'submitted' || current.status === 'approved';
  if (sameData(current.data, draft.data) && (!submit || holdsIt)) return { sent: current };
  // Never acknowledged, and only its creation on the server: that was this phone's own earlier
  // send (its answer lost) with older data, so this one updates it.
  if (draft.serverRevision === null && current.revision === 1 && !holdsIt) {
    return { sent: await withSession(() => createOrUpdate({ ...draft, serverRevision: current.revision }, submit)) };
  }
  return { kept: () => ({ queueState: 'conflict', problem: error.message, theirs: theirCopy(current) }) };
}

async function whyNotSent(draft: LocalDraft, submit: boolean, error: unknown): Promise<Answer> {
  if (error instanceof SessionEnded) return { kept: () => ({ queueState: 'needsLogin', problem: '登录已过期' }) };
  if (error instanceof OfflineError) {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kept: () => ({ queueState: 'waiting', problem: '当前无网络' }) };
    return { kept: retryLater('网络中断，没有传到服务器') };
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
    return { kept: retryLater('上传时出错') };
  }
  if (error.status === 401) return { kept: () => ({ queueState: 'needsLogin', problem: error.message }) };
  if (error.status >= 500 || error.status === 429 || tokenTrouble(error)) return { kept: retryLater(error.message) };
  if (error.status === 422) {
    const issues = Array.isArray(error.details?.errors) ? error.details.errors : [];
    return { kept: () => ({ queueState: 'invalid', problem: error.message, serverIssues: issues }) };
  }
  if (error.status === 409) {
    try {
      return await settleConflict(draft, submit, error);
    } catch (again) {
      return whyNotSent(draft, submit, again instanceof ApiError && again.status === 409 ? new ApiError(400, again.code, again.message) : again);
    }
  }
  return { kept: () => ({ queueState: 'refused', problem: error.message }) };
}

export interface SendOptions {
  /** Told which file is going up ("正在上传照片 2/5"), and null when the files are done. */
  onUpload?: UploadOptions['onProgress'];
}

export async function sendDraft(draft: LocalDraft, options: SendOptions = {}): Promise<SendOutcome> {
  if (draft.pending === null) return { kind: 'sent', draft };
  const submit = draft.pending === 'submit';
  const sentData = draft.data;
  let answer: Answer;
  try {
    answer = {
      sent: await withSession(async () => {
        await uploadFiles(draft.data, { onProgress: options.onUpload, timeoutMs: SEND_TIMEOUT_MS });
        return createOrUpdate(draft, submit);
      }),
    };
  } catch (error) {
    answer = await whyNotSent(draft, submit, error);
  }
  if ('sent' in answer) {
    const submission = answer.sent;
    const stored = await updateDraft(draft.id, (current) => acknowledged(current, submission, sentData));
    return { kind: 'sent', draft: stored ?? acknowledged(draft, submission, sentData) };
  }
  const patch = answer.kept;
  const stored = await updateDraft(draft.id, (current) => ({ ...current, serverIssues: [], theirs: null, duplicateOf: null, ...patch(current) }));
  return { kind: 'kept', draft: stored ?? { ...draft, ...patch(draft) } };
}
