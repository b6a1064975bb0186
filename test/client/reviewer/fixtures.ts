// Rows and answers the reviewer's component tests are built from: a township's table of the
// 回头看 sheet with one row of each state.
import type { ReviewRow, ReviewRowsPage } from '../../../client/api/types';

export function row(overrides: Partial<ReviewRow> = {}): ReviewRow {
  return {
    id: 'r-1', formVersion: 1, campaignId: '2021-lookback', householdId: 'h-1', divisionCode: '500118104201', villageName: '高滩村',
    headName: '张德明', headIdNumber: '500118196503120011', status: 'submitted', statusLabel: '已提交', reviewLevel: 0, waitingOn: '乡镇审核',
    canReview: true, returnComment: null, revision: 1, createdBy: { id: 'u-1', name: '高滩村信息员' }, createdAt: '2021-11-20T01:00:00.000Z',
    updatedAt: '2021-11-20T01:00:00.000Z', submittedAt: '2021-11-20T01:00:00.000Z', approvedAt: null,
    keyValues: { C2: '6000-9000元', A34: 5400 }, errorCount: 0, warningCount: 0, escalation: null, warnings: [], explanations: {}, ...overrides,
  };
}

export const ROWS: ReviewRow[] = [
  row(),
  row({ id: 'r-2', headName: '李秀兰', divisionCode: '500118104202', villageName: '普安村', status: 'returned', statusLabel: '已退回', waitingOn: null, canReview: false, returnComment: 'A28 偏低，请核实务工收入', revision: 3 }),
  row({ id: 'r-3', headName: '王桂芳', status: 'submitted', reviewLevel: 1, waitingOn: '县级确定', canReview: false, warningCount: 2 }),
  row({ id: 'r-4', headName: '刘大勇', status: 'approved', statusLabel: '已通过', waitingOn: null, canReview: false, approvedAt: '2021-11-21T08:30:00.000Z' }),
  row({ id: 'r-5', headName: '陈光明', status: 'draft', statusLabel: '草稿', waitingOn: null, canReview: false, submittedAt: null, keyValues: { C2: null, A34: null } }),
];

export const COLUMNS = [{ key: 'C2', title: 'C2 估计该户人均收入' }, { key: 'A34', title: 'A34 家庭人均纯收入（元）' }];

export function page(overrides: Partial<ReviewRowsPage> = {}): ReviewRowsPage {
  return {
    items: ROWS, total: ROWS.length, page: 1, pageSize: 20, columns: COLUMNS,
    levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }, { id: 'county', title: '县级确定', divisionDigits: 6 }],
    myLevel: 0, byDivision: [{ divisionCode: '500118104201', count: 4 }, { divisionCode: '500118104202', count: 1 }], ...overrides,
  };
}

/** A fetch answering by method and path; unknown calls fail the test loudly. */
export function fakeServer(routes: Record<string, (body: unknown, url: URL) => unknown>) {
  const calls: { method: string; url: URL; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://local');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body });
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return new Response(JSON.stringify({ error: { code: 'not_found', message: `未模拟 ${method} ${url.pathname}` } }), { status: 404 });
    const answer = handler(body, url);
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, calls };
}
