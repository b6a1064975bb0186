// The officer's 评议公示 page on the phone: the village's board (the reviewer's components, shared),
// a village picked among the officer's own, the meeting recorded for that village, and the
// notice printed from the officer's own print page — listing households, never ID numbers.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../client/app/App';
import { SessionProvider } from '../../../client/app/SessionContext';
import type { DeliberationBoard } from '../../../client/api/types';
import { fakeServer } from '../reviewer/fixtures';

const OFFICER = { id: 'u-1', username: 'gaotan', displayName: '周志勇', phone: '13983011201', role: 'officer', scope: ['500118104201', '500118104202'] };
const DIVISIONS = { items: [
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104201', name: '高滩村', parentCode: '500118104' },
  { code: '500118104202', name: '普安村', parentCode: '500118104' },
] };
const STEPS = [
  { id: 'appraisal', kind: 'appraisal' as const, title: '民主评议', before: 'township' },
  { id: 'notice', kind: 'notice' as const, title: '公示', before: 'township', days: 7 },
];
const SET = { campaignId: '2021', campaignTitle: '2021年度', formId: 'poverty-identification', formTitle: '防返贫监测对象识别', steps: STEPS };
const NOTICE = {
  id: 'n-1', kind: 'notice', campaignId: '2021', formId: 'poverty-identification', stepId: 'notice', divisionCode: '500118104202', submissionIds: ['s-2'],
  recordedBy: 'u-1', recordedAt: '2021-11-21T01:00:00Z', revision: 1,
  body: {
    title: '普安村防返贫监测对象识别公示', divisionName: '普安村', startsOn: '2021-11-21', days: 7, endsOn: '2021-11-27', contact: '普安村村委会',
    households: [{ submissionId: 's-2', headName: '王桂芳', size: 4, category: '突发严重困难户 / 因病' }],
  },
};

function boardOf(code: string): DeliberationBoard {
  const village = DIVISIONS.items.find((d) => d.code === code)!;
  return {
    campaignId: '2021', campaignTitle: '2021年度', formId: 'poverty-identification', formTitle: '防返贫监测对象识别', division: { code, name: village.name },
    steps: STEPS,
    submissions: [{
      id: code === '500118104201' ? 's-1' : 's-2', revision: 4, headName: code === '500118104201' ? '张德明' : '王桂芳', divisionCode: code,
      submittedAt: '2021-11-20T01:00:00Z', waitingOn: '乡镇审核', gate: { open: false, stepId: 'notice', reason: '公示期至 2021-11-27 结束，期满后方可审核', mustReturn: false }, done: [],
    }],
    records: code === '500118104202' ? [NOTICE as DeliberationBoard['records'][number]] : [],
  };
}

function open(path: string, sets = [SET]) {
  window.history.replaceState(null, '', path);
  const server = fakeServer({
    'GET /api/session': () => ({ user: OFFICER, csrfToken: 't' }),
    'GET /api/divisions': () => DIVISIONS,
    'GET /api/deliberation/steps': () => ({ items: sets }),
    'GET /api/deliberation/board': (_, url) => boardOf(url.searchParams.get('division')!),
    'POST /api/deliberation/meetings': () => ({ id: 'm-1' }),
    'GET /api/deliberation/records/n-1': () => NOTICE,
  });
  vi.stubGlobal('fetch', server.fetch);
  render(<SessionProvider><App /></SessionProvider>);
  return server;
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('the officer\'s 评议公示', () => {
  it('shows the first village\'s board, and records a meeting for it with the households ticked', async () => {
    const server = open('/deliberation');
    // The page loads when opened (a lazy chunk): the first wait allows for that.
    expect(await screen.findByRole('heading', { name: '高滩村 · 防返贫监测对象识别' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '评议公示' })).toBeInTheDocument();
    expect(screen.getByText('公示期至 2021-11-27 结束，期满后方可审核')).toBeInTheDocument();
    const form = screen.getByRole('region', { name: '记录民主评议：民主评议' });
    fireEvent.click(screen.getByLabelText('选择 张德明'));
    fireEvent.change(within(form).getByLabelText('会议日期'), { target: { value: '2021-11-20' } });
    fireEvent.change(within(form).getByLabelText('参会人数'), { target: { value: '28' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(server.calls.filter((c) => c.url.pathname === '/api/deliberation/board')).toHaveLength(2));
    expect(server.calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      campaignId: '2021', formId: 'poverty-identification', stepId: 'appraisal', divisionCode: '500118104201', heldOn: '2021-11-20', participantCount: 28,
      results: [{ submissionId: 's-1', revision: 4, result: 'agree' }],
    });
  });

  it('switches to another of the officer\'s villages, and prints its notice on the officer\'s own print page', async () => {
    const server = open('/deliberation');
    const village = await screen.findByLabelText('村', {}, { timeout: 5000 });
    expect([...(village as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['高滩村', '普安村']);
    fireEvent.change(village, { target: { value: '500118104202' } });
    expect(await screen.findByRole('heading', { name: '普安村 · 防返贫监测对象识别' })).toBeInTheDocument();
    expect(server.calls.at(-1)!.url.searchParams.get('division')).toBe('500118104202');
    const print = screen.getByRole('link', { name: '打印公示' });
    expect(print).toHaveAttribute('href', '/deliberation/notices/n-1/print');
    fireEvent.click(print);
    expect(await screen.findByRole('heading', { name: '普安村防返贫监测对象识别公示' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('1王桂芳4突发严重困难户 / 因病');
    expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);
  });

  it('says so when no open campaign has these steps', async () => {
    open('/deliberation?village=500118104202', []);
    expect(await screen.findByText(/开放的活动中没有设民主评议或公示的表单/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /记录民主评议/ })).toBeNull();
  });
});
