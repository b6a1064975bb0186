// The administrator's import of a department's warning list: a check first that shows every row
// matched, unmatched or ambiguous with why; the import enabled only once the same file,
// department and date checked; and a household's warnings shown to its officer and reviewers.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WarningImportResult } from '@engine/contract';
import { SessionProvider } from '../../../client/app/SessionContext';
import { WarningImportPage } from '../../../client/pages/admin/warnings/WarningImportPage';
import { HouseholdWarnings } from '../../../client/verification/HouseholdWarnings';
import { fakeServer } from '../reviewer/fixtures';

const ADMIN = { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin', scope: [''] };

function result(dryRun: boolean): WarningImportResult {
  return {
    department: '区医疗保障局', date: '2023-03-01', dryRun, matched: 1, unmatched: 1, ambiguous: 1, written: dryRun ? 0 : 1,
    rows: [
      { row: 2, name: '李秀兰', idNumber: '500118196708050228', village: '高滩村', reason: '住院自付 5.2 万元', outcome: 'matched', householdId: 'h-1', headName: '张德明', divisionCode: '500118104201', note: null },
      { row: 3, name: '赵永福', idNumber: '11010519491231002X', village: '高滩村', reason: '大额医疗支出', outcome: 'unmatched', householdId: null, headName: null, divisionCode: null, note: '登记农户中没有这个身份证号' },
      { row: 4, name: '王桂芳', idNumber: null, village: '高滩村', reason: '慢性病', outcome: 'ambiguous', householdId: null, headName: null, divisionCode: '500118104201', note: '2 户中都有此人（王桂芳、王建国户）' },
    ],
  };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('the warning list import', () => {
  it('checks first, shows each row\'s outcome, and imports only the file, department and date that were checked', async () => {
    const server = fakeServer({
      'GET /api/session': () => ({ user: ADMIN, csrfToken: 't' }),
      'POST /api/warning-import': (_, url) => result(url.searchParams.get('dryRun') === '1'),
    });
    vi.stubGlobal('fetch', server.fetch);
    render(<SessionProvider><WarningImportPage /></SessionProvider>);
    fireEvent.change(screen.getByLabelText('发出名单的部门'), { target: { value: '区医疗保障局' } });
    fireEvent.change(screen.getByLabelText('名单日期'), { target: { value: '2023-03-01' } });
    const file = new File(['姓名,身份证号,村,原因\n'], '医保预警.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('选择文件'), { target: { files: [file] } });
    const importButton = screen.getByRole('button', { name: '导入' });
    expect(importButton).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '匹配检查' }));
    expect(await screen.findByText('登记农户中没有这个身份证号')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('已匹配 1 行，未匹配 1 行，不确定 1 行');
    expect(screen.getByText('张德明户')).toBeInTheDocument();
    expect(screen.getByText('不确定')).toBeInTheDocument();
    const check = server.calls.find((c) => c.method === 'POST')!;
    expect(Object.fromEntries(check.url.searchParams)).toEqual({ department: '区医疗保障局', date: '2023-03-01', dryRun: '1' });

    // Another date is another check.
    fireEvent.change(screen.getByLabelText('名单日期'), { target: { value: '2023-03-02' } });
    expect(importButton).toBeDisabled();
    fireEvent.change(screen.getByLabelText('名单日期'), { target: { value: '2023-03-01' } });
    expect(importButton).toBeEnabled();
    fireEvent.click(importButton);
    expect(await screen.findByText(/已导入 1 条预警/)).toBeInTheDocument();
    expect(Object.fromEntries(server.calls.filter((c) => c.method === 'POST').at(-1)!.url.searchParams)).toEqual({ department: '区医疗保障局', date: '2023-03-01' });
  });

  it('shows the server\'s refusal naming the field', async () => {
    vi.stubGlobal('fetch', fakeServer({
      'GET /api/session': () => ({ user: ADMIN, csrfToken: 't' }),
      'POST /api/warning-import': () => new Response(JSON.stringify({ error: { code: 'bad_request', message: '请求参数 department 不正确：请填写发出名单的部门（如：区医疗保障局）' } }), { status: 400 }),
    }).fetch);
    render(<SessionProvider><WarningImportPage /></SessionProvider>);
    fireEvent.change(screen.getByLabelText('选择文件'), { target: { files: [new File(['x'], 'a.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: '匹配检查' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('department');
  });
});

describe('a household\'s warnings', () => {
  it('lists each department\'s warning with its date, the person (ID masked) and the reason', async () => {
    vi.stubGlobal('fetch', fakeServer({
      'GET /api/households/h-1/warnings': () => ({ items: [{
        id: 'w-1', householdId: 'h-1', divisionCode: '500118104201', department: '区医疗保障局', listDate: '2023-03-01', name: '李秀兰',
        idNumber: '500118196708050228', reason: '住院自付 5.2 万元', importedAt: '2023-03-02T01:00:00.000Z',
      }] }),
    }).fetch);
    render(<HouseholdWarnings householdId="h-1" />);
    expect(await screen.findByRole('heading', { name: '部门预警（1）' })).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('区医疗保障局（2023-03-01）· 李秀兰 5001**********0228：住院自付 5.2 万元');
  });

  it('shows nothing for a household without warnings', async () => {
    const server = fakeServer({ 'GET /api/households/h-2/warnings': () => ({ items: [] }) });
    vi.stubGlobal('fetch', server.fetch);
    const view = render(<HouseholdWarnings householdId="h-2" />);
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(view.container).toBeEmptyDOMElement();
  });
});
