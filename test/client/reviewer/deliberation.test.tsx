// The 民主评议 and 公示 pages against a stand-in server: the gate's reason in place of 通过, a
// meeting recorded for the households ticked (with the revision each was seen at), a notice's
// period shown as its start date is typed and a refusal in the server's words, and the printed
// notice listing households without ID numbers.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliberationBoard } from '../../../client/api/types';
import { DeliberationBoardView } from '../../../client/deliberation/DeliberationBoardView';
import { GateButton } from '../../../client/pages/reviewer/deliberation/GateButton';
import { NoticePrintPage } from '../../../client/deliberation/NoticePrintPage';
import { fakeServer } from './fixtures';

afterEach(() => vi.unstubAllGlobals());

const STEPS = [
  { id: 'appraisal', kind: 'appraisal' as const, title: '民主评议', before: 'township' },
  { id: 'notice', kind: 'notice' as const, title: '公示', before: 'township', days: 7 },
];
const shut = (stepId: string, reason: string, mustReturn = false) => ({ open: false, stepId, reason, mustReturn });

function board(overrides: Partial<DeliberationBoard> = {}): DeliberationBoard {
  return {
    campaignId: '2021', campaignTitle: '2021年度', formId: 'monitoring-object', formTitle: '监测对象识别', division: { code: '500118104201', name: '高滩村' },
    steps: STEPS,
    submissions: [
      { id: 's-1', revision: 3, headName: '张德明', divisionCode: '500118104201', submittedAt: '2021-11-20T01:00:00Z', waitingOn: '乡镇审核', gate: shut('appraisal', '等待“民主评议”：本户的评议结果尚未记录'), done: [] },
      { id: 's-2', revision: 5, headName: '王桂芳', divisionCode: '500118104201', submittedAt: '2021-11-19T01:00:00Z', waitingOn: '乡镇审核', gate: shut('appraisal', '“民主评议”结果为不同意（2021-11-20），不能通过，请退回', true), done: [] },
    ],
    records: [],
    ...overrides,
  };
}

