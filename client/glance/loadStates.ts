// The household states for a list, online or not: the server's answer (kept on the phone as it
// comes), else the copy kept for this very area, else what the phone kept for a wider area (the
// village list's answer, narrowed) or for the villages within it (each village's 离线下载,
// joined). Marked stale with the time it was read, as every offline copy is.
import { OfflineError } from '../api/http';
import { cachedGet, kept, keptUnder, type Cached } from '../offline/cachedGet';
import { statesPath, type HouseholdStates } from './householdStates';

const VILLAGE_PREFIX = '/api/households/states?division=';

function narrowed(states: HouseholdStates, division: string): HouseholdStates {
  return {
    ...states,
    households: states.households.filter((h) => h.divisionCode.startsWith(division)),
    unregistered: states.unregistered.filter((s) => s.divisionCode.startsWith(division)),
  };
}

/** The phone's copies covering the area, joined; null when it kept none. */
export async function keptStates(division = ''): Promise<Cached<HouseholdStates> | null> {
  const own = await kept<HouseholdStates>(statesPath(division || undefined));
  if (own) return own;
  const wider = await kept<HouseholdStates>(statesPath());
  if (wider && division) return { data: narrowed(wider.data, division), staleSince: wider.staleSince };
  const parts = await keptUnder(VILLAGE_PREFIX + division);
  if (parts.length === 0) return null;
  const answers = parts.map((p) => p.body as HouseholdStates);
  const seen = new Set<string>();
  return {
    data: {
      forms: answers[0]!.forms,
      households: answers.flatMap((a) => a.households).filter((h) => !seen.has(h.id) && seen.add(h.id)),
      unregistered: answers.flatMap((a) => a.unregistered).filter((s) => !seen.has(s.id) && seen.add(s.id)),
      at: answers.map((a) => a.at).sort()[0]!,
    },
    staleSince: parts.map((p) => p.savedAt).sort()[0]!,
  };
}

export async function loadStates(division?: string): Promise<Cached<HouseholdStates>> {
  try {
    return await cachedGet<HouseholdStates>(statesPath(division));
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    const copy = await keptStates(division);
    if (!copy) throw error;
    return copy;
  }
}
