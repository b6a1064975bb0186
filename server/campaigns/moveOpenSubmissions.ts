// After a campaign adopts a new version with moveOpen: every draft and returned submission of the
// form in the campaign still on an older version moves to it (moveSubmission), one by one, each by
// its own compare-and-set; one changed meanwhile (an officer saving) is read again and moved,
// and one that cannot be moved after a few tries is left on its version and counted.
import type { Deps } from '../deps';
import type { UserRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { moveSubmission } from '../submissions/moveSubmission';

export interface MoveOutcome {
  moved: number;
  /** Left on their version (changed on every try). */
  left: number;
}

export async function moveOpenSubmissions(deps: Deps, user: UserRecord, campaignId: string, formId: string, toVersion: number): Promise<MoveOutcome> {
  const outcome: MoveOutcome = { moved: 0, left: 0 };
  for (const status of ['draft', 'returned'] as const) {
    for await (const batch of deps.store.streamSubmissions({ scope: [''], formId, campaignId, status })) {
      for (const found of batch) {
        if (found.formVersion >= toVersion) continue;
        let record: typeof found | null = found;
        let done = false;
        for (let attempt = 0; attempt < 3 && record && !done; attempt++) {
          try {
            await moveSubmission(deps, user, record, toVersion);
            done = true;
          } catch (e) {
            if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
            record = await deps.store.getSubmission(found.id);
            if (!record || record.formVersion >= toVersion || (record.status !== 'draft' && record.status !== 'returned')) break;
          }
        }
        if (done) outcome.moved++;
        else if (record && record.formVersion < toVersion && (record.status === 'draft' || record.status === 'returned')) outcome.left++;
      }
    }
  }
  return outcome;
}
