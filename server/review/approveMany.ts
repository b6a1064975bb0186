// Approving many submissions in one request, each exactly as a single review would be (scope,
// level, status) and only at the revision the reviewer saw: a submission changed since is
// refused, never approved unseen. Items run one after another, each on its own: a refusal is
// reported with its Chinese reason and the next item goes on; the last level's approval applies
// its registry effects in the same transaction as the approval (reviewSubmission does both).
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionRecord, UserRecord } from '../store/records';
import { StoreConflict, type Store } from '../store/Store';
import { visibleSubmission } from '../submissions/access';
import { reviewSubmission } from '../submissions/reviewSubmission';

export interface ApprovalItem {
  id: string;
  /** The revision the reviewer saw in the table. */
  revision: number;
}

export type ApprovalOutcome =
  | { id: string; outcome: 'approved'; record: SubmissionRecord }
  | { id: string; outcome: 'refused'; code: string; message: string };

/**
 * The store as one review sees it: the submission read is the one the reviewer saw, so the
 * review's conditional update (WHERE revision = …) is made against that revision and a change
 * in between is refused by the database itself, atomically.
 */
function pinned(store: Store, record: SubmissionRecord): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'getSubmission') return async (id: string) => (id === record.id ? record : target.getSubmission(id));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function refusal(item: ApprovalItem, error: unknown): ApprovalOutcome {
  if (error instanceof Problem) return { id: item.id, outcome: 'refused', code: error.code, message: error.message };
  if (error instanceof StoreConflict) {
    return { id: item.id, outcome: 'refused', code: error.kind === 'revision' ? 'stale_revision' : 'conflict', message: '此表刚被他人修改或审核，请刷新后再看' };
  }
  throw error;
}

async function approveOne(deps: Deps, user: UserRecord, item: ApprovalItem, comment: string | undefined): Promise<ApprovalOutcome> {
  try {
    const record = await visibleSubmission(deps, user, item.id);
    if (record.revision !== item.revision) {
      throw new Problem('stale_revision', `此表已被修改（当前版本 ${record.revision}，您看到的是版本 ${item.revision}），请刷新后再审核`);
    }
    const approved = await reviewSubmission({ ...deps, store: pinned(deps.store, record) }, user, item.id, { decision: 'approve', comment });
    return { id: item.id, outcome: 'approved', record: approved };
  } catch (error) {
    return refusal(item, error);
  }
}

export async function approveMany(deps: Deps, user: UserRecord, items: ApprovalItem[], comment?: string): Promise<ApprovalOutcome[]> {
  const outcomes: ApprovalOutcome[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      outcomes.push({ id: item.id, outcome: 'refused', code: 'bad_request', message: '同一份表在本次批量审核中重复出现' });
      continue;
    }
    seen.add(item.id);
    outcomes.push(await approveOne(deps, user, item, comment));
  }
  return outcomes;
}
