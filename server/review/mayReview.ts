// Whether a user may act on a submission now, by the same rule the review itself applies
// (submissions/reviewSubmission.ts): it is submitted, and the user is an administrator or a
// reviewer whose scope code has the length of the level it waits on. The table shows it so a
// reviewer sees which rows are theirs; the review still checks for itself.
import { allReviewLevels, reviewChain, type FormDefinition } from '@engine';
import type { SubmissionRecord, UserRecord } from '../store/records';

export function mayReview(user: UserRecord, definition: FormDefinition, record: SubmissionRecord): boolean {
  if (record.status !== 'submitted') return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'reviewer') return false;
  const levels = reviewChain(definition, record.data).levels;
  if (levels.length === 0) return true;
  const digits = levels[record.reviewLevel]?.divisionDigits ?? 12;
  return user.scope.some((code) => record.divisionCode.startsWith(code) && code.length === digits);
}

/** The level a reviewer acts at (index into the form's levels), or null (an administrator, any level; none fits). */
export function reviewerLevel(user: UserRecord, definition: FormDefinition): number | null {
  if (user.role !== 'reviewer') return null;
  const levels = allReviewLevels(definition);
  const index = levels.findIndex((level) => user.scope.some((code) => code.length === level.divisionDigits));
  return index < 0 ? null : index;
}
