// A phone's draft and a new version of its form (issue 13, part 3): 冉光明's 回头看 draft kept on the
// phone on version 1 while its campaign adopted version 2 (test/helpers/lookback2024.ts) and moved
// open drafts. When the phone next syncs it states the version it filled; the server's answer (here
// a stand-in) brings the moved answers, and the phone keeps them on version 2 with what changed;
// the form then lists the changes, the removed D6's answer with its value. A server draft its
// campaign did not move is offered to move.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@engine';
import { setCsrfToken } from '../../../client/api/http';
import { SessionProvider } from '../../../client/app/SessionContext';
import { db } from '../../../client/offline/db';
import { getDraft, putDraft } from '../../../client/offline/drafts';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { syncNow } from '../../../client/offline/syncQueue';
import { FillPage } from '../../../client/pages/officer/FillPage';
import { loadCases, loadForm } from '../../helpers/forms';
import { lookback2024 } from '../../helpers/lookback2024';
import { mockServer, type MockServer } from '../admin/mockServer';

vi.mock('../../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../../helpers/preparedForm')).preparedForm(definition),
}));

const ID = '3d6f8e2a-1b4c-4d5e-9f60-718293a4b5c6';
const LOADED = { timeout: 15000 };
const ran = loadCases('lookback').find((c) => c.name.startsWith('完整有效：风险未消除的边缘易致贫户（冉光明'))!;
const CAMPAIGN = { id: '2021-lookback', title: '2021年监测对象“回头看”', year: 2021, parameters: ran.params ?? {} };
const { D6: _removed, C2: _flagged, ...kept } = ran.data;
/** The answers as the server moved them: D6 removed, C2 to answer again, D8 a list, B1 as text, A4 as text. */
const MOVED = { ...kept, D8: ['健康帮扶'], B1: '否', A4: '3' };
const NOTICE = {
  fromVersion: 1, toVersion: 2, at: '2024-03-01T02:00:00.000Z', username: 'admin',
  items: [
    { field: '/D6', from: ['缺劳动力'], note: '新版本删除了“D6 其他风险”，原答案保存在此' },
    { field: '/C2', from: '6000-9000元', note: '“C2 估计该户2024年人均收入处于”：新版本的选项中没有“6000-9000元”，请重新填写' },
    { field: '/C5', note: '新增必填项“C5 该户2024年是否享受低保”，请填写' },
  ],
};

function draft(overrides: Partial<LocalDraft> = {}): LocalDraft {
  return {
    id: ID, formId: 'lookback', formVersion: 1, formTitle: '监测对象“回头看”信息采集表', campaignId: CAMPAIGN.id, campaign: CAMPAIGN, householdId: 'h-ran',
    householdKey: 'h-ran', headName: '冉光明', divisionCode: '500118104201', data: ran.data, prefill: {}, confirmed: [],
    serverRevision: null, serverStatus: null, returnComment: null, pending: 'save', problem: null, serverIssues: [], duplicateOf: null,
    updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null, ...overrides,
  };
}

let server: MockServer;
beforeEach(async () => {
  await (await db()).clear('drafts');
  server = mockServer();
  setCsrfToken('csrf-1');
  server.on('GET', '/api/forms/lookback/versions/1', () => ({ id: 'lookback', title: '回头看', version: 1, definition: loadForm('lookback') }));
  server.on('GET', '/api/forms/lookback/versions/2', () => ({ id: 'lookback', title: '回头看', version: 2, definition: lookback2024() }));
  server.on('GET', '/api/households/h-ran', () => ({ ...ran.household, id: 'h-ran', memberCount: 3, divisionName: '高滩村', submissions: [], history: [] }));
  server.on('GET', '/api/campaigns', () => ({ items: [CAMPAIGN] }));
});
afterEach(() => server.restore());

const moved = (revision: number) => ({
  id: ID, formId: 'lookback', formVersion: 2, campaignId: CAMPAIGN.id, campaign: { ...CAMPAIGN, formVersion: 2 }, householdId: 'h-ran',
  divisionCode: '500118104201', headName: '冉光明', status: 'draft', revision, data: MOVED, returnComment: null, explanations: {}, fieldNotes: [],
  updatedAt: '2024-03-01T02:00:00.000Z', moveNotice: NOTICE, history: [], corrections: [],
});

describe('a phone\'s draft when its campaign has moved to a new version', () => {
  it('states the version it was filled on when it syncs, and keeps the moved answers on the new version with what changed', async () => {
    server.on('POST', '/api/forms/lookback/submissions', () => ({ status: 201, body: moved(1) }));
    await putDraft(draft());
    await syncNow();
    const sent = server.requests.find((r) => r.method === 'POST')!.body;
    expect(sent).toMatchObject({ id: ID, formVersion: 1, data: ran.data });
    const after = (await getDraft(ID))!;
    expect(after).toMatchObject({ formVersion: 2, pending: null, serverRevision: 1, serverStatus: 'draft', data: MOVED, moveNotice: NOTICE });
  });

  it('shows the form on the new version with the changes listed, the removed D6\'s answer with its value', async () => {
    await putDraft(draft({ formVersion: 2, data: MOVED, moveNotice: NOTICE, pending: null, serverRevision: 1, serverStatus: 'draft' }));
    server.on('GET', `/api/submissions/${ID}`, () => moved(1));
    const view = render(<SessionProvider><FillPage id={ID} /></SessionProvider>);
    const notice = await screen.findByRole('region', { name: '此表已由第 1 版迁移到第 2 版（admin），请查看以下变更：' }, LOADED);
    expect(notice).toHaveTextContent('新版本删除了“D6 其他风险”，原答案保存在此（原答案：缺劳动力）');
    expect(within(notice).getByRole('button', { name: '新增必填项“C5 该户2024年是否享受低保”，请填写' })).toBeInTheDocument();
    expect(within(notice).getByRole('button', { name: /C2 .*请重新填写/ })).toBeInTheDocument();
    expect(view.container.querySelector('.form-meta')).toHaveTextContent('第 2 版');
  });

  it('offers to move a server draft its campaign did not move, and opens it on the new version', async () => {
    await putDraft(draft({ pending: null, serverRevision: 3, serverStatus: 'draft', campaign: { ...CAMPAIGN, formVersion: 2 } }));
    server.on('GET', `/api/submissions/${ID}`, () => ({ ...moved(3), formVersion: 1, data: ran.data, moveNotice: null, campaign: { ...CAMPAIGN, formVersion: 2 } }));
    server.on('POST', `/api/submissions/${ID}/move`, () => {
      server.on('GET', `/api/submissions/${ID}`, () => moved(4));
      return moved(4);
    });
    render(<SessionProvider><FillPage id={ID} /></SessionProvider>);
    fireEvent.click(await screen.findByRole('button', { name: '迁移到第 2 版' }, LOADED));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST' && r.path === `/api/submissions/${ID}/move`)).toBe(true));
    expect(server.requests.find((r) => r.path === `/api/submissions/${ID}/move`)!.body).toEqual({ revision: 3 });
    await screen.findByRole('region', { name: /迁移到第 2 版/ }, LOADED);
    expect((await getDraft(ID))!).toMatchObject({ formVersion: 2, data: MOVED });
  });
});
