import { render, screen, waitFor, } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { db } from '../../../client/offline/db';
import { putDraft, updateDraft } from '../../../client/offline/drafts';
import { HouseholdsPage } from '../../../client/pages/officer/HouseholdsPage';
import { fakeGlanceServer } from './fakeGlanceServer';
import { localDraft, SHIMIAO } from './fixtures';

let server: ReturnType<typeof fakeGlanceServer>;

beforeEach(async () => {
  const database = await db();
  await database.clear('drafts');
  await database.clear('cache');
  server = fakeGlanceServer();
  vi.stubGlobal('fetch', server.fetch);
  window.history.replaceState(null, '', `/villages/${SHIMIAO}`);
});
afterEach(() => vi.unstubAllGlobals());

const page = () => render(<SessionProvider><HouseholdsPage code={SHIMIAO} /></SessionProvider>);
const names = async () => (await screen.findAllByRole('link', { name: /组/ })).map((a) => a.querySelector('strong')!.textContent);
const card = async (name: string) => (await screen.findByText(name, { selector: 'strong' })).closest('a')!;

describe('a village\'s households with their states', () => {
  it('shows each household\'s forms with their state, returned households first with the reviewer\'s comment', async () => {
    page();
    await screen.findByText('张德明', { selector: 'strong' });
    expect(await names()).toEqual(['张德明', '陈秀兰', '李建国', '刘大山', '王桂芳']);
    const zhang = await card('张德明');
    expect(zhang).toHaveTextContent('被退回 监测对象“回头看”信息采集表退回意见：C2 收入区间与务工收入不符，请核实后重新提交');
    expect(zhang).toHaveTextContent('未填 收入明细账');
    expect(await card('王桂芳')).toHaveTextContent('已提交待审核 监测对象“回头看”信息采集表');
    expect(await card('陈秀兰')).toHaveTextContent('已通过 监测对象“回头看”信息采集表');
    expect(await card('刘大山')).toHaveTextContent('草稿（已保存） 监测对象“回头看”信息采集表');
    // Read in one answer for the village, not one per household.
    expect(server.requests.filter((r) => r.startsWith('GET /api/households/'))).toEqual([`GET /api/households/states?division=${SHIMIAO}`]);
  });

  it('counts households per state and filters by one', async () => {
    page();
    const returned = await screen.findByRole('button', { name: '被退回 1' });
    expect(screen.getByRole('button', { name: '未填 5' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '已提交待审核 1' })).toBeInTheDocument();
    await userEvent.click(returned);
    await waitFor(async () => expect(await names()).toEqual(['张德明']));
    expect(window.location.search).toBe('?state=returned');
    expect(screen.getByText('1 户')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '已通过 1' }));
    await waitFor(async () => expect(await names()).toEqual(['陈秀兰']));
  });

  it('works offline from the states kept on the phone, with its own drafts and queue merged in', async () => {
    const first = page();
    await screen.findByText('张德明', { selector: 'strong' });
    first.unmount();
    server.state.online = false;
    await putDraft(localDraft({ id: 'd-li', householdId: 'h-0002', householdKey: 'h-0002', headName: '李建国', pending: 'submit', queueState: 'waiting' }));
    page();
    const li = await card('李建国');
    await waitFor(() => expect(li).toHaveTextContent('待上传 收入明细账'));
    expect(li).toHaveTextContent('等待正式提交：有网络时自动上传');
    expect(screen.getByText(/无网络，显示的是 .* 保存的数据/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '待上传 1' })).toBeInTheDocument();
  });

  it('follows a send made in the background at once', async () => {
    await putDraft(localDraft({ id: 'd-li', householdId: 'h-0002', householdKey: 'h-0002', headName: '李建国', pending: 'submit', queueState: 'waiting' }));
    page();
    const li = await card('李建国');
    await waitFor(() => expect(li).toHaveTextContent('待上传 收入明细账'));
    await updateDraft('d-li', (d) => ({ ...d, pending: null, queueState: null, serverRevision: 1, serverStatus: 'submitted' }));
    await waitFor(() => expect(li).toHaveTextContent('已提交待审核 收入明细账'));
  });
});
