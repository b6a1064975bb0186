// The officer's household page lists the members with their ID numbers masked (5001**********1237):
// the whole number shows only in the form's field.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../client/app/SessionContext';
import { db } from '../../client/offline/db';
import { HouseholdPage } from '../../client/pages/officer/HouseholdPage';

const HEAD = '500118197009030249';
const SON = '370305194910073314';
const HOUSEHOLD = {
  id: 'h-1', divisionCode: '500118104201', divisionName: '石庙村', headName: '陈秀兰', headIdNumber: HEAD, kind: '脱贫户', phone: '13983011234', address: '石庙村1组',
  members: [{ name: '陈秀兰', relation: '户主', gender: '女', idNumber: HEAD }, { name: '陈小军', relation: '之子', gender: '男', idNumber: SON }],
  memberCount: 2, submissions: [], history: [],
};

beforeEach(async () => {
  await (await db()).clear('drafts');
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://local').pathname;
    const body = path === '/api/session' ? { user: { id: 'u-1', username: 'shimiao', displayName: '石庙村信息员', role: 'officer', scope: ['500118104201'] }, csrfToken: 'c' }
      : path === '/api/households/h-1' ? HOUSEHOLD : path === '/api/forms' ? { items: [] } : null;
    return new Response(JSON.stringify(body ?? {}), { status: body ? 200 : 404, headers: { 'Content-Type': 'application/json' } });
  }));
});
afterEach(() => vi.unstubAllGlobals());

describe('the household page', () => {
  it('masks the head\'s and members\' ID numbers', async () => {
    render(<SessionProvider><HouseholdPage id="h-1" /></SessionProvider>);
    expect(await screen.findByText('5001**********0249')).toBeInTheDocument();
    expect(screen.getByText(/陈小军/).closest('li')).toHaveTextContent('陈小军 之子 · 男 · 3703**********3314');
    expect(document.body.textContent).not.toContain(HEAD);
    expect(document.body.textContent).not.toContain(SON);
  });
});
