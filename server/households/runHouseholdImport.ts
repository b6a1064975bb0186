// A household import after its file is read: every row checked (checkHouseholdImport), each
// household matched to the registry by head ID number (to count new and updated ones, for a dry
// run), then — unless it is a dry run or anything is wrong — every household written at once
// through the store's all-or-nothing upsertHouseholds, which tells what it created. Progress is reported as it goes, yielding to the event
// loop between chunks so a large file never holds up other requests and progress reaches the page.
import type { ImportProgress, ImportResult } from '@engine/contract';
import type { Deps } from '../deps';
import { checkHouseholdImport } from './checkHouseholdImport';
import type { Sheet } from './readSheet';

const CHUNK = 500;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runHouseholdImport(
  deps: Deps, sheet: Sheet, dryRun: boolean, progress: (p: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const { store, clock } = deps;
  progress({ type: 'progress', stage: 'checking', done: 0, total: sheet.rows.length });
  const known = new Set((await store.listDivisions([''])).map((d) => d.code));
  const checked = checkHouseholdImport(sheet, known);
  progress({ type: 'progress', stage: 'checking', done: sheet.rows.length, total: sheet.rows.length });
  const base = { type: 'result' as const, dryRun, rows: sheet.rows.length, households: checked.households.length, members: checked.members, problems: checked.problems };
  if (checked.problems.some((p) => p.severity === 'error')) return { ...base, ok: false, created: 0, updated: 0 };

  let updated = 0;
  const total = checked.households.length;
  for (let i = 0; i < total; i += CHUNK) {
    for (const h of checked.households.slice(i, i + CHUNK)) if (await store.findHouseholdByHeadId(h.headIdNumber)) updated++;
    progress({ type: 'progress', stage: 'matching', done: Math.min(i + CHUNK, total), total });
    await breathe();
  }
  if (dryRun) return { ...base, ok: true, created: total - updated, updated };
  progress({ type: 'progress', stage: 'writing', done: 0, total });
  // Counted from what the store did: another import of the same households at once may have made them first.
  const written = await store.upsertHouseholds(checked.households, clock.now().toISOString());
  progress({ type: 'progress', stage: 'writing', done: total, total });
  const created = written.filter((w) => w.created).length;
  return { ...base, ok: true, created, updated: written.length - created };
}
