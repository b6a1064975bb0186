// Whether a user may act on a submission now: it is submitted, and the user is an administrator,
// or a reviewer whose scope code covers the submission's village and has the length of the level
// it waits on (its own chain: an escalation that holds may add the county). The one rule the
// server's review, its reviewer table and the client's buttons apply.
import type { FormData, FormDefinition } from '../types';
import { reviewChain } from './reviewChain';

export interface Reviewer {
  role: string;
  scope: readonly string[];
}

export interface AwaitingReview {
  status: string;
  /** The index of the level it waits on in its chain. */
  reviewLevel: number;
  divisionCode: string;
  data?: FormData;
}

export function mayReview(user: Reviewer, definition: FormDefinition, submission: AwaitingReview): boolean {
  if (submission.status !== 'submitted') return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'reviewer') return false;
  const levels = reviewChain(definition, submission.data).levels;
  if (levels.length === 0) return true;
  const digits = levels[submission.reviewLevel]?.divisionDigits ?? 12;
  return user.scope.some((code) => submission.divisionCode.startsWith(code) && code.length === digits);
}
