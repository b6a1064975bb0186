import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../client/api/http';
import { db } from '../../../client/offline/db';
import { getDraft, putDraft } from '../../../client/offline/drafts';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { keepMine, queueAction, retryNow, takeTheirs } from '../../../client/offline/queueActions';
import { isDue, queueStateOf } from '../../../client/offline/queueState';
import { syncNow } from '../../../client/offline/syncQueue';
import { fakeOfficerServer } from './fakeOfficerServer';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const FILLED = { A2: '张德明', B3: '是', D7: '房屋年久失修，雨季漏雨，需要危房改造，户主患病。' };

function draft(overrides: Partial<LocalDraft> = {}): LocalDraft {
  return {
    id: ID, formId: 'lookback', formVersion: 1, formTitle: '监测对象“回头看”信息采集表', campaignId: '2021-lookback', householdId: 'h-1',
    householdKey: 'h-1', headName: '张德明', divisionCode: '500118104201', data: FILLED, prefill: {}, confirmed: [],
    serverRevision: null, serverStatus: null, returnComment: null, pending: 'submit', problem: null, serverIssues: [], duplicateOf: null,
    updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null, ...overrides,
  };
}

let server: ReturnType<typeof fakeOfficerServer>;

beforeEach(async () => {
  await (await db()).clear('drafts');
  await (await db()).clear('meta');
  server = fakeOfficerServer();
  vi.stubGlobal('fetch', server.fetch);
  setCsrfToken('csrf-1');
});
afterEach(() => vi.unstubAllGlobals());

const stored = async () => (await getDraft(ID))!;

