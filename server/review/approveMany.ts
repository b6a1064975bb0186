// Approving many submissions in one request, each exactly as a single review is (reviewSubmission:
// scope, level, status, and only at the revision the reviewer saw, so a submission changed since
// is refused, never approved unseen). Items run one after another, each on its own: a refusal is
// reported with its Chinese reason and the next item goes on; the last level's approval applies
// its registry effects in the same transaction as the approval.
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionRecord, UserRecord } from '../store/records';
import { reviewSubmission } from '../submissions/reviewSubmission';

export interface ApprovalItem {
  id: string;
  /** The revision the reviewer saw in the table. */
  revision: number;
}

export type ApprovalOutcome =
  | { id: string; outcome: 'approved'; record: SubmissionRecord }
  | { id: string; outcome: 'refused'; code: string; message: string };

function refusal(item: ApprovalItem, error: unknown): ApprovalOutcome {
  if (error instanceof Problem) return { id: item.id, outcome: 'refused', code: error.code, message: error.message };
  throw error;
}

async function approveOne(deps: Deps, user: UserRecord, item: ApprovalItem, comment: string | undefined): Promise<ApprovalOutcome> {
  try {
    const approved = await reviewSubmission(deps, user, item.id, { decision: 'approve', comment, revision: item.revision });
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
