// What a reviewer reads before approving: each warning with the officer's explanation (核实说明),
// in the review dialog, in a batch approval and in the history; and how a return points the
// officer at fields (标注 beside a field, a note each, sent with the return).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormRenderer } from '../../../client/form/FormRenderer';
import { FormSession } from '../../../client/form/FormSession';
import { BatchApproveBar } from '../../../client/pages/reviewer/BatchApproveBar';
import { FieldNotesPanel } from '../../../client/pages/reviewer/FieldNotesPanel';
import { ReviewDialog, type MarkedField } from '../../../client/pages/reviewer/ReviewDialog';
import { SubmissionHistory } from '../../../client/pages/reviewer/SubmissionHistory';
import { loadCases, loadForm } from '../../helpers/forms';
import { preparedForm } from '../../helpers/preparedForm';
import { fakeServer, row } from './fixtures';

afterEach(() => vi.unstubAllGlobals());

const definition = loadForm('monitoring-object');
const WARNING = {
  path: '/A3', code: 'rule:kind-below-line-poverty-exited',
  message: 'A3 监测对象类别：A34 家庭人均纯收入 5999 元低于收入线 6000 元，脱贫户（A4 为“是”）应为脱贫不稳定户',
};
const GENDER = { path: '/members/1/A6', code: 'rule:member-gender-matches-id', message: '家庭成员信息第 2 行：A6 性别“男”与 A7 …第 17 位所示性别不一致，请核实' };
const EXPLAINED = { 'kind-below-line-poverty-exited': '户主年底务工收入已到账，已核实' };

describe('ReviewDialog before approving', () => {
  it('lists the warnings with the officer\'s explanation, and says where there is none', () => {
    render(<ReviewDialog submissionId="s-1" revision={2} onReload={vi.fn()} decision="approve" warnings={[WARNING, GENDER]} explanations={EXPLAINED} onClose={vi.fn()} onDone={vi.fn()} />);
    const list = screen.getByRole('region', { name: '本表有 2 条提示，通过前请阅读信息员的核实说明：' });
    expect(within(list).getByText(WARNING.message)).toBeInTheDocument();
    expect(within(list).getByText('核实说明：户主年底务工收入已到账，已核实')).toBeInTheDocument();
    expect(within(list).getByText('未填写核实说明')).toBeInTheDocument();
  });

  it('sends the marked fields with a return, and refuses a mark without a note', async () => {
    const server = fakeServer({ 'POST /api/submissions/s-1/review': () => ({ id: 's-1', status: 'returned' }) });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    const marks: MarkedField[] = [{ path: '/A28', label: 'A28 工资性收入（元）', note: ' 务工收入偏低，请核实 ' }, { path: '/members/1/A7', label: '家庭成员信息第 2 行：A7 证件号码', note: '' }];
    const view = render(<ReviewDialog submissionId="s-1" revision={2} onReload={vi.fn()} decision="return" fieldNotes={marks} onClose={vi.fn()} onDone={onDone} />);
    expect(screen.getByRole('region', { name: '退回时标注的字段（2 处）' })).toHaveTextContent('A28 工资性收入（元）：务工收入偏低，请核实');
    fireEvent.change(screen.getByLabelText('退回原因（必填）'), { target: { value: '请按标注修改' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请为每处标注写明要修改什么');
    expect(server.calls).toEqual([]);

    view.rerender(<ReviewDialog submissionId="s-1" revision={2} onReload={vi.fn()} decision="return" fieldNotes={[marks[0]!]} onClose={vi.fn()} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(server.calls[0]!.body).toEqual({ decision: 'return', revision: 2, comment: '请按标注修改', fieldNotes: [{ path: '/A28', note: '务工收入偏低，请核实' }] });
  });
});

describe('BatchApproveBar', () => {
  it('lists the chosen submissions with warnings, each warning with its explanation, before confirming', async () => {
    const server = fakeServer({ 'POST /api/approvals': () => ({ approved: 2, refused: 0, results: [] }) });
    vi.stubGlobal('fetch', server.fetch);
    const chosen = [
      row({ id: 'r-1', headName: '张德明' }),
      row({ id: 'r-2', headName: '李扎约', warningCount: 1, warnings: [WARNING], explanations: EXPLAINED }),
    ];
    render(<BatchApproveBar chosen={chosen} onClear={vi.fn()} onDone={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '批量通过' }));
    const list = screen.getByRole('region', { name: '其中 1 份有提示，通过前请阅读信息员的核实说明：' });
    expect(list).toHaveTextContent('高滩村 · 李扎约');
    expect(list).not.toHaveTextContent('张德明');
    expect(within(list).getByText('核实说明：户主年底务工收入已到账，已核实')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    await waitFor(() => expect(server.calls).toHaveLength(1));
  });
});

describe('SubmissionHistory', () => {
  it('shows a submit\'s explanations by the field they explain, and a return\'s notes on fields', () => {
    render(<SubmissionHistory definition={definition} history={[
      { id: 1, submissionId: 's-1', at: '2021-11-20T01:00:00.000Z', userId: 'u-1', username: 'gaotan', action: 'submit', status: 'submitted', level: null, comment: null, changes: [], explanations: EXPLAINED },
      { id: 2, submissionId: 's-1', at: '2021-11-21T02:00:00.000Z', userId: 'u-1', username: 'linjiang', action: 'return', status: 'returned', level: 0, comment: '请按标注修改', changes: [], fieldNotes: [{ path: '/A28', note: '务工收入偏低' }] },
    ]} />);
    expect(screen.getByText('A3 监测对象类别：户主年底务工收入已到账，已核实')).toBeInTheDocument();
    expect(screen.getByText('A28 工资性收入（元）：务工收入偏低')).toBeInTheDocument();
  });
});

describe('marking fields on the read-only form', () => {
  it('offers 标注 beside each field when the reviewer may return it, and the marked fields get a note each', () => {
    const li = loadCases('monitoring-object').find((c) => c.name.startsWith('脱贫户人均 5999 元（低于 6000 元收入线）'))!;
    const prepared = preparedForm(definition);
    const session = new FormSession({ form: prepared.form, context: { params: li.params, household: li.household ?? null }, data: li.data, explanations: EXPLAINED });
    const marked: string[] = [];
    const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} readOnlyView onMarkField={(p) => marked.push(p)} />);
    const a28 = view.container.querySelector<HTMLElement>('[data-pointer="/A28"]')!;
    fireEvent.click(within(a28).getByRole('button', { name: '标注' }));
    expect(marked).toEqual(['/A28']);
    // The warning at A3 shows with the officer's explanation.
    const a3 = view.container.querySelector<HTMLElement>('[data-pointer="/A3"]')!;
    expect(within(a3).getByText('核实说明：户主年底务工收入已到账，已核实')).toBeInTheDocument();

    const onChange = vi.fn();
    render(<FieldNotesPanel marks={[{ path: '/A28', label: 'A28 工资性收入（元）', note: '' }]} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('A28 工资性收入（元）'), { target: { value: '偏低' } });
    expect(onChange).toHaveBeenCalledWith([{ path: '/A28', label: 'A28 工资性收入（元）', note: '偏低' }]);
  });

  it('offers no 标注 without a reviewer able to act', () => {
    const prepared = preparedForm(definition);
    const session = new FormSession({ form: prepared.form, context: {}, data: {} });
    const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} readOnlyView />);
    expect(within(view.container).queryAllByRole('button', { name: '标注' })).toEqual([]);
  });
});
