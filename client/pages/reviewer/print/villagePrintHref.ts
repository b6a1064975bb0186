// The address of a village's sheets to print (PrintPage): a form's submissions of one village,
// one campaign and one status, 已通过 unless another is named.
import type { VillageQuery } from './loadSheets';

export function villagePrintHref(query: VillageQuery): string {
  const params = new URLSearchParams({ form: query.formId, division: query.division });
  if (query.campaign) params.set('campaign', query.campaign);
  params.set('status', query.status ?? 'approved');
  return `/review/print?${params}`;
}
