import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../client/api/http';
import { QueueLine, QueueNotice } from '../../../client/components/QueueNotice';
import { db } from '../../../client/offline/db';
import { getDraft, putDraft } from '../../../client/offline/drafts';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { fakeOfficerServer } from './fakeOfficerServer';

const ID = '0b7e3f52-1d2c-4f1e-9a5e-3c2d1b0a9f8e';

function draft(overrides: Partial<LocalDraft> = {}): LocalDraft {
  return {
    id: ID, formId: 'lookback', formVersion: 1, formTitle: '回头看', campaignId: '2021-lookback', householdId: 'h-1', householdKey: 'h-1',
    headName: '张德明', divisionCode: '500118104201', data: { B3: '是', D7: '房屋年久失修，雨季漏雨，需要危房改造。' }, prefill: {}, confirmed: [],
    serverRevision: null, serverStatus: null, returnComment: null, pending: 'submit', problem: null, serverIssues: [], duplicateOf: null,
    updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null, ...overrides,
  };
}

const titles: Record<string, string> = { B3: 'B3 是否存在住房安全问题', D7: 'D7 家庭困难现状描述' };
const titleOf = (key: string) => titles[key] ?? key;

let server: ReturnType<typeof fakeOfficerServer>;

beforeEach(async () => {
  await (await db()).clear('drafts');
  server = fakeOfficerServer();
  vi.stubGlobal('fetch', server.fetch);
  setCsrfToken('csrf-1');
  window.history.replaceState(null, '', `/fill/${ID}`);
});
afterEach(() => vi.unstubAllGlobals());

describe('a queued item as the officer sees it', () => {
  it('says nothing more in the form while it simply waits, and names the state on a household list', () => {
    const waiting = draft({ queueState: 'waiting' });
    const { container } = render(<QueueNotice draft={waiting} titleOf={titleOf} onReplaced={() => {}} />);
    expect(container).toBeEmptyDOMElement();
    render(<QueueLine draft={waiting} />);
    expect(screen.getByText('待上传')).toBeInTheDocument();
    expect(screen.getByText(/等待正式提交：有网络时自动上传/)).toBeInTheDocument();
  });

  it('after a server error, says when it tries again, and 立即重试 sends it now', async () => {
    const failed = draft({ queueState: 'retrying', problem: '服务器出错，请稍后再试', attempts: 1, nextAttemptAt: new Date(Date.now() + 5000).toISOString() });
    await putDraft(failed);
    render(<QueueNotice draft={failed} titleOf={titleOf} onReplaced={() => {}} />);
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('等待重试');
    expect(notice).toHaveTextContent(/服务器出错，请稍后再试。将在 .* 自动重试/);
    await userEvent.click(within(notice).getByRole('button', { name: '立即重试' }));
    await waitFor(async () => expect((await getDraft(ID))!.pending).toBeNull());
    expect(server.submissions.get(ID)!.status).toBe('submitted');
  });

  it('asks to log in again when the session ended, keeping the page to come back to', async () => {
    render(<QueueNotice draft={draft({ queueState: 'needsLogin' })} titleOf={titleOf} onReplaced={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('登录已过期：请重新登录，登录后自动上传。本机的数据不会丢失');
    await userEvent.click(screen.getByRole('button', { name: '重新登录' }));
    expect(window.location.pathname + window.location.search).toBe(`/login?next=${encodeURIComponent(`/fill/${ID}`)}`);
  });

  it('sends the officer to the fields after a 422', () => {
    render(<QueueNotice draft={draft({ queueState: 'invalid', serverIssues: [{ path: '/D7', code: 'required', field: 'D7', message: 'D7 必填', severity: 'error' }] })} titleOf={titleOf} onReplaced={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('需修改 服务器发现 1 处问题：请按字段旁的提示修改后再正式提交');
  });

  it('shows both copies of a conflict field by field, and takes theirs when chosen', async () => {
    const conflicted = draft({
      pending: 'save', serverRevision: 1, serverStatus: 'draft', queueState: 'conflict',
      theirs: { revision: 2, status: 'draft', data: { B3: '否', D7: '房屋年久失修，雨季漏雨，需要危房改造。' }, returnComment: null, updatedAt: '2021-11-21T02:00:00.000Z', updatedBy: 'puan' },
    });
    await putDraft(conflicted);
    const replaced = vi.fn();
    render(<QueueNotice draft={conflicted} titleOf={titleOf} onReplaced={replaced} />);
    const row = screen.getByRole('rowheader', { name: 'B3 是否存在住房安全问题' }).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['是', '否']);
    expect(screen.queryByRole('rowheader', { name: 'D7 家庭困难现状描述' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /对方的（puan/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '采用对方的' }));
    await waitFor(() => expect(replaced).toHaveBeenCalled());
    expect(await getDraft(ID)).toMatchObject({ pending: null, data: { B3: '否' }, serverRevision: 2 });
  });

  it('cannot keep mine over a copy already submitted', () => {
    render(<QueueNotice draft={draft({
      pending: 'save', serverRevision: 1, queueState: 'conflict',
      theirs: { revision: 2, status: 'submitted', data: { B3: '否' }, returnComment: null, updatedAt: '2021-11-21T02:00:00.000Z', updatedBy: 'gaotan' },
    })} titleOf={titleOf} onReplaced={() => {}} />);
    expect(screen.queryByRole('button', { name: '保留我的并上传' })).toBeNull();
    expect(screen.getByText('对方的已正式提交，不能再覆盖。')).toBeInTheDocument();
  });

  it('offers the household\'s existing form, or to give up this copy, for a duplicate', async () => {
    const duplicate = draft({ queueState: 'duplicate', problem: '该户在本活动中已有此表（张德明，状态：draft），请打开原表继续填写', duplicateOf: 'other-id' });
    await putDraft(duplicate);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<QueueNotice draft={duplicate} titleOf={titleOf} onReplaced={() => {}} />);
    expect(screen.getByRole('link', { name: '打开已有的表' })).toHaveAttribute('href', '/fill/other-id');
    await userEvent.click(screen.getByRole('button', { name: '放弃本机这份' }));
    await waitFor(() => expect(window.location.pathname).toBe('/households/h-1'));
    expect(await getDraft(ID)).toBeUndefined();
  });
});
