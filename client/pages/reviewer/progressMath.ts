// The few sums the progress page shows beside the server's counts.
import type { ProgressCounts } from '../../api/types';

export const filledOf = (c: ProgressCounts) => c.draft + c.submitted + c.returned + c.approved;

/** Expected households with a submission, as a percentage to one decimal ("75.0%"); '' with none expected. */
export function fillRate(c: ProgressCounts): string {
  if (c.expected === 0) return '';
  return `${(Math.round(((c.expected - c.missing) / c.expected) * 1000) / 10).toFixed(1)}%`;
}
