import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { buildDivisionTree } from '../../../client/pages/reviewer/buildDivisionTree';
import { FirstForm } from '../../../client/pages/reviewer/FirstForm';
import { StaticCatalog, type Catalog } from '../../../client/pages/reviewer/ReviewerCatalog';
import { fakeServer } from './fixtures';

const USER = { id: 'u-town', username: 'linjiang', displayName: '临江镇审核员', role: 'reviewer' as const, scope: ['500118104'] };
const form = (id: string, title: string) => ({ id, title, version: 1, description: '', createsHousehold: false, forHousehold: true, hasFiles: false, campaigns: [] });

function catalogOf(forms: Catalog['forms']): Catalog {
  return { forms, campaigns: [], divisions: [], tree: buildDivisionTree([], USER.scope, USER.role), divisionName: (c) => c, campaignsOf: () => [] };
}

afterEach(() => vi.unstubAllGlobals());

describe('FirstForm', () => {
  it('opens the form with the most submissions waiting in the area, not the first one listed', async () => {
    window.history.replaceState(null, '', '/review');
    const waiting: Record<string, number> = { 'income-ledger': 0, lookback: 4, 'monitoring-object': 1 };
    const server = fakeServer({
      'GET /api/session': () => ({ user: USER, csrfToken: 't' }),
      ...Object.fromEntries(Object.entries(waiting).map(([id, total]) => [`GET /api/forms/${id}/submissions`, (_: unknown, url: URL) => {
        expect(url.searchParams.get('status')).toBe('submitted');
        return { items: [], total, page: 1, pageSize: 1 };
      }])),
    });
    vi.stubGlobal('fetch', server.fetch);
    const forms = [form('income-ledger', '收入明细账'), form('lookback', '回头看'), form('monitoring-object', '监测对象信息采集表')];
    render(<SessionProvider><StaticCatalog catalog={catalogOf(forms)}><FirstForm /></StaticCatalog></SessionProvider>);
    await waitFor(() => expect(window.location.pathname).toBe('/review/forms/lookback'));
  });

  it('says so when there is no form to review', async () => {
    window.history.replaceState(null, '', '/review');
    vi.stubGlobal('fetch', fakeServer({ 'GET /api/session': () => ({ user: USER, csrfToken: 't' }) }).fetch);
    render(<SessionProvider><StaticCatalog catalog={catalogOf([])}><FirstForm /></StaticCatalog></SessionProvider>);
    expect(await screen.findByText('还没有可审核的表单')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/review');
  });
});
