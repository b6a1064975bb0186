// Tells the pages that a draft changed on the phone, whoever changed it: this tab's form, the
// queue sending in the background, or another tab of the same app (through a BroadcastChannel),
// so an open form or household list shows the new state at once.
type Listener = (id: string) => void;

const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('wanneng-drafts');

function tell(id: string): void {
  for (const listener of listeners) listener(id);
}

if (channel) channel.onmessage = (event: MessageEvent<{ id?: unknown }>) => {
  if (typeof event.data?.id === 'string') tell(event.data.id);
};

export function draftChanged(id: string): void {
  tell(id);
  channel?.postMessage({ id });
}

export function onDraftChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
