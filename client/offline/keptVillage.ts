// A downloaded village's households, read on the phone with no signal: the list page's filters
// (a kind, 监测户 for the three monitored kinds, a name or ID number) applied here as the server
// would, so any filter works offline, not only the ones opened before.
import { MONITORED_KINDS } from '@engine';
import type { HouseholdSummary, Paged } from '../api/types';
import { kept, type Cached } from './cachedGet';

export const villageKey = (code: string) => `village:${code}`;

export async function keptVillage(code: string, filter: { kind: string; q: string; pageSize: number }): Promise<Cached<Paged<HouseholdSummary>> | null> {
  const village = await kept<HouseholdSummary[]>(villageKey(code));
  if (!village) return null;
  const kinds: readonly string[] = filter.kind === '监测户' ? MONITORED_KINDS : filter.kind ? [filter.kind] : [];
  const q = filter.q.trim();
  const items = village.data.filter((h) => (kinds.length === 0 || kinds.includes(h.kind ?? ''))
    && (!q || h.headName.includes(q) || h.headIdNumber.includes(q) || h.members.some((m) => m.idNumber === q || m.name.includes(q))));
  return { data: { items: items.slice(0, filter.pageSize), total: items.length, page: 1, pageSize: filter.pageSize }, staleSince: village.staleSince };
}
