import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SubmissionTable } from '../../../client/pages/reviewer/SubmissionTable';
import type { TableQuery } from '../../../client/pages/reviewer/tableQuery';
import { COLUMNS, ROWS, row } from './fixtures';

function Table({ query = {}, onSort = vi.fn(), rows = ROWS }: { query?: Pick<TableQuery, 'sort' | 'order'>; onSort?: () => void; rows?: typeof ROWS }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return (
    <>
      <SubmissionTable rows={rows} columns={COLUMNS} query={query} onSort={onSort} selected={selected} onSelect={setSelected} />
      <output data-testid="chosen">{[...selected].join(',')}</output>
    </>
  );
}

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('SubmissionTable', () => {
  it('shows each row\'s village, head, ID number, submission time in China time, officer and key values', () => {
    render(<Table />);
    const first = within(rowOf('张德明'));
    expect(first.getByText('高滩村')).toBeInTheDocument();
    // Masked in the list: shown whole to a reviewer who opens the record.
    expect(first.getByText('5001**********0011')).toBeInTheDocument();
    expect(first.getByText('2021-11-20 09:00')).toBeInTheDocument();
    expect(first.getByText('高滩村信息员')).toBeInTheDocument();
    expect(first.getByText('6000-9000元')).toBeInTheDocument();
    expect(first.getByText('5,400')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'C2 估计该户人均收入' })).toBeInTheDocument();
    expect(within(rowOf('陈光明')).getAllByText('—')).toHaveLength(3);
  });

  it('says what each row waits on: the reviewer\'s turn, another level, the officer, or nothing', () => {
    render(<Table />);
    expect(within(rowOf('张德明')).getByText('等待乡镇审核 · 待您审核')).toBeInTheDocument();
    expect(within(rowOf('王桂芳')).getByText('等待县级确定')).toBeInTheDocument();
    expect(within(rowOf('李秀兰')).getByText('待信息员修改：A28 偏低，请核实务工收入')).toBeInTheDocument();
    expect(within(rowOf('李秀兰')).getByText('已退回')).toBeInTheDocument();
    expect(within(rowOf('刘大勇')).getByText('2021-11-21 16:30 通过')).toBeInTheDocument();
    expect(within(rowOf('陈光明')).getByText('尚未提交')).toBeInTheDocument();
    expect(within(rowOf('王桂芳')).getByText('2 条提示')).toBeInTheDocument();
  });

  it('lets only the rows this reviewer may act on be chosen, one by one or the whole page', () => {
    render(<Table rows={[...ROWS, row({ id: 'r-6', headName: '赵一' })]} />);
    expect(within(rowOf('李秀兰')).queryByRole('checkbox')).toBeNull();
    expect(within(rowOf('王桂芳')).queryByRole('checkbox')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: '选择 张德明' }));
    expect(screen.getByTestId('chosen')).toHaveTextContent('r-1');
    fireEvent.click(screen.getByRole('checkbox', { name: '选择本页可审核的表' }));
    expect(screen.getByTestId('chosen')).toHaveTextContent('r-1,r-6');
    fireEvent.click(screen.getByRole('checkbox', { name: '选择本页可审核的表' }));
    expect(screen.getByTestId('chosen')).toHaveTextContent('');
  });

  it('sorts by a column header, and the other way when it is already sorted by it', () => {
    const onSort = vi.fn();
    const { rerender } = render(<Table onSort={onSort} />);
    fireEvent.click(screen.getByRole('button', { name: /^户主/ }));
    expect(onSort).toHaveBeenLastCalledWith('headName', 'asc');
    rerender(<Table onSort={onSort} query={{ sort: 'headName', order: 'asc' }} />);
    expect(screen.getByRole('columnheader', { name: /户主/ })).toHaveAttribute('aria-sort', 'ascending');
    fireEvent.click(screen.getByRole('button', { name: /^户主/ }));
    expect(onSort).toHaveBeenLastCalledWith('headName', 'desc');
    fireEvent.click(screen.getByRole('button', { name: /^提交时间/ }));
    expect(onSort).toHaveBeenLastCalledWith('submittedAt', 'asc');
  });

  it('says so when no row matches', () => {
    render(<Table rows={[]} />);
    expect(screen.getByText('没有符合条件的表')).toBeInTheDocument();
  });

  it('shows what officers typed as text, never as HTML', () => {
    const { container } = render(<Table rows={[row({ headName: '<img src=x onerror=alert(1)>', keyValues: { C2: '<b>粗</b>', A34: 1 } })]} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByText('<b>粗</b>')).toBeInTheDocument();
  });
});
