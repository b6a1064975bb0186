// The queue of what the phone still has to send: every draft with a pending save or submit. It
// is worked through when the network returns (the browser's online event), at the app's start,
// when a failed send's pause is over, after a new login, and when the officer taps 立即重试 —
// by one tab at a time (queueLock), each draft read afresh under the lock, so two open tabs never
// send one item twice. Listeners learn how many wait, how many need the officer, and which of a
// draft's files is going up ("正在上传照片 2/5"). After a run, files no draft refers to are let go.
import { hasCsrfToken, OfflineError } from '../api/http';
import { renewSession } from '../api/renewSession';
import { onDraftChanged } from './draftEvents';
import { allDrafts, getDraft, othersPendingDrafts, pendingDrafts, updateDraft } from './drafts';
import { pruneFiles } from './files';
import type { LocalDraft } from './LocalDraft';
import { withQueueLock } from './queueLock';
import { isDue, needsOfficer, queueStateOf } from './queueState';
import { sendDraft, type SendOutcome } from './sendDraft';
import type { UploadProgress } from './uploadFiles';

type Listener = (state: SyncState) => void;

export interface SyncState {
  online: boolean;
  /** Drafts whose save or submit the server does not have yet. */
  pending: number;
  /** Of those, the ones waiting for a new login. */
  needsLogin: number;
  /** Of those, the ones waiting for the officer (a correction, a choice). */
  needsOfficer: number;
  syncing: boolean;
  /** The file going up now, of the draft being sent; null when none is. */
  uploading: UploadProgress | null;
  /** Other users of a shared phone with drafts to send: sent once each signs in here again. */
  others: { names: string[]; pending: number };
}

let state: SyncState = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine, pending: 0, needsLogin: 0, needsOfficer: 0, syncing: false, uploading: null,
  others: { names: [], pending: 0 },
};
const listeners = new Set<Listener>();
let running: Promise<void> | null = null;
let again: { force: boolean } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Set while the app runs the queue in the background (startSyncing). */
let started = false;

function set(patch: Partial<SyncState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

const onUpload = (uploading: UploadProgress | null) => set({ uploading });

export function syncState(): SyncState {
  return state;
}

export function onSyncState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function counts(drafts: LocalDraft[]): Promise<Pick<SyncState, 'pending' | 'needsLogin' | 'needsOfficer' | 'others'>> {
  const others = await othersPendingDrafts();
  return {
    pending: drafts.length,
    needsLogin: drafts.filter((d) => queueStateOf(d) === 'needsLogin').length,
    needsOfficer: drafts.filter(needsOfficer).length,
    others: { names: [...new Set(others.map((d) => d.owner!.displayName))], pending: others.length },
  };
}

/** Counts what waits without sending (after a local save, or a change in another tab). */
export async function refreshPending(): Promise<void> {
  set(await counts(await pendingDrafts()));
}

/** Wakes the queue when the earliest paused item is due again. */
function scheduleNext(drafts: LocalDraft[]): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const times = drafts.filter((d) => queueStateOf(d) === 'retrying' && d.nextAttemptAt).map((d) => Date.parse(d.nextAttemptAt!));
  if (times.length === 0 || !started) return;
  timer = setTimeout(() => void syncNow(), Math.max(0, Math.min(...times) - Date.now()) + 50);
}

/** An app opened with no signal has no CSRF token: ask for one first (or learn the session is gone). */
async function sessionReady(): Promise<'ok' | 'ended' | 'offline'> {
  if (hasCsrfToken()) return 'ok';
  try {
    return (await renewSession()) ? 'ok' : 'ended';
  } catch (error) {
    if (error instanceof OfflineError) return 'offline';
    return 'ok';
  }
}

async function sendDue(force: boolean): Promise<void> {
  const due = (await pendingDrafts()).filter((d) => isDue(d, Date.now(), force));
  if (due.length === 0) return;
  const session = await sessionReady();
  if (session === 'offline') return set({ online: false });
  if (session === 'ended') {
    for (const d of due) await updateDraft(d.id, (current) => (current.pending ? { ...current, queueState: 'needsLogin', problem: '登录已过期' } : current));
    return;
  }
  for (const listed of due) {
    // Read again under the lock: another tab, or the form, may have sent or changed it since.
    const draft = await getDraft(listed.id);
    if (!draft || !isDue(draft, Date.now(), force)) continue;
    const outcome = await sendDraft(draft, { onUpload });
    const kept = queueStateOf(outcome.draft);
    if (outcome.kind === 'sent') set({ online: true });
    // No network, or no session: the rest would meet the same.
    if (kept === 'waiting') return set({ online: false });
    if (kept === 'needsLogin') return;
  }
}

/**
 * Sends everything due; resolves when done. `force` (立即重试, the network back) skips the pauses
 * after failures. A call while a run is going runs once more after it.
 */
export function syncNow(options: { force?: boolean } = {}): Promise<void> {
  if (running) {
    again = { force: (again?.force ?? false) || !!options.force };
    return running;
  }
  running = (async () => {
    set({ syncing: true });
    let force = !!options.force;
    try {
      for (;;) {
        await withQueueLock(() => sendDue(force), { wait: false });
        if (!again) break;
        force = again.force;
        again = null;
      }
    } finally {
      const left = await pendingDrafts();
      set({ syncing: false, uploading: null, ...(await counts(left)) });
      scheduleNext(left);
      running = null;
      await allDrafts().then((drafts) => pruneFiles(drafts)).catch(() => 0);
    }
  })();
  return running;
}

/**
 * The officer's own 保存 or 正式提交: waits for the lock (another tab may be sending), then sends
 * this draft if it is still pending. Resolves with where it stands.
 */
export async function sendOne(id: string): Promise<SendOutcome | undefined> {
  try {
    return await withQueueLock(async () => {
      const draft = await getDraft(id);
      if (!draft) return undefined;
      return sendDraft(draft, { onUpload });
    }, { wait: true });
  } finally {
    await refreshPending();
    scheduleNext(await pendingDrafts());
  }
}

export function startSyncing(): () => void {
  started = true;
  const online = () => {
    set({ online: true });
    void syncNow({ force: true });
  };
  const offline = () => set({ online: false });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  // Another tab's sends and saves change the counts here too.
  const stopChanges = onDraftChanged(() => void refreshPending());
  const interval = setInterval(() => {
    if (state.pending > 0) void syncNow();
  }, 30_000);
  void syncNow();
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    stopChanges();
    clearInterval(interval);
    started = false;
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
