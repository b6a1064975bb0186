// The campaign page against a stand-in server: a save sends the revision the page was loaded
// with and takes the answer's; a save refused because another administrator saved first shows
// the server's message and loads the latest version on request.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { CampaignPage } from '../../../client/pages/admin/campaigns/CampaignPage';
import { mockServer, type MockServer } from './mockServer';

let server: MockServer;
let stored: Record<string, unknown>;

beforeEach(() => {
  stored = {
    id: '2021', title: '2021年度', year: 2021, description: '', parameters: {}, forms: [], status: 'open', divisions: [],
    createdAt: '', revision: 3, parameterDeclarations: {}, formTitles: {},
  };
  server = mockServer();
  server.on('GET', '/api/campaigns/2021', () => stored);
  server.on('GET', '/api/forms', () => ({ items: [] }));
  server.on('GET', '/api/divisions', () => ({ items: [] }));
});
afterEach(() => server.restore());

const patches = () => server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body);

describe('the campaign page', () => {
  it('saves from the revision it read, then from the one the server answered', async () => {
    server.on('PATCH', '/api/campaigns/2021', (body) => {
      stored = { ...stored, ...body, revision: (stored.revision as number) + 1 };
      return stored;
    });
    render(<SessionProvider><CampaignPage id="2021" /></SessionProvider>);
    fireEvent.change(await screen.findByLabelText('活动名称'), { target: { value: '2021年度（改）' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByRole('status');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches().map((b) => [b.title, b.revision])).toEqual([['2021年度（改）', 3], ['2021年度（改）', 4]]);
  });

  it('shows why a save was refused and loads the latest version on request', async () => {
    server.on('PATCH', '/api/campaigns/2021', () => ({
      status: 409, body: { error: { code: 'stale_revision', message: '该活动已被他人修改（当前版本 4），请刷新后再改', details: { revision: 4 } } },
    }));
    render(<SessionProvider><CampaignPage id="2021" /></SessionProvider>);
    fireEvent.change(await screen.findByLabelText('活动名称'), { target: { value: '我的修改' } });
    stored = { ...stored, title: '他人的修改', revision: 4 };
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('该活动已被他人修改（当前版本 4），请刷新后再改');
    fireEvent.click(screen.getByRole('button', { name: '载入最新版本' }));
    await waitFor(() => expect(screen.getByLabelText('活动名称')).toHaveValue('他人的修改'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks what a clone left to confirm, confirms items with the save, and lists the versions adopted', async () => {
    stored = {
      ...stored, id: '2024', title: '2024年度', description: '2023 年度工作方案', parameters: { incomeLine: 7000, referenceDate: '2024-09-30' }, forms: ['lookback'],
      status: 'closed', formVersions: { lookback: 2 }, formTitles: { lookback: '回头看' },
      unconfirmed: ['description', 'parameters.incomeLine', 'parameters.referenceDate'],
      adoptions: [{ id: 1, formId: 'lookback', fromVersion: 1, toVersion: 2, at: '2024-03-01T02:00:00.000Z', username: 'admin', moveOpen: true }],
    };
    server.on('GET', '/api/campaigns/2024', () => stored);
    server.on('GET', '/api/forms/lookback', () => ({
      id: 'lookback', title: '回头看', version: 2,
      definition: { parameters: { incomeLine: { title: '收入线', type: 'number' }, referenceDate: { title: '统计时点', type: 'date' } } },
    }));
    server.on('PATCH', '/api/campaigns/2024', (body) => {
      stored = { ...stored, unconfirmed: (stored.unconfirmed as string[]).filter((k) => !body.confirm?.includes(k)), revision: 4 };
      return stored;
    });
    render(<SessionProvider><CampaignPage id="2024" /></SessionProvider>);
    expect(await screen.findByRole('note')).toHaveTextContent('复制自上一年：还有 3 项待确认（参数和活动说明），逐项核对并确认后才能开放。');
    await screen.findByText('统计时点');
    expect(screen.getAllByText('待确认')).toHaveLength(3);
    const line = screen.getByLabelText(/收入线/).closest('label')!;
    fireEvent.click(within(line).getByRole('button', { name: '确认无误' }));
    expect(within(line).getByText('已确认（保存后生效）')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('还有 2 项待确认');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]).toMatchObject({ confirm: ['parameters.incomeLine'], revision: 3 });
    await waitFor(() => expect(screen.getAllByText('待确认')).toHaveLength(2));
    expect(screen.getByRole('list', { name: '版本采用记录' })).toHaveTextContent(/admin 将“回头看”由第 1 版改为第 2 版/);
  });
});
