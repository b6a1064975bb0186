import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../client/app/App';
import { SessionProvider } from '../../../client/app/SessionContext';
import { keepAs } from '../../../client/offline/cachedGet';
import { db, setMeta } from '../../../client/offline/db';
import { putDraft } from '../../../client/offline/drafts';
import { TodoPage } from '../../../client/pages/officer/TodoPage';
import { fakeGlanceServer } from './fakeGlanceServer';
import { localDraft, SHIMIAO, SHUANGFENG, villageStates } from './fixtures';

let server: ReturnType<typeof fakeGlanceServer>;

beforeEach(async () => {
  const database = await db();
  await database.clear('drafts');
  await database.clear('cache');
  server = fakeGlanceServer();
  vi.stubGlobal('fetch', server.fetch);
  window.history.replaceState(null, '', '/todo');
});
afterEach(() => vi.unstubAllGlobals());

const section = (name: RegExp) => screen.findByRole('region', { name });

describe('我的待办', () => {
  it('is the officer\'s first page', async () => {
    window.history.replaceState(null, '', '/');
    render(<SessionProvider><App /></SessionProvider>);
    expect(await screen.findByRole('heading', { name: '我的待办' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/todo');
  });

  it('lists returned submissions first, each with its comment and a way to open it', async () => {
    render(<SessionProvider><TodoPage /></SessionProvider>);
    const returned = await section(/被退回，待修改/);
    expect(within(returned).getByRole('heading')).toHaveTextContent('被退回，待修改（2）');
    const zhang = within(returned).getByText('张德明').closest('a')!;
    expect(zhang).toHaveAttribute('href', '/fill/s-zhang');
    expect(zhang).toHaveTextContent('退回意见：C2 收入区间与务工收入不符，请核实后重新提交');
    expect(within(returned).getByText('周永福').closest('a')).toHaveTextContent('退回意见：务工收入漏填');
    const sections = screen.getAllByRole('region').map((r) => within(r).getByRole('heading').textContent);
    expect(sections[0]).toMatch(/^被退回/);
  });

  it('lists what the phone has not sent, drafts not submitted, and households not started by form', async () => {
    await putDraft(localDraft({ id: 'd-li', householdId: 'h-0002', householdKey: 'h-0002', headName: '李建国', pending: 'submit', queueState: 'needsLogin' }));
    await putDraft(localDraft({ id: 'd-chen', householdId: 'h-0001', householdKey: 'h-0001' }));
    render(<SessionProvider><TodoPage /></SessionProvider>);
    const unsent = await section(/未上传/);
    expect(within(unsent).getByText('李建国').closest('a')).toHaveTextContent('需重新登录');
    const drafts = await section(/草稿，尚未提交/);
    expect(within(drafts).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/fill/d-chen', '/fill/s-liu']);
    expect(within(drafts).getByText('陈秀兰').closest('a')).toHaveTextContent('草稿（在本机）');
    expect(within(drafts).getByText('刘大山').closest('a')).toHaveTextContent('草稿（已保存）');
    const notStarted = await section(/未开始/);
    const ledger = within(notStarted).getByText(/^收入明细账：/);
    // 陈秀兰 and 李建国 started it on this phone, 周永福 on the server; 黄玉梅 (一般农户) is not expected to.
    expect(ledger).toHaveTextContent('收入明细账：3 户');
    await userEvent.click(ledger);
    const start = within(ledger.closest('details')!).getByRole('link', { name: '张德明' });
    expect(start).toHaveAttribute('href', '/start/income-ledger?household=h-0005&campaign=2021');
  });

  it('works offline from the villages downloaded to the phone', async () => {
    await setMeta('lastUser', { id: 'u-1', username: 'shimiao', displayName: '石庙村信息员', role: 'officer', scope: [SHIMIAO, SHUANGFENG] });
    await keepAs(`/api/households/states?division=${SHIMIAO}`, villageStates());
    server.state.online = false;
    render(<SessionProvider><TodoPage /></SessionProvider>);
    const returned = await section(/被退回，待修改/);
    expect(within(returned).getByText('张德明')).toBeInTheDocument();
    expect(screen.getByText(/无网络，显示的是 .* 保存的数据/)).toBeInTheDocument();
  });

  it('says when nothing waits', async () => {
    // 陈秀兰's 回头看 approved, and nothing else expected of her kind.
    server.state.states = { ...villageStates(), households: [{ ...villageStates().households[0]!, kind: '一般农户' }] };
    render(<SessionProvider><TodoPage /></SessionProvider>);
    await waitFor(() => expect(screen.getByText('没有待办事项')).toBeInTheDocument());
  });
});
