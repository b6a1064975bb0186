// The calls of the households to verify (重点核查户) pages, typed by the API contract.
import type { CloseVerification, NewVerification, VerificationItem, VerificationPage } from '@engine/contract';
import { api } from '../api/http';

export interface VerificationQuery {
  division?: string;
  state?: string;
  source?: string;
  page?: number;
}

function search(params: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') out.set(name, String(value));
  return out.size ? `?${out}` : '';
}

export const verificationApi = {
  list: (q: VerificationQuery) => api<VerificationPage>('GET', `/api/verification-items${search({ ...q, pageSize: 50 })}`),
  get: (id: string) => api<VerificationItem>('GET', `/api/verification-items/${encodeURIComponent(id)}`),
  add: (body: NewVerification) => api<VerificationItem>('POST', '/api/verification-items', body),
  close: (id: string, body: CloseVerification) => api<VerificationItem>('POST', `/api/verification-items/${encodeURIComponent(id)}/close`, body),
  link: (id: string, submissionId: string) => api<VerificationItem>('POST', `/api/verification-items/${encodeURIComponent(id)}/link`, { submissionId }),
  exportUrl: (q: Omit<VerificationQuery, 'page'>, format: 'csv' | 'xlsx') => `/api/verification-items/export${search({ ...q, format })}`,
};
