// The drafts still to send, for a page that lists households: kept current as drafts change
// (the form, the queue in the background, another tab).
import { useEffect, useState } from 'react';
import { onDraftChanged } from './draftEvents';
import { pendingDrafts } from './drafts';
import type { LocalDraft } from './LocalDraft';

export function useQueue(): LocalDraft[] {
  const [drafts, setDrafts] = useState<LocalDraft[]>([]);
  useEffect(() => {
    let active = true;
    const read = () => void pendingDrafts().then((d) => active && setDrafts(d)).catch(() => {});
    read();
    const stop = onDraftChanged(read);
    return () => {
      active = false;
      stop();
    };
  }, []);
  return drafts;
}
