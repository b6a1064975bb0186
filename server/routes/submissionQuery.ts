// The filters of a form's submission list, shared by the list and the export so an export holds
// exactly the rows the table shows.
import { z } from '@hono/zod-openapi';
import type { SubmissionFilter } from '../store/Store';
import { chinaDayStart } from '../submissions/chinaMonth';
import { calendarDate as date, divisionCode } from './schemas';
import { searchText } from './searchText';

export const SubmissionListQuery = z.object({
  campaign: z.string().optional(),
  division: divisionCode.optional(),
  status: z.enum(['draft', 'submitted', 'returned', 'approved']).optional(),
  q: z.string().max(50).optional(),
  from: date.optional(),
  to: date.optional(),
  level: z.coerce.number().int().min(0).max(10).optional(),
  sort: z.enum(['updatedAt', 'submittedAt', 'headName', 'divisionCode', 'status']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export type SubmissionListQuery = z.infer<typeof SubmissionListQuery>;

export function toFilter(formId: string, scope: string[], q: Omit<SubmissionListQuery, 'page' | 'pageSize'>): SubmissionFilter {
  return {
    scope, formId, campaignId: q.campaign, division: q.division, status: q.status, q: searchText(q.q),
    // Days as the township counts them (China time): [from 00:00, the day after `to` 00:00).
    from: q.from ? chinaDayStart(q.from, 0) : undefined, to: q.to ? chinaDayStart(q.to, 1) : undefined, reviewLevel: q.level, sort: q.sort, order: q.order,
  };
}
