// A form's submissions under the table's filters, page after page of 200 from the list API (with
// their data), up to a limit: the sheets of a village to print, the village's positions to plot.
import type { Submission } from '../../api/types';
import { reviewerApi } from './reviewerApi';

export interface SubmissionFilters {
  campaign?: string;
  division?: string;
  status?: string;
  sort?: 'updatedAt' | 'headName';
  order?: 'asc' | 'desc';
}

export async function listAllSubmissions(formId: string, filters: SubmissionFilters, max: number): Promise<{ items: Submission[]; cut: boolean }> {
  const items: Submission[] = [];
  let total = Number.POSITIVE_INFINITY;
  for (let page = 1; items.length < Math.min(total, max); page++) {
    const answer = await reviewerApi.submissions(formId, { ...filters, page, pageSize: 200 });
    total = answer.total;
    items.push(...answer.items);
    if (answer.items.length === 0) break;
  }
  return { items: items.slice(0, max), cut: total > max };
}
