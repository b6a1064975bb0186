// 有新版本，点击更新: shown once a new build's service worker waits, taken only by the officer's tap,
// and the reload into the new version waits until what the open form holds is saved on the phone.
// vite-plugin-pwa's registration (virtual:pwa-register/react) is replaced by a stand-in whose
// "waiting" the test decides; the real one is driven in Chromium by test/e2e/update.test.ts.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import type { FormDefinition } from '@engine';
import { SessionProvider } from '../../client/app/SessionContext';
import { UpdatePrompt } from '../../client/components/UpdatePrompt';
import { db } from '../../client/offline/db';
import { getDraft, putDraft } from '../../client/offline/drafts';
import type { LocalDraft } from '../../client/offline/LocalDraft';
import { FillPage } from '../../client/pages/officer/FillPage';
import { defineForm, text } from '../helpers/defineForm';
import { mockServer, type MockServer } from './admin/mockServer';

const registration = vi.hoisted(() => ({
  waiting: false,
  options: null as RegisterSWOptions | null,
  updateServiceWorker: (() => Promise.resolve()) as (reload?: boolean) => Promise<void>,
}));

vi.mock('virtual:pwa-register/react', async () => {
  const { useState } = await import('react');
  return {
    useRegisterSW(options: RegisterSWOptions = {}) {
      registration.options = options;
      const needRefresh = useState(registration.waiting);
      const offlineReady = useState(false);
      return { needRefresh, offlineReady, updateServiceWorker: registration.updateServiceWorker };
    },
  };
});

vi.mock('../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../helpers/preparedForm')).preparedForm(definition),
}));

const reload = vi.fn();

beforeEach(() => {
  registration.waiting = false;
  registration.options = null;
  registration.updateServiceWorker = vi.fn(() => Promise.resolve());
  reload.mockClear();
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
});
afterEach(() => vi.restoreAllMocks());

describe('UpdatePrompt', () => {
  it('says nothing while no new version waits', () => {
    render(<UpdatePrompt />);
    expect(screen.queryByRole('button', { name: '有新版本，点击更新' })).toBeNull();
  });

  it('offers a waiting new version, and a tap lets it take over (once)', () => {
    registration.waiting = true;
    render(<UpdatePrompt />);
    const update = screen.getByRole('button', { name: '有新版本，点击更新' });
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
    fireEvent.click(update);
    expect(registration.updateServiceWorker).toHaveBeenCalledTimes(1);
    expect(update).toBeDisabled();
    fireEvent.click(update);
    expect(registration.updateServiceWorker).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
  });

});

describe('taking the new version with a form open', () => {
  const sheet: FormDefinition = { ...defineForm({ headName: text('户主姓名'), D7: text('D7 家庭困难现状描述') }, {}, { required: ['headName'] }), id: 'short-sheet' };
  const ID = '2a7c6f3e-8b1d-4e5a-9c2f-1d3e5b7a9c0e';
  const draft: LocalDraft = {
    id: ID, formId: 'short-sheet', formVersion: 1, formTitle: sheet.title, campaignId: '2021', householdId: 'h-1', householdKey: 'h-1', headName: '张德明',
    divisionCode: '500118104201', data: { headName: '张德明' }, prefill: {}, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null,
    pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
  };
  let server: MockServer;

  beforeEach(async () => {
    await (await db()).clear('drafts');
    server = mockServer();
    server.on('GET', '/api/forms/short-sheet/versions/1', () => ({ id: 'short-sheet', title: sheet.title, version: 1, definition: sheet }));
    server.on('GET', '/api/campaigns', () => ({ items: [{ id: '2021', title: '2021年度', year: 2021, parameters: {}, forms: ['short-sheet'] }] }));
    server.on('GET', '/api/households/h-1', () => ({ id: 'h-1', divisionCode: '500118104201', headName: '张德明', headIdNumber: '500118196503120011', members: [], memberCount: 0, submissions: [], history: [] }));
    server.on('GET', `/api/submissions/${ID}`, () => ({ status: 404, body: { error: { code: 'not_found', message: '提交不存在' } } }));
    await putDraft(draft);
  });
  afterEach(() => server.restore());

  it('keeps what was typed a moment before on the phone, then reloads', async () => {
    registration.waiting = true;
    render(<><UpdatePrompt /><SessionProvider><FillPage id={ID} /></SessionProvider></>);
    const d7 = await screen.findByLabelText(/D7 家庭困难现状描述/, {}, { timeout: 15000 });
    fireEvent.change(d7, { target: { value: '户主慢性病，每月自付医药费约 800 元' } });
    // The tap, then the new worker takes the page: well within the second before the typing is saved by itself.
    fireEvent.click(screen.getByRole('button', { name: '有新版本，点击更新' }));
    act(() => registration.options!.onNeedReload!());
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect((await getDraft(ID))?.data).toMatchObject({ headName: '张德明', D7: '户主慢性病，每月自付医药费约 800 元' });
  });
});
