// The reviewer's 重点核查户 tab: the area's households to verify with counts by source and state
// and how long each has waited, narrowed to a village from the area tree, and exported with the
// same filters as XLSX or CSV.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { buildDivisionTree } from '../../../client/pages/reviewer/buildDivisionTree';
import { StaticCatalog, type Catalog } from '../../../client/pages/reviewer/ReviewerCatalog';
import { VerificationListPage } from '../../../client/pages/reviewer/VerificationListPage';
import { fakeServer } from '../reviewer/fixtures';
import { ITEMS, listPage, onVerificationDay } from './fixtures';

const DIVISIONS = [
  { code: '500118', name: '永川区', parentCode: null },
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104201', name: '高滩村', parentCode: '500118104' },
  { code: '500118104202', name: '普安村', parentCode: '500118104' },
];
const USER = { id: 'u-town', username: 'linjiang', displayName: '临江镇审核员', role: 'reviewer' as const, scope: ['500118104'] };
const catalog: Catalog = {
  forms: [], campaigns: [], divisions: DIVISIONS, tree: buildDivisionTree(DIVISIONS, USER.scope, USER.role),
  divisionName: (code) => DIVISIONS.find((d) => d.code === code)?.name ?? code, campaignsOf: () => [],
};

onVerificationDay();

describe('the reviewer\'s 重点核查户', () => {
  it('shows the area\'s items with days waited and counts, narrows to a village, and exports what is shown', async () => {
    window.history.replaceState(null, '', '/review/verification');
    const server = fakeServer({
      'GET /api/session': () => ({ user: USER, csrfToken: 't' }),
      'GET /api/verification-items': (_, url) => listPage(url.searchParams.get('division') === '500118104202' ? [] : ITEMS),
    });
    vi.stubGlobal('fetch', server.fetch);
    const view = render(<SessionProvider><StaticCatalog catalog={catalog}><VerificationListPage /></StaticCatalog></SessionProvider>);
    expect(await screen.findByText('陈淑芬')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '重点核查户' })).toHaveAttribute('aria-current', 'page');
    const rows = view.container.querySelectorAll('table.rv-table tbody tr');
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['高滩村', '陈淑芬', '自主申请', '自主申请（因意外事故、因病）：丈夫务工受伤', '待核查', '15 天']);
    const counts = view.container.querySelector('table.verification-counts') as HTMLElement;
    expect([...within(counts).getByRole('row', { name: /部门预警/ }).querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '0', '2', '6 天']);
    expect(screen.getByRole('button', { name: '导出 XLSX' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /普安村/ }));
    expect(await screen.findByText('没有核查对象')).toBeInTheDocument();
    const last = server.calls.filter((c) => c.url.pathname === '/api/verification-items').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toMatchObject({ division: '500118104202', state: 'open' });
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(server.calls.some((c) => c.url.pathname === '/api/verification-items/export')).toBe(true));
    const exported = server.calls.find((c) => c.url.pathname === '/api/verification-items/export')!;
    expect(Object.fromEntries(exported.url.searchParams)).toEqual({ division: '500118104202', state: 'open', format: 'csv' });
  });
});
