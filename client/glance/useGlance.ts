// The glance for a page: the household states of an area (loadStates) merged with the phone's
// drafts, merged again whenever a draft changes (a save, the queue sending in the background,
// another tab) and read again from the server when the network comes back.
import { useEffect, useMemo, useState } from 'react';
import { useLoad } from '../components/useLoad';
import { onDraftChanged } from '../offline/draftEvents';
import { myDrafts } from '../offline/drafts';
import type { LocalDraft } from '../offline/LocalDraft';
import { mergeGlance, type Glance } from './glance';
import type { HouseholdStates } from './householdStates';
import { loadStates } from './loadStates';

export interface GlanceLoad {
  glance: Glance | null;
  states: HouseholdStates | null;
  staleSince: string | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

export function useGlance(division?: string): GlanceLoad {
  const states = useLoad(() => loadStates(division), [division]);
  const [drafts, setDrafts] = useState<LocalDraft[] | null>(null);
  useEffect(() => {
    let active = true;
    const read = () => void myDrafts().then((d) => active && setDrafts(d)).catch(() => active && setDrafts([]));
    read();
    const stop = onDraftChanged(read);
    return () => {
      active = false;
      stop();
    };
  }, []);
  useEffect(() => {
    window.addEventListener('online', states.reload);
    return () => window.removeEventListener('online', states.reload);
  }, [states.reload]);
  const data = states.value?.data ?? null;
  const glance = useMemo(() => (data && drafts ? mergeGlance(data, drafts, division) : null), [data, drafts, division]);
  return { glance, states: data, staleSince: states.value?.staleSince ?? null, loading: states.loading || drafts === null, error: states.error, reload: states.reload };
}
