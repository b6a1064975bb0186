// The campaign editor's 民主评议 and 公示 steps against a stand-in server: steps added before the
// form's township level are sent with the save as the campaign's approvalSteps, and a refusal
// (the server's check) is shown in its words.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { CampaignPage } from '../../../client/pages/admin/campaigns/CampaignPage';
import { mockServer, type MockServer } from './mockServer';

let server: MockServer;
let stored: Record<string, unknown>;

beforeEach(() => {
  stored = {
    id: '2021', title: '2021年度', year: 2021, description: '', parameters: {}, forms: ['monitoring-object'], status: 'open', divisions: [],
    createdAt: '', revision: 3, parameterDeclarations: {}, formTitles: { 'monitoring-object': '监测对象识别' }, formVersions: { 'monitoring-object': 1 },
    adoptions: [], unconfirmed: [], approvalSteps: {},
  };
  server = mockServer();
  server.on('GET', '/api/campaigns/2021', () => stored);
  server.on('GET', '/api/forms', () => ({ items: [{ id: 'monitoring-object', title: '监测对象识别', version: 1 }] }));
  server.on('GET', '/api/divisions', () => ({ items: [] }));
  server.on('GET', '/api/forms/monitoring-object', () => ({
    id: 'monitoring-object', title: '监测对象识别', version: 1,
    definition: { review: { levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }, { id: 'county', title: '县级确定', divisionDigits: 6 }] } },
  }));
});
afterEach(() => server.restore());

const patches = () => server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body);

describe('民主评议 and 公示 in the campaign editor', () => {
  it('adds a village appraisal and a 10-day notice before 乡镇审核 and saves them with the campaign', async () => {
    server.on('PATCH', '/api/campaigns/2021', (body) => {
      stored = { ...stored, ...body, revision: 4 };
      return stored;
    });
    render(<SessionProvider><CampaignPage id="2021" /></SessionProvider>);
    const form = await screen.findByRole('region', { name: '监测对象识别' });
    fireEvent.click(await within(form).findByRole('button', { name: '加民主评议' }));
    fireEvent.click(within(form).getByRole('button', { name: '加公示' }));
    fireEvent.change(within(form).getByLabelText('公示天数'), { target: { value: '10' } });
    expect(within(form).getAllByLabelText('在此级审核之前').map((s) => (s as HTMLSelectElement).value)).toEqual(['township', 'township']);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]!.approvalSteps).toEqual({
      'monitoring-object': [
        { id: 'appraisal', kind: 'appraisal', title: '民主评议', before: 'township' },
        { id: 'notice', kind: 'notice', title: '公示', before: 'township', days: 10 },
      ],
    });
  });

  it('shows the server\'s refusal of a step in its words', async () => {
    const message = '请求字段 approvalSteps.monitoring-object.0 不正确：第 1 步（公示）：公示天数应为 1 至 30 的整数';
    server.on('PATCH', '/api/campaigns/2021', () => ({ status: 400, body: { error: { code: 'bad_request', message } } }));
    render(<SessionProvider><CampaignPage id="2021" /></SessionProvider>);
    const form = await screen.findByRole('region', { name: '监测对象识别' });
    fireEvent.click(await within(form).findByRole('button', { name: '加公示' }));
    fireEvent.change(within(form).getByLabelText('公示天数'), { target: { value: '31' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });
});