describe('the officer\'s queue', () => {
  it('lets a submit go once the server answers 2xx, and only then', async () => {
    await putDraft(draft());
    await syncNow();
    const after = await stored();
    expect(after).toMatchObject({ pending: null, serverRevision: 1, serverStatus: 'submitted' });
    expect(queueStateOf(after)).toBeNull();
    expect(server.submissions.get(ID)!.status).toBe('submitted');
  });

  it('fetches the CSRF token an app opened with no signal never had, before sending', async () => {
    setCsrfToken('');
    await putDraft(draft());
    await syncNow();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/session', 'POST /api/forms/lookback/submissions']);
    expect(server.requests[1]!.csrf).toBe('csrf-1');
    expect((await stored()).pending).toBeNull();
  });

  it('on a 403 for its token, fetches a fresh one and sends again by itself', async () => {
    setCsrfToken('token-of-an-old-session');
    await putDraft(draft());
    await syncNow();
    const sends = server.sends();
    expect(sends.map((r) => r.csrf)).toEqual(['token-of-an-old-session', 'csrf-1']);
    expect((await stored()).pending).toBeNull();
  });

  it('on a 401 with the session still there (renewed), sends again by itself', async () => {
    await putDraft(draft());
    server.failNext('POST', { status: 401, code: 'unauthenticated', message: '请先登录' });
    await syncNow();
    expect(server.sends()).toHaveLength(2);
    expect((await stored()).pending).toBeNull();
  });

  it('on a 401 with the session gone, keeps the item waiting for a new login, then sends it by itself', async () => {
    server.state.sessionAlive = false;
    await putDraft(draft());
    await syncNow();
    expect(queueStateOf(await stored())).toBe('needsLogin');
    expect((await stored()).pending).toBe('submit');
    expect(server.submissions.size).toBe(0);

    server.state.sessionAlive = true;
    setCsrfToken('csrf-1');
    await syncNow();
    expect((await stored()).pending).toBeNull();
    expect(server.submissions.size).toBe(1);
  });

  it('takes a 409 naming the same record with what it sent (an earlier answer lost) as sent', async () => {
    await putDraft(draft({ pending: 'save' }));
    server.failNext('POST', 'lost');
    await syncNow();
    expect(queueStateOf(await stored())).toBe('retrying');
    expect(server.submissions.get(ID)!.revision).toBe(1);
    // The officer submits meanwhile: the server holds the record, the phone does not know it.
    await putDraft({ ...(await stored()), pending: 'save', queueState: 'waiting' });
    server.failNext('PUT', 'lost');
    await putDraft({ ...(await stored()), serverRevision: 1 });
    await syncNow();
    expect(server.submissions.get(ID)!.revision).toBe(2);
    // The PUT went through, its answer did not: the next one quotes the old revision and meets a 409.
    await syncNow({ force: true });
    const after = await stored();
    expect(after.pending).toBeNull();
    expect(after.serverRevision).toBe(2);
    expect(server.sends().at(-1)!.method).toBe('PUT');
    expect(server.submissions.get(ID)!.revision).toBe(2);
  });

  it('keeps a 409 on the revision with both copies for the officer to choose; 保留我的 sends over theirs', async () => {
    await putDraft(draft({ pending: 'save' }));
    await syncNow();
    server.changeElsewhere(ID, { ...FILLED, B3: '否' });
    await putDraft({ ...(await stored()), data: { ...FILLED, D7: '改过的描述：房屋年久失修，雨季漏雨严重。' }, pending: 'save' });
    await syncNow();
    const conflicted = await stored();
    expect(queueStateOf(conflicted)).toBe('conflict');
    expect(conflicted.theirs).toMatchObject({ revision: 2, data: { B3: '否' }, updatedBy: 'puan' });
    expect(conflicted.pending).toBe('save');
    // Not sent again by itself: the officer chooses first.
    await syncNow({ force: true });
    expect(server.sends()).toHaveLength(2);

    await keepMine(ID);
    expect((await stored()).pending).toBeNull();
    expect(server.submissions.get(ID)!).toMatchObject({ revision: 3, data: { B3: '是', D7: '改过的描述：房屋年久失修，雨季漏雨严重。' } });
  });

  it('采用对方的 replaces the officer\'s copy with the server\'s, leaving nothing to send', async () => {
    await putDraft(draft({ pending: 'save' }));
    await syncNow();
    server.changeElsewhere(ID, { ...FILLED, B3: '否' });
    await putDraft({ ...(await stored()), data: { ...FILLED, B3: '是', D7: '我的描述，房屋年久失修，雨季漏雨。' }, pending: 'save' });
    await syncNow();
    await takeTheirs(ID);
    expect(await stored()).toMatchObject({ pending: null, serverRevision: 2, data: { B3: '否' }, theirs: null });
  });

  it('on a 422, gives the draft back with the server\'s issues and does not send it again until submitted again', async () => {
    await putDraft(draft({ data: { A2: '张德明' } }));
    await syncNow();
    const refused = await stored();
    expect(queueStateOf(refused)).toBe('invalid');
    expect(refused.pending).toBe('submit');
    expect(refused.serverIssues).toEqual([expect.objectContaining({ path: '/D7', message: 'D7 家庭困难现状描述：必填' })]);
    await syncNow({ force: true });
    expect(server.sends()).toHaveLength(1);

    await putDraft({ ...refused, data: FILLED });
    await queueAction(ID, 'submit');
    await syncNow();
    expect(await stored()).toMatchObject({ pending: null, serverStatus: 'submitted', serverIssues: [] });
  });

  it('on a 500, waits a growing pause before trying again by itself; 立即重试 skips it', async () => {
    await putDraft(draft());
    server.failNext('POST', { status: 500 });
    const before = Date.now();
    await syncNow();
    const failed = await stored();
    expect(queueStateOf(failed)).toBe('retrying');
    expect(failed.attempts).toBe(1);
    expect(Date.parse(failed.nextAttemptAt!) - before).toBeGreaterThanOrEqual(5_000);
    expect(isDue(failed, Date.now())).toBe(false);
    expect(isDue(failed, Date.parse(failed.nextAttemptAt!))).toBe(true);

    server.failNext('POST', { status: 503 });
    await syncNow({ force: true });
    const twice = await stored();
    expect(twice.attempts).toBe(2);
    expect(Date.parse(twice.nextAttemptAt!) - Date.now()).toBeGreaterThan(9_000);

    await retryNow(ID);
    expect((await stored()).pending).toBeNull();
    expect(server.submissions.size).toBe(1);
  });

  it('on a cut connection, keeps the item and tries again; with no network at all it waits for the network', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    await putDraft(draft());
    server.failNext('POST', 'network');
    await syncNow();
    expect(queueStateOf(await stored())).toBe('retrying');

    onLine.mockReturnValue(false);
    server.state.online = false;
    await syncNow({ force: true });
    expect(queueStateOf(await stored())).toBe('waiting');
    onLine.mockRestore();
    server.state.online = true;
    await syncNow();
    expect((await stored()).pending).toBeNull();
    expect(server.submissions.size).toBe(1);
  });

  it('gives up a send that hangs, so the queue is not held, and tries again later', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const timeouts: number[] = [];
    const giveUp = new AbortController();
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      timeouts.push(ms);
      return giveUp.signal;
    });
    await putDraft(draft());
    server.failNext('POST', 'hang');
    const run = syncNow();
    await vi.waitFor(() => expect(server.sends()).toHaveLength(1));
    giveUp.abort(new DOMException('signal timed out', 'TimeoutError'));
    await run;
    expect(timeouts).toEqual([60_000]);
    expect(queueStateOf(await stored())).toBe('retrying');
    onLine.mockRestore();
    vi.mocked(AbortSignal.timeout).mockRestore();
  });

  it('keeps a refusal for a household that already has the form, naming the existing one', async () => {
    await putDraft(draft());
    server.failNext('POST', { status: 409, code: 'duplicate_submission', message: '该户在本活动中已有此表（张德明，状态：draft），请打开原表继续填写', details: { existingId: 'other-id' } });
    await syncNow();
    const kept = await stored();
    expect(queueStateOf(kept)).toBe('duplicate');
    expect(kept).toMatchObject({ pending: 'submit', duplicateOf: 'other-id' });
  });

  it('keeps any other refusal, with the server\'s message', async () => {
    await putDraft(draft());
    server.failNext('POST', { status: 400, code: 'bad_request', message: '请求字段 householdId 不正确' });
    await syncNow();
    expect(await stored()).toMatchObject({ pending: 'submit', queueState: 'refused', problem: '请求字段 householdId 不正确' });
    // Not sent again by the queue, even when the network comes back: the officer retries it.
    await syncNow({ force: true });
    expect(server.sends()).toHaveLength(1);
    await retryNow(ID);
    expect(server.sends()).toHaveLength(2);
    expect((await stored()).pending).toBeNull();
  });

  it('sends nothing while another tab holds the queue', async () => {
    await putDraft(draft());
    // Another tab's lease, as the IndexedDB fallback keeps it (no Web Locks in this browser).
    await (await db()).put('meta', { owner: 'another-tab', until: Date.now() + 60_000 }, 'wanneng-send-queue');
    await syncNow();
    expect(server.sends()).toHaveLength(0);
    await (await db()).delete('meta', 'wanneng-send-queue');
    await syncNow();
    expect(server.sends()).toHaveLength(1);
  });

  it('sends an item once when two tabs work the queue at the same moment', async () => {
    await putDraft(draft());
    server.state.delayMs = 30;
    // A second tab: the same modules loaded afresh, the same IndexedDB.
    vi.resetModules();
    const otherTab = await import('../../../client/offline/syncQueue');
    (await import('../../../client/api/http')).setCsrfToken('csrf-1');
    await Promise.all([syncNow(), otherTab.syncNow(), syncNow({ force: true }), otherTab.syncNow({ force: true })]);
    await Promise.all([syncNow(), otherTab.syncNow()]);
    expect(server.sends()).toHaveLength(1);
    expect((await stored()).pending).toBeNull();
  });
});
