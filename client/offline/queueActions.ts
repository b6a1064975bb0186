// What the officer can do about a queued item that did not go through: try again now, keep their
// own copy over the one someone else saved (or take that one instead), or give up this phone's
// copy (a household that already has the form). Each leaves the draft in a state the queue and
// the pages understand; nothing here deletes what the server does not already hold.
import { deleteDraft, getDraft, updateDraft } from './drafts';
import { draftFromServer } from './draftFromServer';
import type { LocalDraft, PendingAction } from './LocalDraft';
import { queueStateOf } from './queueState';
import { sendOne, syncNow } from './syncQueue';

/**
 * The officer's 保存 or 正式提交 puts the draft in the queue, to be sent now. A submit already on
 * its way stays one (保存 does not undo it); after a refusal, 保存 saves. A conflict or a
 * duplicate stays as it is until the officer chooses.
 */
export function queueAction(id: string, action: PendingAction): Promise<LocalDraft | undefined> {
  return updateDraft(id, (d) => {
    const state = queueStateOf(d);
    const submitOnItsWay = d.pending === 'submit' && (state === 'waiting' || state === 'retrying' || state === 'needsLogin');
    return {
      ...d,
      pending: action === 'submit' || submitOnItsWay ? 'submit' : 'save',
      queueState: state === 'conflict' || state === 'duplicate' ? state : 'waiting',
      attempts: 0, nextAttemptAt: null,
    };
  });
}

/** 立即重试: no more pause, and a refused item tried again (after the officer's correction). */
export async function retryNow(id: string): Promise<void> {
  await updateDraft(id, (d) => (d.pending ? { ...d, queueState: d.queueState === 'refused' ? 'waiting' : d.queueState, nextAttemptAt: null } : d));
  await sendOne(id);
  await syncNow({ force: true });
}

/** 保留我的: the officer's copy replaces the one on the server (the server's revision now quoted). */
export async function keepMine(id: string): Promise<void> {
  await updateDraft(id, (d) => (d.theirs ? {
    ...d, serverRevision: d.theirs.revision, serverStatus: d.theirs.status, returnComment: d.theirs.returnComment,
    theirs: null, queueState: 'waiting', attempts: 0, nextAttemptAt: null, problem: null,
  } : d));
  await sendOne(id);
}

/** 采用对方的: the server's copy replaces the officer's; nothing is left to send. */
export async function takeTheirs(id: string): Promise<void> {
  await updateDraft(id, (d) => (d.theirs ? {
    ...d, data: d.theirs.data, serverRevision: d.theirs.revision, serverStatus: d.theirs.status, returnComment: d.theirs.returnComment,
    theirs: null, pending: null, queueState: null, attempts: 0, nextAttemptAt: null, problem: null, serverIssues: [], updatedAt: d.theirs.updatedAt,
  } : d));
}

/**
 * 放弃本机这份: a copy the server never had is deleted; one it has is replaced by the server's.
 * Resolves with whether the draft still exists.
 */
export async function discardLocal(id: string): Promise<boolean> {
  const draft = await getDraft(id);
  if (!draft) return false;
  if (draft.serverRevision === null) {
    await deleteDraft(id);
    return false;
  }
  await draftFromServer(id, { fresh: true });
  return true;
}
