// Sends every pending draft when the network is back (the browser's online event, the app's
// start, and every half minute while something waits), one at a time, and tells listeners how
// many are still waiting so the header can say so.
import { pendingDrafts } from './drafts';
import { sendDraft } from './sendDraft';

type Listener = (state: SyncState) => void;

export interface SyncState {
  online: boolean;
  pending: number;
  syncing: boolean;
}

let state: SyncState = { online: typeof navigator === 'undefined' ? true : navigator.onLine, pending: 0, syncing: false };
const listeners = new Set<Listener>();
let running: Promise<void> | null = null;

function set(patch: Partial<SyncState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

export function syncState(): SyncState {
  return state;
}

export function onSyncState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts what waits without sending (after a local save). */
export async function refreshPending(): Promise<void> {
  set({ pending: (await pendingDrafts()).length });
}

/** Sends everything pending; resolves when done (or when the network is gone again). */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    set({ syncing: true });
    try {
      for (const draft of await pendingDrafts()) {
        const outcome = await sendDraft(draft);
        if (outcome.kind === 'offline') {
          set({ online: false });
          break;
        }
        set({ online: true });
      }
    } finally {
      set({ syncing: false, pending: (await pendingDrafts()).length });
      running = null;
    }
  })();
  return running;
}

export function startSyncing(): () => void {
  const online = () => {
    set({ online: true });
    void syncNow();
  };
  const offline = () => set({ online: false });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const timer = setInterval(() => {
    if (state.pending > 0) void syncNow();
  }, 30_000);
  void syncNow();
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    clearInterval(timer);
  };
}
