// A queued submit the background queue sends while the fill page is still loading (after the page
// read the draft, before it listened for changes — as after logging in again, when the queue and
// the page start together) shows as submitted, not as still waiting for a login.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@engine';
import { SessionProvider } from '../../../client/app/SessionContext';
import { db } from '../../../client/offline/db';
import { putDraft, updateDraft } from '../../../client/offline/drafts';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { FillPage } from '../../../client/pages/officer/FillPage';
import { defineForm, text } from '../../helpers/defineForm';
import { mockServer, type MockServer } from '../admin/mockServer';

vi.mock('../../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../../helpers/preparedForm')).preparedForm(definition),
}));

const sheet: FormDefinition = { ...defineForm({ headName: text('户主姓名') }, {}, { required: ['headName'] }), id: 'short-sheet' };
const ID = '6b0d2f1e-3c4a-4d5e-8f9a-0b1c2d3e4f5a';
const queued: LocalDraft = {
  id: ID, formId: 'short-sheet', formVersion: 1, formTitle: sheet.title, campaignId: '2021', householdId: 'h-1', householdKey: 'h-1', headName: '杨正平',
  divisionCode: '500118104203', data: { headName: '杨正平' }, prefill: {}, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null,
  pending: 'submit', queueState: 'needsLogin', problem: '登录已过期', serverIssues: [], duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
};

let server: MockServer;

beforeEach(async () => {
  await (await db()).clear('drafts');
  server = mockServer();
  server.on('GET', `/api/submissions/${ID}`, () => ({ status: 404, body: { error: { code: 'not_found', message: '提交不存在' } } }));
  server.on('GET', '/api/forms/short-sheet/versions/1', () => ({ id: 'short-sheet', title: sheet.title, version: 1, definition: sheet }));
  server.on('GET', '/api/campaigns', () => ({ items: [{ id: '2021', title: '2021年度', year: 2021, parameters: {}, forms: ['short-sheet'] }] }));
  // While the page waits for the household, the queue's send is acknowledged.
  server.on('GET', '/api/households/h-1', async () => {
    await updateDraft(ID, (d) => ({ ...d, pending: null, queueState: null, problem: null, serverRevision: 1, serverStatus: 'submitted', syncedAt: '2021-11-20T02:00:00.000Z' }));
    return { id: 'h-1', divisionCode: '500118104203', headName: '杨正平', headIdNumber: '500118195809124076', members: [], memberCount: 0, submissions: [], history: [] };
  });
  await putDraft(queued);
});
afterEach(() => server.restore());

describe('a submit sent in the background while the form loads', () => {
  it('shows the form as submitted, with no 需重新登录 left', async () => {
    render(<SessionProvider><FillPage id={ID} /></SessionProvider>);
    expect(await screen.findByText('已正式提交，等待审核', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.queryByText(/需重新登录/)).toBeNull();
    expect(screen.queryByRole('button', { name: '正式提交' })).toBeNull();
  });
});
