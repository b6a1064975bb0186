// An officer's open draft is shown and computed with its own campaign, whatever other campaigns
// are open (issue 13, part 2): once 2023 is closed and 2024 opened with another income line, a
// 2023 draft still says 2023 and still warns against 2023's line. The monitoring-object form with
// 李扎约's household of its shipped cases: a 脱贫户 at 5,999 元 per person marked 突发严重困难户 —
// below 2023's line of 6,000 元 that is wrong (a warning), above 2024's 5,000 元 it would be right.
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCase, FormDefinition } from '@engine';
import { SessionProvider } from '../../client/app/SessionContext';
import { getDraft, putDraft } from '../../client/offline/drafts';
import type { LocalDraft } from '../../client/offline/LocalDraft';
import { FillPage } from '../../client/pages/officer/FillPage';
import { loadCases, loadForm } from '../helpers/forms';
import { mockServer, type MockServer } from './admin/mockServer';

vi.mock('../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../helpers/preparedForm')).preparedForm(definition),
}));

const definition = loadForm('monitoring-object');
const li = loadCases('monitoring-object').find((c) => c.name.startsWith('脱贫户人均 5999 元（低于 6000 元收入线）填突发严重困难户')) as FormCase;
const LOADED = { timeout: 15000 };
const ID = '0b7d3c4e-5a6f-4b1c-8d2e-3f4a5b6c7d8e';
const C2023 = { id: '2023', title: '2023年度防止返贫监测', year: 2023, parameters: { ...li.params, incomeLine: 6000 } };
const C2024 = { id: '2024', title: '2024年度防止返贫监测', year: 2024, parameters: { ...li.params, incomeLine: 5000 } };

function draft(overrides: Partial<LocalDraft> = {}): LocalDraft {
  return {
    id: ID, formId: 'monitoring-object', formVersion: 1, formTitle: definition.title, campaignId: '2023',
    householdId: 'h-li', householdKey: 'h-li', headName: '李扎约', divisionCode: '530925100203', data: li.data, prefill: {},
    confirmed: [], serverRevision: 2, serverStatus: 'draft', returnComment: null, pending: null, problem: null, serverIssues: [],
    duplicateOf: null, updatedAt: '2023-11-08T02:00:00.000Z', syncedAt: '2023-11-08T02:00:00.000Z', ...overrides,
  };
}

const a3Warning = (container: HTMLElement) => within(container.querySelector<HTMLElement>('[data-pointer="/A3"]')!).queryByRole('status');

describe('FillPage with its campaign closed and next year\'s open', () => {
  let server: MockServer;
  beforeEach(() => {
    server = mockServer();
    server.on('GET', '/api/forms/monitoring-object/versions/1', () => ({ id: 'monitoring-object', title: definition.title, version: 1, definition }));
    // Officers see open campaigns only: 2023 is closed, 2024 is open.
    server.on('GET', '/api/campaigns', () => ({ items: [{ ...C2024, status: 'open', forms: ['monitoring-object'] }] }));
    server.on('GET', '/api/households/h-li', () => ({ ...li.household, id: 'h-li', memberCount: 3, divisionName: '彝家村', submissions: [], history: [] }));
    server.on('GET', `/api/submissions/${ID}`, () => ({
      id: ID, formId: 'monitoring-object', formVersion: 1, campaignId: '2023', campaign: { ...C2023, status: 'closed' }, householdId: 'h-li',
      divisionCode: '530925100203', headName: '李扎约', status: 'draft', revision: 2, data: li.data, returnComment: null, explanations: {}, fieldNotes: [],
      updatedAt: '2023-11-08T02:00:00.000Z', history: [], corrections: [],
    }));
  });
  afterEach(() => server.restore());

  const page = () => render(<SessionProvider><FillPage id={ID} /></SessionProvider>);

  it('labels a draft kept with its campaign 2023 and warns against 2023\'s income line', async () => {
    await putDraft(draft({ campaign: C2023 }));
    const view = page();
    await waitFor(() => expect(a3Warning(view.container)).toHaveTextContent('低于收入线 6000 元'), LOADED);
    expect(view.container.querySelector('.form-meta')).toHaveTextContent('2023年度防止返贫监测');
    expect(view.container.querySelector('.form-meta')).not.toHaveTextContent('2024');
  });

  it('learns the campaign of a draft kept before drafts carried it from the server, not from the campaigns now open', async () => {
    await putDraft(draft());
    const view = page();
    await waitFor(() => expect(a3Warning(view.container)).toHaveTextContent('低于收入线 6000 元'), LOADED);
    expect(view.container.querySelector('.form-meta')).toHaveTextContent('2023年度防止返贫监测');
    expect((await getDraft(ID))!.campaign).toMatchObject({ id: '2023', parameters: { incomeLine: 6000 } });
    expect(screen.queryByText('2024年度防止返贫监测')).toBeNull();
  });
});
