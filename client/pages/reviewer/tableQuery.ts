// The reviewer's table filters as they live in the page's address (so a reload, the back button
// and a shared link all show the same table) and as the API reads them: the list, the table and
// the export take the very same parameters, so an export holds exactly the rows the table shows.
import type { SubmissionStatus } from '../../api/types';

export type SortColumn = 'updatedAt' | 'submittedAt' | 'headName' | 'divisionCode' | 'status';

export interface TableQuery {
  campaign?: string;
  division?: string;
  status?: SubmissionStatus;
  /** Review level (with status=submitted: "waiting on me"). */
  level?: number;
  q?: string;
  from?: string;
  to?: string;
  sort?: SortColumn;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const STATUSES = new Set(['draft', 'submitted', 'returned', 'approved']);
const SORTS = new Set(['updatedAt', 'submittedAt', 'headName', 'divisionCode', 'status']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZES = [20, 50, 100];

export const pageSizes = PAGE_SIZES;

/** What the address says, anything malformed left out (the server would refuse it). */
export function readTableQuery(params: URLSearchParams): TableQuery {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const status = text('status');
  const sort = text('sort');
  const level = Number(params.get('level'));
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    campaign: text('campaign'),
    division: /^\d{2,12}$/.test(params.get('division') ?? '') ? params.get('division')! : undefined,
    status: status && STATUSES.has(status) ? (status as SubmissionStatus) : undefined,
    level: params.has('level') && Number.isInteger(level) && level >= 0 ? level : undefined,
    q: text('q')?.slice(0, 50),
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined,
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined,
    sort: sort && SORTS.has(sort) ? (sort as SortColumn) : undefined,
    order: params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The query string of a table query; defaults (page 1, 20 a page) left out. `only` keeps just the filters. */
export function tableSearch(query: Partial<TableQuery>, only: 'all' | 'filters' = 'all'): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(name, String(value));
  };
  put('campaign', query.campaign);
  put('division', query.division);
  put('status', query.status);
  put('level', query.level);
  put('q', query.q);
  put('from', query.from);
  put('to', query.to);
  if (only === 'all') {
    put('sort', query.sort);
    put('order', query.order);
    if (query.page && query.page > 1) put('page', query.page);
    if (query.pageSize && query.pageSize !== 20) put('pageSize', query.pageSize);
  }
  return params.toString();
}
