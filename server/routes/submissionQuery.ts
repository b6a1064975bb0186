// The filters of a form's submission list (the contract's SubmissionListQuerySchema) as the store's
// filter, shared by the list and the export so an export holds exactly the rows the table shows.
import { chinaDayStart } from '@engine';
import type { z } from 'zod';
import type { SubmissionListQuerySchema } from '@engine/contract/submissions';
import type { SubmissionFilter } from '../store/Store';
import { searchText } from './searchText';

export type SubmissionListQuery = z.output<typeof SubmissionListQuerySchema>;

export function toFilter(formId: string, scope: string[], q: Omit<SubmissionListQuery, 'page' | 'pageSize'>): SubmissionFilter {
  return {
    scope, formId, campaignId: q.campaign, division: q.division, status: q.status, q: searchText(q.q),
    // Days as the township counts them (China time): [from 00:00, the day after `to` 00:00).
    from: q.from ? chinaDayStart(q.from, 0) : undefined, to: q.to ? chinaDayStart(q.to, 1) : undefined, reviewLevel: q.level, sort: q.sort, order: q.order,
  };
}
