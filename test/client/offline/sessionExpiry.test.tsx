import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../client/app/App';
import { SessionProvider } from '../../../client/app/SessionContext';
import { db, setMeta } from '../../../client/offline/db';

const OFFICER = { id: 'u-1', username: 'gaotan', displayName: '高滩村信息员', role: 'officer', scope: ['500118104201'] };
const noSession = async () => new Response(JSON.stringify({ error: { code: 'unauthenticated', message: '请先登录' } }), { status: 401 });

beforeEach(async () => {
  await (await db()).clear('meta');
  vi.stubGlobal('fetch', vi.fn(noSession));
  window.history.replaceState(null, '', '/villages');
});
afterEach(() => vi.unstubAllGlobals());

describe('the log-in page', () => {
  it('does not tell a first visitor their log-in expired', async () => {
    render(<SessionProvider><App /></SessionProvider>);
    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(screen.queryByText(/登录已过期/)).toBeNull();
  });

  it('tells an officer whose session ended on this phone, and that their data is kept', async () => {
    await setMeta('lastUser', OFFICER);
    render(<SessionProvider><App /></SessionProvider>);
    expect(await screen.findByText('登录已过期，请重新登录。未提交的数据仍保存在本机。')).toBeInTheDocument();
  });
});
