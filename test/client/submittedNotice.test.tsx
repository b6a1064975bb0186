// After 正式提交 goes through, the page says 已提交 where the officer tapped (the bottom bar, in view
// however far down a long form they are), not only in the banner at the top.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@engine';
import { SessionProvider } from '../../client/app/SessionContext';
import { db } from '../../client/offline/db';
import { putDraft } from '../../client/offline/drafts';
import type { LocalDraft } from '../../client/offline/LocalDraft';
import { FillPage } from '../../client/pages/officer/FillPage';
import { defineForm, text } from '../helpers/defineForm';
import { mockServer, type MockServer } from './admin/mockServer';

vi.mock('../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../helpers/preparedForm')).preparedForm(definition),
}));

const sheet: FormDefinition = { ...defineForm({ headName: text('户主姓名'), D7: text('D7 家庭困难现状描述') }, {}, { required: ['headName'] }), id: 'short-sheet' };
const ID = '2a7c6f3e-8b1d-4e5a-9c2f-1d3e5b7a9c0e';
const draft: LocalDraft = {
  id: ID, formId: 'short-sheet', formVersion: 1, formTitle: sheet.title, campaignId: '2021', householdId: 'h-1', householdKey: 'h-1', headName: '张德明',
  divisionCode: '500118104201', data: { headName: '张德明' }, prefill: {}, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null,
  pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
};

let server: MockServer;
let stored: Record<string, unknown> | null = null;

beforeEach(async () => {
  await (await db()).clear('drafts');
  stored = null;
  server = mockServer();
  server.on('GET', '/api/forms/short-sheet/versions/1', () => ({ id: 'short-sheet', title: sheet.title, version: 1, definition: sheet }));
  server.on('GET', '/api/campaigns', () => ({ items: [{ id: '2021', title: '2021年度', year: 2021, parameters: {}, forms: ['short-sheet'] }] }));
  server.on('GET', '/api/households/h-1', () => ({ id: 'h-1', divisionCode: '500118104201', headName: '张德明', headIdNumber: '500118196503120011', members: [], memberCount: 0, submissions: [], history: [] }));
  server.on('POST', '/api/forms/short-sheet/submissions', (body) => {
    stored = { ...body, formId: 'short-sheet', formVersion: 1, householdId: 'h-1', divisionCode: '500118104201', headName: '张德明', status: 'submitted', revision: 1, returnComment: null, updatedAt: '2021-11-20T02:00:00.000Z', history: [], explanations: {}, fieldNotes: [] };
    return { status: 201, body: stored };
  });
  server.on('GET', `/api/submissions/${ID}`, () => stored ?? { status: 404, body: { error: { code: 'not_found', message: '提交不存在' } } });
  await putDraft(draft);
});
afterEach(() => server.restore());

describe('after 正式提交', () => {
  it('says 已提交 in the bottom bar where the button was', async () => {
    render(<SessionProvider><FillPage id={ID} /></SessionProvider>);
    const submit = await screen.findByRole('button', { name: '正式提交' }, { timeout: 15000 });
    fireEvent.click(submit);
    await waitFor(() => expect(document.querySelector('.action-bar.done')).not.toBeNull(), { timeout: 15000 });
    const bar = document.querySelector('.action-bar.done') as HTMLElement;
    expect(within(bar).getByRole('status')).toHaveTextContent('已正式提交，等待审核');
    expect(within(bar).getByRole('link', { name: '返回' })).toHaveAttribute('href', '/households/h-1');
    expect(screen.queryByRole('button', { name: '正式提交' })).toBeNull();
  });
});
