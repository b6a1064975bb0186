// The reviewer's calls to the server, typed: the table, reviews one at a time and many at once,
// progress, data quality, and the catalogues the pages are built from.
import { api } from '../../api/http';
import { deviceLanguage } from '../../i18n/language';
import type {
  ApprovalsAnswer, ApprovalsRequest, Campaign, Division, DuplicateNumber, FieldNote, FormSummary, FormVersion, HouseholdDetail, HouseholdSummary, MissingHousehold,
  Paged, ProgressAnswer, QualityAnswer, ReviewRequest, ReviewRow, ReviewRowsPage, Submission, SubmissionDetail, WarnedSubmission,
} from '../../api/types';
import { tableSearch, type TableQuery } from './tableQuery';

const enc = encodeURIComponent;

function search(params: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') out.set(name, String(value));
  const text = out.toString();
  return text ? `?${text}` : '';
}

export const reviewerApi = {
  forms: () => api<{ items: FormSummary[] }>('GET', '/api/forms'),
  campaigns: () => api<{ items: Campaign[] }>('GET', '/api/campaigns'),
  divisions: () => api<{ items: Division[] }>('GET', '/api/divisions'),
  rows: (formId: string, query: TableQuery) => api<ReviewRowsPage>('GET', `/api/forms/${enc(formId)}/review-rows?${tableSearch(query)}`),
  /** How many of a form's submissions in my area wait for review. */
  waiting: async (formId: string) => (await api<{ total: number }>('GET', `/api/forms/${enc(formId)}/submissions?status=submitted&pageSize=1`)).total,
  /** A page of a form's submissions with their data (the sheets to print, the village's positions). */
  submissions: (formId: string, filters: { campaign?: string; division?: string; status?: string; sort?: string; order?: string; page: number; pageSize: number }) =>
    api<Paged<Submission>>('GET', `/api/forms/${enc(formId)}/submissions${search(filters)}`),
  /** A page of the registry's households of a division, with their members. */
  households: (division: string, page: number) => api<{ items: HouseholdSummary[]; total: number }>('GET', `/api/households${search({ division, page, pageSize: 200 })}`),
  submission: (id: string) => api<SubmissionDetail>('GET', `/api/submissions/${enc(id)}`),
  formVersion: (formId: string, version: number) => api<FormVersion>('GET', `/api/forms/${enc(formId)}/versions/${version}`),
  household: (id: string) => api<HouseholdDetail>('GET', `/api/households/${enc(id)}`),
  /** `revision`: the one the reviewer saw; the server refuses (409) if the submission changed since. */
  review: (id: string, revision: number, decision: 'approve' | 'return', comment: string, fieldNotes: FieldNote[] = []) =>
    api<Submission>('POST', `/api/submissions/${enc(id)}/review`, { decision, revision, ...(comment ? { comment } : {}), ...(fieldNotes.length ? { fieldNotes } : {}) } satisfies ReviewRequest),
  approveMany: (rows: Pick<ReviewRow, 'id' | 'revision'>[], comment?: string) =>
    api<ApprovalsAnswer>('POST', '/api/approvals', { items: rows.map(({ id, revision }) => ({ id, revision })), ...(comment ? { comment } : {}) } satisfies ApprovalsRequest),
  progress: (formId: string, campaign?: string, division?: string) =>
    api<ProgressAnswer>('GET', `/api/forms/${enc(formId)}/progress${search({ campaign, division })}`),
  missing: (formId: string, campaign: string | undefined, division: string | undefined, page: number) =>
    api<Paged<MissingHousehold>>('GET', `/api/forms/${enc(formId)}/progress/missing${search({ campaign, division, page, pageSize: 50 })}`),
  warnings: (form: string | undefined, division: string | undefined, page: number) =>
    api<QualityAnswer<WarnedSubmission>>('GET', `/api/quality/warnings${search({ form, division, page, pageSize: 50 })}`),
  duplicates: (division: string | undefined, page: number) =>
    api<QualityAnswer<DuplicateNumber>>('GET', `/api/quality/duplicates${search({ division, page, pageSize: 50 })}`),
};

/** Where the table's export downloads from: its filters, without paging or order; in English (lang=en) when the app is. */
export function exportUrl(formId: string, query: Partial<TableQuery>, format: 'csv' | 'xlsx' | 'zip'): string {
  const filters = tableSearch(query, 'filters');
  const lang = deviceLanguage() === 'en' ? '&lang=en' : '';
  return `/api/forms/${enc(formId)}/export?format=${format}${filters ? `&${filters}` : ''}${lang}`;
}

export function progressExportUrl(formId: string, campaign: string | undefined, division: string | undefined, format: 'csv' | 'xlsx', table?: 'summary' | 'missing'): string {
  return `/api/forms/${enc(formId)}/progress/export${search({ format, campaign, division, table })}`;
}
