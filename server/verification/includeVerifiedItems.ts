// Where an approval ends: the households to verify whose identification form this submission was
// become 'included' (纳入监测), so the village's list and the applicant's status page follow.
import type { Deps } from '../deps';

export async function includeVerifiedItems(deps: Pick<Deps, 'store'>, submissionId: string, at: string): Promise<void> {
  const linked = await deps.store.listVerificationItems({ scope: [''], submissionId, state: 'open' }, { page: 1, pageSize: 100 });
  for (const item of linked.items) await deps.store.markVerificationItemIncluded(item.id, at);
}
