import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SubmissionFilters } from '../../../client/pages/reviewer/SubmissionFilters';
import { readTableQuery, tableSearch, type TableQuery } from '../../../client/pages/reviewer/tableQuery';

const base: TableQuery = { page: 3, pageSize: 20 };

describe('SubmissionFilters', () => {
  it('filters by status from the first page', () => {
    const onChange = vi.fn();
    render(<SubmissionFilters query={base} myLevel={0} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'returned' } });
    expect(onChange).toHaveBeenLastCalledWith({ status: 'returned', level: undefined, page: 1 });
  });

  it('shows only what waits on me: submitted at my level', () => {
    const onChange = vi.fn();
    const { rerender } = render(<SubmissionFilters query={base} myLevel={1} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('只看待我审核'));
    expect(onChange).toHaveBeenLastCalledWith({ status: 'submitted', level: 1, page: 1 });
    rerender(<SubmissionFilters query={{ ...base, status: 'submitted', level: 1 }} myLevel={1} onChange={onChange} />);
    expect(screen.getByLabelText('只看待我审核')).toBeChecked();
    fireEvent.click(screen.getByLabelText('只看待我审核'));
    expect(onChange).toHaveBeenLastCalledWith({ status: undefined, level: undefined, page: 1 });
  });

  it('searches a head\'s name or ID number on 搜索, not on every keystroke', () => {
    const onChange = vi.fn();
    render(<SubmissionFilters query={base} myLevel={0} onChange={onChange} />);
    fireEvent.change(screen.getByRole('searchbox', { name: '户主姓名或证件号码' }), { target: { value: '  张德明 ' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    expect(onChange).toHaveBeenLastCalledWith({ q: '张德明', page: 1 });
  });

  it('filters by submission dates and clears every filter at once', () => {
    const onChange = vi.fn();
    render(<SubmissionFilters query={{ ...base, status: 'draft', q: '王' }} myLevel={0} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('提交日期从'), { target: { value: '2021-11-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2021-11-01', page: 1 });
    fireEvent.change(screen.getByLabelText('到'), { target: { value: '2021-11-30' } });
    expect(onChange).toHaveBeenLastCalledWith({ to: '2021-11-30', page: 1 });
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(onChange).toHaveBeenLastCalledWith({ status: undefined, level: undefined, q: undefined, from: undefined, to: undefined, page: 1 });
  });
});

describe('the table query in the address', () => {
  it('reads back what it writes, defaults left out', () => {
    const query: TableQuery = { campaign: '2021', division: '500118104201', status: 'submitted', level: 0, q: '张', from: '2021-11-01', to: '2021-11-30', sort: 'headName', order: 'asc', page: 2, pageSize: 50 };
    expect(readTableQuery(new URLSearchParams(tableSearch(query)))).toEqual(query);
    expect(tableSearch({ page: 1, pageSize: 20 })).toBe('');
    expect(tableSearch(query, 'filters')).toBe('campaign=2021&division=500118104201&status=submitted&level=0&q=%E5%BC%A0&from=2021-11-01&to=2021-11-30');
  });

  it('leaves out what the server would refuse', () => {
    expect(readTableQuery(new URLSearchParams('status=done&division=abc&sort=x&from=2021-13&page=-1&pageSize=7&level=x'))).toEqual({
      campaign: undefined, division: undefined, status: undefined, level: undefined, q: undefined, from: undefined, to: undefined,
      sort: undefined, order: undefined, page: 1, pageSize: 20,
    });
  });
});
