import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { buildDivisionTree } from '../../../client/pages/reviewer/buildDivisionTree';
import { StaticCatalog, type Catalog } from '../../../client/pages/reviewer/ReviewerCatalog';
import { SubmissionsPage } from '../../../client/pages/reviewer/SubmissionsPage';
import { fakeServer, page, ROWS } from './fixtures';

const DIVISIONS = [
  { code: '50', name: '重庆市', parentCode: null },
  { code: '500118', name: '永川区', parentCode: '5001' },
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104201', name: '高滩村', parentCode: '500118104' },
  { code: '500118104202', name: '普安村', parentCode: '500118104' },
];
const USER = { id: 'u-town', username: 'linjiang', displayName: '临江镇审核员', role: 'reviewer' as const, scope: ['500118104'] };

const catalog: Catalog = {
  forms: [{ id: 'lookback', title: '监测对象“回头看”信息采集表', version: 1, description: '', createsHousehold: false, forHousehold: true, hasFiles: false, campaigns: [] }],
  campaigns: [{
    id: '2021-lookback', title: '2021年监测对象“回头看”', year: 2021, parameters: {}, forms: ['lookback'], status: 'open', description: '', divisions: [],
    createdAt: '2021-11-01T00:00:00.000Z', revision: 1, formVersions: { lookback: 1 }, unconfirmed: [],
  }],
  divisions: DIVISIONS,
  tree: buildDivisionTree(DIVISIONS, USER.scope, USER.role),
  divisionName: (code) => DIVISIONS.find((d) => d.code === code)?.name ?? code,
  campaignsOf: () => [],
};

function renderPage(path: string, routes: Parameters<typeof fakeServer>[0]) {
  window.history.replaceState(null, '', path);
  const server = fakeServer({ 'GET /api/session': () => ({ user: USER, csrfToken: 't' }), ...routes });
  vi.stubGlobal('fetch', server.fetch);
  render(<SessionProvider><StaticCatalog catalog={catalog}><SubmissionsPage formId="lookback" /></StaticCatalog></SessionProvider>);
  return server;
}

const rowsCalls = (server: ReturnType<typeof fakeServer>) => server.calls.filter((c) => c.url.pathname === '/api/forms/lookback/review-rows');

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('SubmissionsPage', () => {
  it('loads the table the address describes, and counts each village in the tree', async () => {
    const server = renderPage('/review/forms/lookback?status=submitted&sort=headName&order=asc&page=2', { 'GET /api/forms/lookback/review-rows': () => page() });
    expect(await screen.findByRole('heading', { name: '共 5 份' })).toBeInTheDocument();
    expect(rowsCalls(server)[0]!.url.search).toBe('?status=submitted&sort=headName&order=asc&page=2');
    const tree = screen.getByRole('navigation', { name: '地区' });
    expect(within(tree).getByRole('button', { name: /^高滩村\s*4$/ })).toBeInTheDocument();
    expect(within(tree).getByRole('button', { name: /^临江镇\s*5$/ })).toBeInTheDocument();
    expect(sessionStorage.getItem('rv_lastTable')).toBe('/review/forms/lookback?status=submitted&sort=headName&order=asc&page=2');
  });

  it('narrows the table to a village chosen in the tree, from the first page', async () => {
    const server = renderPage('/review/forms/lookback?page=3', { 'GET /api/forms/lookback/review-rows': () => page() });
    await screen.findByRole('heading', { name: '共 5 份' });
    fireEvent.click(within(screen.getByRole('navigation', { name: '地区' })).getByRole('button', { name: /^普安村\s*1$/ }));
    await waitFor(() => expect(rowsCalls(server)).toHaveLength(2));
    expect(window.location.search).toBe('?division=500118104202');
    expect(rowsCalls(server)[1]!.url.searchParams.get('division')).toBe('500118104202');
    expect(within(screen.getByRole('navigation', { name: '地区' })).getByRole('button', { name: /^普安村\s*1$/ })).toHaveAttribute('aria-current', 'true');
  });

  it('approves the chosen rows at once, at the revisions shown, and names each refused one with its reason', async () => {
    let answered = false;
    const server = renderPage('/review/forms/lookback', {
      'GET /api/forms/lookback/review-rows': () => page({ items: answered ? ROWS.slice(1) : [...ROWS, { ...ROWS[0]!, id: 'r-6', headName: '赵一', revision: 4 }] }),
      'POST /api/approvals': () => {
        answered = true;
        return { approved: 1, refused: 1, results: [{ id: 'r-1', outcome: 'approved', status: 'submitted' }, { id: 'r-6', outcome: 'refused', code: 'stale_revision', message: '此表已被修改（当前版本 5，您看到的是版本 4），请刷新后再审核' }] };
      },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: '选择 张德明' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选择 赵一' }));
    expect(screen.getByText('已选 2 份')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '批量通过' }));
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    const outcome = await screen.findByText('已通过 1 份');
    expect(server.calls.find((c) => c.method === 'POST')!.body).toEqual({ items: [{ id: 'r-1', revision: 1 }, { id: 'r-6', revision: 4 }] });
    expect(outcome.closest('[role="status"]')).toHaveTextContent('赵一：此表已被修改（当前版本 5，您看到的是版本 4），请刷新后再审核');
    await waitFor(() => expect(rowsCalls(server)).toHaveLength(2));
    expect(screen.queryByText(/已选/)).toBeNull();
  });

  it('exports exactly the filtered rows: the table\'s filters, without its paging', async () => {
    const exported: string[] = [];
    const server = renderPage('/review/forms/lookback?division=500118104201&status=returned&q=张&page=2&sort=headName', {
      'GET /api/forms/lookback/review-rows': () => page(),
      'GET /api/forms/lookback/export': (_body, url) => {
        exported.push(url.search);
        return new Response('x', { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'X-Export-Rows': '1' } });
      },
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(await screen.findByRole('button', { name: '导出 Excel' }));
    await screen.findByText(/已导出 1 行/);
    expect(exported).toEqual([`?format=xlsx&division=500118104201&status=returned&q=${encodeURIComponent('张')}`]);
    expect(server.calls.some((c) => c.url.pathname.endsWith('/export'))).toBe(true);
    clicked.mockRestore();
  });

  it('shows the server\'s refusal of a filter in Chinese', async () => {
    renderPage('/review/forms/lookback', {
      'GET /api/forms/lookback/review-rows': () => new Response(JSON.stringify({ error: { code: 'not_found', message: '表单不存在' } }), { status: 404 }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('表单不存在');
  });
});
