// The weekly progress report of a form in a campaign (the seeds ask every township for one): per
// village, and per township as the sum of its villages, households expected (the registry
// households of the kinds the form applies to) against submissions by status and households
// still missing; and the same per household kind. Built from the store's GROUP BY counts: nothing
// here reads a household or a submission.
import type { ProgressCounts, ProgressReport, TownshipProgress, VillageProgress } from '@engine/contract';
import type { DivisionRecord } from '../store/records';
import type { ProgressCount } from '../store/Store';

const zero = (): ProgressCounts => ({ expected: 0, missing: 0, draft: 0, submitted: 0, returned: 0, approved: 0 });
const FIELDS = ['expected', 'missing', 'draft', 'submitted', 'returned', 'approved'] as const;

function add(to: ProgressCounts, from: ProgressCounts): void {
  for (const f of FIELDS) to[f] += from[f];
}

/** A village's township: its first nine digits. */
export const townshipOf = (code: string) => code.slice(0, 9);

/**
 * `divisions`: every division of the area with a name (villages with nothing counted still show,
 * with zeros). Kinds follow the form's appliesTo order, then any other kind met, then none ('').
 */
export function progressReport(counts: ProgressCount[], divisions: DivisionRecord[], kinds: string[] | null): ProgressReport {
  const names = new Map(divisions.map((d) => [d.code, d.name]));
  const villages = new Map<string, VillageProgress>();
  const village = (code: string) => {
    let found = villages.get(code);
    if (!found) villages.set(code, (found = { code, name: names.get(code) ?? code, ...zero() }));
    return found;
  };
  for (const d of divisions) if (d.code.length === 12) village(d.code);
  const byKind = new Map<string, ProgressCounts & { kind: string }>((kinds ?? []).map((kind) => [kind, { kind, ...zero() }]));
  for (const c of counts) {
    add(village(c.divisionCode), c);
    if (!byKind.has(c.kind)) byKind.set(c.kind, { kind: c.kind, ...zero() });
    add(byKind.get(c.kind)!, c);
  }
  const townships = new Map<string, TownshipProgress>();
  for (const v of [...villages.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const code = townshipOf(v.code);
    let t = townships.get(code);
    if (!t) townships.set(code, (t = { code, name: names.get(code) ?? code, villages: [], ...zero() }));
    t.villages.push(v);
    add(t, v);
  }
  const total = zero();
  for (const t of townships.values()) add(total, t);
  const none = byKind.get('');
  byKind.delete('');
  return { kinds, townships: [...townships.values()], total, byKind: [...byKind.values(), ...(none ? [none] : [])] };
}
