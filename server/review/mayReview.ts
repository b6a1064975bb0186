// The level a reviewer acts at, for the reviewer's table. Whether a user may act on a submission
// now is the engine's mayReview, the same rule on the client.
import { allReviewLevels, type FormDefinition } from '@engine';
import type { UserRecord } from '../store/records';

/** The level a reviewer acts at (index into the form's levels), or null (an administrator, any level; none fits). */
export function reviewerLevel(user: UserRecord, definition: FormDefinition): number | null {
  if (user.role !== 'reviewer') return null;
  const levels = allReviewLevels(definition);
  const index = levels.findIndex((level) => user.scope.some((code) => code.length === level.divisionDigits));
  return index < 0 ? null : index;
}
