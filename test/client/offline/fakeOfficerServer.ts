// A stand-in for the server behind the officer's queue, in component tests: it keeps submissions
// (create by client id with replays answered as the first time, update with a revision check,
// a 422 on a submit missing D7), checks the session and its CSRF token as the real one does,
// and can be told what goes wrong next: a status, a cut connection before the request arrives,
// or after it was handled (the answer lost), or no answer at all.
import { vi } from 'vitest';

export interface Stored {
  id: string;
  revision: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  data: Record<string, unknown>;
  body: string;
  updatedBy: string;
}

type Trouble = { status: number; code?: string; message?: string; details?: unknown } | 'network' | 'lost' | 'hang';

export interface Recorded {
  method: string;
  path: string;
  body: any;
  csrf: string | null;
}

const OFFICER = { id: 'u-1', username: 'gaotan', displayName: '高滩村信息员', role: 'officer', scope: ['500118104201'] };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const problem = (status: number, code: string, message: string, details?: unknown) => json(status, { error: { code, message, details } });

export function fakeOfficerServer() {
  const submissions = new Map<string, Stored>();
  const requests: Recorded[] = [];
  const troubles: { method: string; trouble: Trouble }[] = [];
  const state = { sessionAlive: true, csrf: 'csrf-1', online: true, delayMs: 0 };

  function present(s: Stored) {
    return {
      id: s.id, formId: 'lookback', formVersion: 1, campaignId: '2021-lookback', householdId: 'h-1', divisionCode: '500118104201',
      headName: '张德明', headIdNumber: '500118196503120011', status: s.status, statusLabel: s.status, waitingOn: null, reviewLevel: 0,
      data: s.data, errors: [], warnings: [], revision: s.revision, returnComment: null, createdBy: 'u-1',
      updatedAt: '2021-11-20T01:00:00.000Z', submittedAt: null, approvedAt: null,
      history: [{ id: s.revision, at: '2021-11-20T01:00:00.000Z', username: s.updatedBy, action: 'save', status: s.status, level: null, comment: null, changes: [] }],
      corrections: [],
    };
  }

  function handle(method: string, url: URL, body: any, csrf: string | null): Response {
    if (url.pathname === '/api/session' && method === 'GET') {
      return state.sessionAlive ? json(200, { user: OFFICER, csrfToken: state.csrf }) : problem(401, 'unauthenticated', '请先登录');
    }
    if (!state.sessionAlive) return problem(401, 'unauthenticated', '请先登录');
    if (method !== 'GET' && csrf !== state.csrf) return problem(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    const invalid = (data: Record<string, unknown>, submit: boolean) => submit && !data.D7
      ? problem(422, 'invalid_submission', '数据有误', { errors: [{ path: '/D7', code: 'required', field: 'D7', message: 'D7 家庭困难现状描述：必填' }], warnings: [] })
      : null;
    if (method === 'POST' && url.pathname === '/api/forms/lookback/submissions') {
      const text = JSON.stringify(body);
      const existing = submissions.get(body.id);
      if (existing) return existing.body === text ? json(201, present(existing)) : problem(409, 'conflict', `提交编号 ${body.id} 已被另一份内容使用`);
      const refused = invalid(body.data, body.submit);
      if (refused) return refused;
      const stored: Stored = { id: body.id, revision: 1, status: body.submit ? 'submitted' : 'draft', data: body.data, body: text, updatedBy: 'gaotan' };
      submissions.set(stored.id, stored);
      return json(201, present(stored));
    }
    const match = /^\/api\/submissions\/([^/]+)$/.exec(url.pathname);
    if (match) {
      const record = submissions.get(match[1]!);
      if (!record) return problem(404, 'not_found', '提交不存在');
      if (method === 'GET') return json(200, present(record));
      if (record.revision !== body.revision) return problem(409, 'stale_revision', `此表已被修改（当前版本 ${record.revision}，您编辑的是版本 ${body.revision}），请刷新后再改`, { revision: record.revision });
      if (record.status === 'submitted' || record.status === 'approved') return problem(409, 'conflict', '此表已提交，正在审核，不能修改');
      const refused = invalid(body.data, body.submit);
      if (refused) return refused;
      Object.assign(record, { revision: record.revision + 1, data: body.data, status: body.submit ? 'submitted' : record.status, updatedBy: 'gaotan' });
      return json(200, present(record));
    }
    return problem(404, 'not_found', `未模拟 ${method} ${url.pathname}`);
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://local');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const csrf = new Headers(init.headers).get('X-CSRF-Token');
    requests.push({ method, path: url.pathname, body, csrf });
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (!state.online) throw new TypeError('Failed to fetch');
    const i = troubles.findIndex((t) => t.method === method);
    const trouble = i >= 0 ? troubles.splice(i, 1)[0]!.trouble : null;
    if (trouble === 'network') throw new TypeError('Failed to fetch');
    // No answer ever: only the caller giving up (its signal) ends the wait.
    if (trouble === 'hang') {
      await new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }
    if (trouble && typeof trouble === 'object') return problem(trouble.status, trouble.code ?? 'internal', trouble.message ?? '服务器出错', trouble.details);
    const answer = handle(method, url, body, csrf);
    if (trouble === 'lost') throw new TypeError('Failed to fetch');
    return answer;
  });

  return {
    fetch,
    submissions,
    requests,
    state,
    /** The next request of this method meets the trouble (once). */
    failNext(method: string, trouble: Trouble) {
      troubles.push({ method, trouble });
    },
    /** Someone else saves the submission (a colleague on another phone). */
    changeElsewhere(id: string, data: Record<string, unknown>) {
      const record = submissions.get(id)!;
      Object.assign(record, { revision: record.revision + 1, data, updatedBy: 'puan' });
    },
    sends: () => requests.filter((r) => r.method !== 'GET'),
  };
}
