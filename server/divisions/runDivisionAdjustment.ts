// An adjustment sheet after it is read: checked row by row against the registered divisions,
// the users' areas and the official list (checkDivisionSheet); then — unless it is a dry run or
// anything is wrong — applied at once through the store (all or nothing), each merged village's
// households moved with a line in their history.
import type { Deps } from '../deps';
import type { AdjustmentResult } from '@engine/contract';
import type { Sheet } from '../households/readSheet';
import { checkDivisionSheet } from './checkDivisionSheet';
import type { OfficialDivisions } from './officialDivisions';

export async function runDivisionAdjustment(deps: Deps, official: OfficialDivisions, sheet: Sheet, dryRun: boolean, userId: string): Promise<AdjustmentResult> {
  const { store, clock } = deps;
  const registered = new Map((await store.listDivisions([''])).map((d) => [d.code, d]));
  const users = (await store.listUsers()).filter((u) => u.role !== 'admin');
  const plan = checkDivisionSheet(sheet, {
    registered,
    usersWithin: (code) => users.filter((u) => u.scope.some((s) => s.startsWith(code))).map((u) => u.username),
    officialName: (code) => official.get(code)?.name ?? null,
  });
  const counts = { rows: sheet.rows.length, added: plan.added, renamed: plan.renamed, merged: plan.merges.length, unchanged: plan.unchanged };
  if (plan.problems.some((p) => p.severity === 'error')) return { ok: false, dryRun, ...counts, households: 0, submissions: 0, problems: plan.problems };
  if (dryRun) {
    const held = await store.countHouseholdsByDivision(plan.merges.map((m) => m.from));
    return { ok: true, dryRun, ...counts, households: held.reduce((n, d) => n + d.count, 0), submissions: 0, problems: plan.problems };
  }
  // Named as they will be after this sheet (a target renamed in it by its new name).
  const name = (code: string) => plan.upserts.find((d) => d.code === code)?.name ?? registered.get(code)?.name ?? code;
  const moved = await store.adjustDivisions({
    at: clock.now().toISOString(), userId, upserts: plan.upserts, removals: [],
    merges: plan.merges.map((m) => ({ from: m.from, into: m.into, event: `行政区划调整：${name(m.from)}（${m.from}）并入${name(m.into)}（${m.into}）` })),
  });
  return { ok: true, dryRun, ...counts, ...moved, problems: plan.problems };
}
