// Whether the signed-in user may act on a submission now, by the rule the server applies
// (server/review/mayReview.ts): submitted, and an administrator, or a reviewer whose scope code
// has the length of the level it waits on. It only decides which buttons show.
import { reviewChain, type FormDefinition, type FormData } from '@engine';
import type { User } from '../../api/types';

export function mayReview(user: User, definition: FormDefinition, s: { status: string; reviewLevel: number; divisionCode: string; data?: FormData }): boolean {
  if (s.status !== 'submitted') return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'reviewer') return false;
  const levels = reviewChain(definition, s.data).levels;
  if (levels.length === 0) return true;
  const digits = levels[s.reviewLevel]?.divisionDigits ?? 12;
  return user.scope.some((code) => s.divisionCode.startsWith(code) && code.length === digits);
}
