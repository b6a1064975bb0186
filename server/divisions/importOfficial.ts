// Registers a branch of the official list (a province, city, county or township with everything
// below it, and its ancestors so the registered tree is whole) in one step. Idempotent: a
// division already registered is left as it is — a name adjusted since stays — and a division
// merged away or removed since (division_changes) is not brought back by importing its county
// again; naming it as the import's own head brings it back. Writes in batches, reporting
// progress between them, so a province (tens of thousands of villages) never holds the store up.
import type { Deps } from '../deps';
import type { OfficialImportProgress, OfficialImportResult } from '@engine/contract';
import { divisionLevel } from './divisionLevel';
import type { OfficialDivisions } from './officialDivisions';

const BATCH = 2000;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Codes strictly below `head` whose last recorded change merged or removed them. */
async function goneBelow(deps: Deps, head: string): Promise<string[]> {
  const last = new Map<string, string>();
  for (const change of await deps.store.listDivisionChanges([head])) last.set(change.code, change.action);
  return [...last].filter(([code, action]) => code !== head && (action === 'merge' || action === 'remove')).map(([code]) => code);
}

/** Null when `code` is not in the official list. */
export async function importOfficial(
  deps: Deps, official: OfficialDivisions, code: string, userId: string, progress: (p: OfficialImportProgress) => void = () => {},
): Promise<OfficialImportResult | null> {
  const branch = official.branch(code);
  if (!branch) return null;
  const head = branch.find((d) => d.code === code)!;
  const gone = await goneBelow(deps, code);
  const wanted = branch.filter((d) => !gone.some((g) => d.code.startsWith(g)));
  let added = 0;
  progress({ type: 'progress', stage: 'writing', done: 0, total: wanted.length });
  for (let i = 0; i < wanted.length; i += BATCH) {
    added += await deps.store.addDivisions(wanted.slice(i, i + BATCH));
    progress({ type: 'progress', stage: 'writing', done: Math.min(i + BATCH, wanted.length), total: wanted.length });
    await breathe();
  }
  const skipped = branch.length - wanted.length;
  await deps.store.recordDivisionChange({
    at: deps.clock.now().toISOString(), userId, action: 'import', code, name: head.name, previousName: null, targetCode: null, count: added,
    note: `${official.source()}：${branch.length} 个区划，新增 ${added} 个${skipped ? `，${skipped} 个已并入或删除的未恢复` : ''}`,
  });
  return {
    type: 'result', code, name: head.name, level: divisionLevel(code)!, source: official.source(), total: branch.length, added,
    kept: wanted.length - added, skipped,
  };
}
