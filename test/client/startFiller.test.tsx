// A new form started on the phone: the fields the definition marks as the filler's start with the
// signed-in officer's name and phone and today's date in China (the phone's clock at 01:30 in
// Beijing is still the day before in UTC), and stay editable.
import { fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../client/app/App';
import { SessionProvider } from '../../client/app/SessionContext';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { db } from '../../client/offline/db';
import { getDraft } from '../../client/offline/drafts';
import { defineForm, text } from '../helpers/defineForm';
import { preparedForm } from '../helpers/preparedForm';

const sheet = {
  ...defineForm({
    divisionCode: text('行政区划代码', { format: 'division-code' }),
    headName: text('户主姓名'),
    filler: text('填表人', { maxLength: 20 }),
    fillerPhone: text('填表人联系电话', { format: 'mobile-phone' }),
    fillDate: text('填表日期', { format: 'date' }),
  }, {}, { uiSchema: { filler: { 'ui:options': { filler: 'name' } }, fillerPhone: { 'ui:options': { filler: 'phone' } }, fillDate: { 'ui:options': { filler: 'date' } } } }),
  id: 'filler-sheet', createsHousehold: true,
};
const OFFICER = { id: 'u-1', username: 'zhouzy', displayName: '周志勇', phone: '13983011201', role: 'officer', scope: ['500118104201'] };
const CAMPAIGN = { id: '2021', title: '2021年度', year: 2021, parameters: {} };

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

beforeEach(async () => {
  await (await db()).clear('drafts');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2021-11-20T17:30:00.000Z'));
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://local').pathname;
    if (path === '/api/session') return json({ user: OFFICER, csrfToken: 'csrf-1' });
    if (path === '/api/forms/filler-sheet') return json({ id: sheet.id, title: sheet.title, version: 1, definition: sheet, campaigns: [CAMPAIGN] });
    return new Response('{}', { status: 404 });
  }));
  window.history.replaceState(null, '', '/start/filler-sheet?division=500118104201');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a form started by an officer', () => {
  it('starts with the officer as 填表人, their phone, and today\'s date in China, all editable', async () => {
    render(<SessionProvider><App /></SessionProvider>);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/fill\//));
    const draft = (await getDraft(window.location.pathname.slice('/fill/'.length)))!;
    expect(draft.data).toEqual({ divisionCode: '500118104201', filler: '周志勇', fillerPhone: '13983011201', fillDate: '2021-11-21' });

    const prepared = preparedForm(sheet);
    const session = new FormSession({ form: prepared.form, context: { params: {}, household: null }, data: draft.data });
    const view = render(<FormRenderer definition={sheet} session={session} validator={prepared.validator} />);
    const filler = view.container.querySelector('[id="root/filler"]') as HTMLInputElement;
    expect(filler.value).toBe('周志勇');
    expect(filler).toBeEnabled();
    fireEvent.change(filler, { target: { value: '何晓东' } });
    expect(session.data().filler).toBe('何晓东');
  });
});
