// The campaign page against a stand-in server: a save sends the revision the page was loaded
// with and takes the answer's; a save refused because another administrator saved first shows
// the server's message and loads the latest version on request.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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
});
