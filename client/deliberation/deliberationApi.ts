// The calls of the 民主评议 and 公示 pages, typed: the forms with steps, a village's board, one
// record (the printed notice), the writes, and one submission's gate.
import { api } from '../api/http';
import type {
  DeliberationBoard, DeliberationRecordOut, DeliberationStepSet, NewMeeting, NewNotice, NewObjection, ResolveObjection, SubmissionDeliberation,
} from '../api/types';

const enc = encodeURIComponent;

export const deliberationApi = {
  stepSets: () => api<{ items: DeliberationStepSet[] }>('GET', '/api/deliberation/steps'),
  board: (campaignId: string, formId: string, division: string) =>
    api<DeliberationBoard>('GET', `/api/deliberation/board?campaignId=${enc(campaignId)}&formId=${enc(formId)}&division=${enc(division)}`),
  record: (id: string) => api<DeliberationRecordOut>('GET', `/api/deliberation/records/${enc(id)}`),
  meeting: (body: NewMeeting) => api<DeliberationRecordOut>('POST', '/api/deliberation/meetings', body),
  notice: (body: NewNotice) => api<DeliberationRecordOut>('POST', '/api/deliberation/notices', body),
  objection: (noticeId: string, body: NewObjection) => api<DeliberationRecordOut>('POST', `/api/deliberation/notices/${enc(noticeId)}/objections`, body),
  resolve: (id: string, body: ResolveObjection) => api<DeliberationRecordOut>('POST', `/api/deliberation/objections/${enc(id)}/resolve`, body),
  ofSubmission: (id: string) => api<SubmissionDeliberation>('GET', `/api/deliberation/submissions/${enc(id)}`),
};