describe('GateButton', () => {
  it('shows why the level may not approve yet instead of 通过', async () => {
    const server = fakeServer({ 'GET /api/deliberation/submissions/s-1': () => ({ steps: STEPS, records: [], gate: shut('notice', '公示期至 2021-11-27 结束，期满后方可审核') }) });
    vi.stubGlobal('fetch', server.fetch);
    render(<GateButton submissionId="s-1" revision={3} onApprove={vi.fn()} />);
    expect(await screen.findByTestId('gate-reason')).toHaveTextContent('暂不能通过：公示期至 2021-11-27 结束，期满后方可审核');
    expect(screen.queryByRole('button', { name: '通过' })).toBeNull();
  });

  it('says the reviewer must return a household the meeting disagreed with', async () => {
    const server = fakeServer({ 'GET /api/deliberation/submissions/s-2': () => ({ steps: STEPS, records: [], gate: shut('appraisal', '“民主评议”结果为不同意（2021-11-20），不能通过，请退回', true) }) });
    vi.stubGlobal('fetch', server.fetch);
    render(<GateButton submissionId="s-2" revision={5} onApprove={vi.fn()} />);
    expect(await screen.findByTestId('gate-reason')).toHaveTextContent('（须退回）');
  });

  it('offers 通过 once the steps are done', async () => {
    const server = fakeServer({ 'GET /api/deliberation/submissions/s-1': () => ({ steps: STEPS, records: [], gate: { open: true } }) });
    vi.stubGlobal('fetch', server.fetch);
    const onApprove = vi.fn();
    render(<GateButton submissionId="s-1" revision={3} onApprove={onApprove} />);
    const button = await screen.findByRole('button', { name: '通过' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(onApprove).toHaveBeenCalled();
  });
});

it('offers 通过 when the gate cannot be read: the server still refuses a shut gate with its reason', async () => {
  const server = fakeServer({ 'GET /api/deliberation/submissions/s-1': () => new Response('{}', { status: 500 }) });
  vi.stubGlobal('fetch', server.fetch);
  render(<GateButton submissionId="s-1" revision={3} onApprove={vi.fn()} />);
  await waitFor(() => expect(screen.getByRole('button', { name: '通过' })).toBeEnabled());
});

describe('the board', () => {
  it('lists each household with where it stands', () => {
    render(<DeliberationBoardView board={board()} reload={vi.fn()} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('等待“民主评议”：本户的评议结果尚未记录')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('“民主评议”结果为不同意（2021-11-20），不能通过，请退回（须退回）');
  });

  it('records a meeting for the households ticked, each at the revision seen, then reloads', async () => {
    const server = fakeServer({ 'POST /api/deliberation/meetings': () => ({ id: 'm-1' }) });
    vi.stubGlobal('fetch', server.fetch);
    const reload = vi.fn();
    render(<DeliberationBoardView board={board()} reload={reload} />);
    const form = screen.getByRole('region', { name: '记录民主评议：民主评议' });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('请先在上表中勾选要评议或公示的户');
    expect(server.calls).toEqual([]);

    fireEvent.click(screen.getByLabelText('选择 张德明'));
    fireEvent.click(screen.getByLabelText('选择 王桂芳'));
    fireEvent.change(within(form).getByLabelText('会议日期'), { target: { value: '2021-11-20' } });
    fireEvent.change(within(form).getByLabelText('会议地点'), { target: { value: '高滩村村委会' } });
    fireEvent.change(within(form).getByLabelText('主持人'), { target: { value: '陈明' } });
    fireEvent.change(within(form).getByLabelText('参会人数'), { target: { value: '28' } });
    fireEvent.change(within(form).getByLabelText('王桂芳 评议结果'), { target: { value: 'disagree' } });
    fireEvent.change(within(form).getByLabelText('王桂芳 说明'), { target: { value: '家中有商品房' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(server.calls[0]!.body).toMatchObject({
      campaignId: '2021', formId: 'monitoring-object', stepId: 'appraisal', divisionCode: '500118104201', heldOn: '2021-11-20',
      place: '高滩村村委会', host: '陈明', participantCount: 28,
      results: [{ submissionId: 's-1', revision: 3, result: 'agree' }, { submissionId: 's-2', revision: 5, result: 'disagree', note: '家中有商品房' }],
    });
  });

  it('shows a notice\'s period as its start is typed, and the server\'s refusal in its words', async () => {
    const server = fakeServer({
      'POST /api/deliberation/notices': () => new Response(JSON.stringify({ error: { code: 'conflict', message: '张德明：等待“民主评议”：本户的评议结果尚未记录，不能公示' } }), { status: 409 }),
    });
    vi.stubGlobal('fetch', server.fetch);
    render(<DeliberationBoardView board={board()} reload={vi.fn()} />);
    const form = screen.getByRole('region', { name: '张贴公示：公示' });
    fireEvent.change(within(form).getByLabelText('公示开始日期'), { target: { value: '2021-11-21' } });
    expect(within(form).getByText('公示 7 天，至 2021-11-27')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('选择 张德明'));
    fireEvent.change(within(form).getByLabelText('异议受理（单位、电话）'), { target: { value: '高滩村村委会' } });
    fireEvent.click(within(form).getByRole('button', { name: '张贴公示' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('张德明：等待“民主评议”：本户的评议结果尚未记录，不能公示');
    expect(server.calls[0]!.body).toMatchObject({ startsOn: '2021-11-21', contact: '高滩村村委会', submissions: [{ submissionId: 's-1', revision: 3 }] });
  });
});

describe('the printed notice', () => {
  it('lists the households with family size and category, the period and where to object, and no ID number', async () => {
    const server = fakeServer({
      'GET /api/deliberation/records/n-1': () => ({
        id: 'n-1', kind: 'notice', campaignId: '2021', formId: 'monitoring-object', stepId: 'notice', divisionCode: '500118104201', submissionIds: ['s-1'],
        recordedBy: 'u-1', recordedAt: '2021-11-21T01:00:00Z', revision: 1,
        body: {
          title: '高滩村防返贫监测对象识别公示', divisionName: '高滩村', startsOn: '2021-11-21', days: 7, endsOn: '2021-11-27', contact: '高滩村村委会（电话 023-49000000）',
          households: [{ submissionId: 's-1', headName: '张德明', size: 3, category: '边缘易致贫户 / 因病' }],
        },
      }),
    });
    vi.stubGlobal('fetch', server.fetch);
    render(<NoticePrintPage id="n-1" />);
    expect(await screen.findByRole('heading', { name: '高滩村防返贫监测对象识别公示' })).toBeInTheDocument();
    expect(screen.getByText(/公示期为 7 天（2021-11-21 至 2021-11-27）。如有异议，请在公示期内向高滩村村委会（电话 023-49000000）反映/)).toBeInTheDocument();
    const household = screen.getAllByRole('row')[1]!;
    expect(household).toHaveTextContent('1张德明3边缘易致贫户 / 因病');
    expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);
  });
});
