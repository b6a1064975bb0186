// Who may see and change what: records are visible within the user's scope (others answer 404,
// as if they did not exist), officers and administrators fill forms, reviewers and
// administrators review.
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { notFound, Problem } from '../problem';
import type { HouseholdRecord, SubmissionRecord, UserRecord } from '../store/records';

export function canSee(user: UserRecord, divisionCode: string): boolean {
  return covers(queryScope(user), divisionCode);
}

export async function visibleSubmission(deps: Deps, user: UserRecord, id: string): Promise<SubmissionRecord> {
  const record = await deps.store.getSubmission(id);
  if (!record || !canSee(user, record.divisionCode)) throw notFound('提交');
  return record;
}

export async function visibleHousehold(deps: Deps, user: UserRecord, id: string): Promise<HouseholdRecord> {
  const household = await deps.store.getHousehold(id);
  if (!household || !canSee(user, household.divisionCode)) throw notFound('农户');
  return household;
}

export function requireFiller(user: UserRecord): void {
  if (user.role === 'reviewer') throw new Problem('forbidden', '审核员不能填报表单，请使用信息员账号');
}
