import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SubmissionHistory } from '../../../client/pages/reviewer/SubmissionHistory';
import { loadForm } from '../../helpers/forms';

const definition = loadForm('monitoring-object');

describe('SubmissionHistory', () => {
  it('lists who did what and when, newest first, with the changed fields by their titles and the reviewer\'s comment', () => {
    render(<SubmissionHistory definition={definition} history={[
      { id: 1, submissionId: 's-1', at: '2021-11-20T01:00:00.000Z', userId: 'u-1', username: 'gaotan', action: 'submit', status: 'submitted', level: null, comment: null, changes: [{ field: '/A28', to: 12000 }] },
      { id: 2, submissionId: 's-1', at: '2021-11-21T02:00:00.000Z', userId: 'u-1', username: 'linjiang', action: 'return', status: 'returned', level: 0, comment: 'A28 偏低', changes: [] },
      { id: 3, submissionId: 's-1', at: '2021-11-22T03:00:00.000Z', userId: 'u-1', username: 'gaotan', action: 'submit', status: 'submitted', level: null, comment: null, changes: [{ field: '/A28', from: 12000, to: 15000 }, { field: '/members/1/A5', from: '李秀兰', to: '李秀芝' }] },
      { id: 4, submissionId: 's-1', at: '2021-11-23T04:00:00.000Z', userId: 'u-1', username: 'yongchuan', action: 'approve', status: 'approved', level: 1, comment: null, changes: [{ field: 'registry', note: 'kind：脱贫户 → 脱贫不稳定户' }] },
    ]} />);
    const events = screen.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('rv-history'));
    expect(events.map((e) => e.querySelector('strong')!.textContent)).toEqual(['审核通过', '正式提交', '退回', '正式提交']);
    expect(events[0]).toHaveTextContent('（县级确定）');
    expect(events[0]).toHaveTextContent('yongchuan · 2021-11-23 12:00');
    expect(within(events[0]!).getByText('kind：脱贫户 → 脱贫不稳定户')).toBeInTheDocument();
    expect(within(events[1]!).getByText('A28 工资性收入（元）：12000 → 15000')).toBeInTheDocument();
    expect(within(events[1]!).getByText('家庭成员信息第 2 行：A5 姓名：李秀兰 → 李秀芝')).toBeInTheDocument();
    expect(events[2]).toHaveTextContent('（乡镇审核）');
    expect(events[2]).toHaveTextContent('意见：A28 偏低');
    expect(within(events[3]!).getByText('A28 工资性收入（元）：（空） → 12000')).toBeInTheDocument();
  });
});
