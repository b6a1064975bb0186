// One phone, two officers (the village's phone handed from one to the next): each lists and sends
// only their own drafts; the other's wait on the phone, counted with their name, until they sign
// in here again, and their photos stay meanwhile; the households one read stay unreadable to the
// other with no signal. What was kept before drafts and copies had owners is everyone's, as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OfflineError, setCsrfToken } from '../../../client/api/http';
import type { User } from '../../../client/api/types';
import { cachedGet, keepAs } from '../../../client/offline/cachedGet';
import { db, setMeta } from '../../../client/offline/db';
import { draftsOfHousehold, getDraft, putDraft } from '../../../client/offline/drafts';
import { getFile, putFile } from '../../../client/offline/files';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { loadFill } from '../../../client/offline/loadFill';
import { syncNow, syncState } from '../../../client/offline/syncQueue';
import { withAttachments } from './fakeAttachments';
import { fakeOfficerServer } from './fakeOfficerServer';

const officer = (id: string, username: string, displayName: string): User => ({
  id, username, displayName, phone: null, role: 'officer', scope: ['500118104201'], disabled: false, createdAt: '2021-11-01T00:00:00.000Z', revision: 1,
});
const WANG = officer('u-wang', 'gaotan', '王建华');
const LI = officer('u-li', 'gaotan2', '李秀英');
const WANGS = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const LIS = '3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f';
const OLD = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const PHOTO = `${'d'.repeat(64)}.jpg`;

function draft(id: string, householdId: string, headName: string, data: Record<string, unknown> = {}): LocalDraft {
  return {
    id, formId: 'lookback', formVersion: 1, formTitle: '监测对象“回头看”信息采集表', campaignId: '2021-lookback', householdId,
    householdKey: householdId, headName, divisionCode: '500118104201', data: { A2: headName, B3: '是', D7: '户主患慢性病，常年服药，自付医药费较多。', ...data },
    prefill: {}, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null, pending: 'submit', problem: null, serverIssues: [],
    duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
  };
}

/** Who signs in on the phone: what the session keeps on login (and 退出 clears). */
const signIn = (user: User | null) => setMeta('lastUser', user);

let server: ReturnType<typeof fakeOfficerServer>;

beforeEach(async () => {
  await (await db()).clear('drafts');
  await (await db()).clear('files');
  await (await db()).clear('meta');
  await (await db()).clear('cache');
  server = fakeOfficerServer();
  vi.stubGlobal('fetch', withAttachments(server).fetch);
  setCsrfToken('csrf-1');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a phone shared by two officers', () => {
  it('sends only the signed-in officer\'s drafts; the other\'s wait, named, until that officer signs in again', async () => {
    await signIn(WANG);
    await putDraft(draft(WANGS, 'h-1', '张德明'));
    await signIn(LI);
    await putDraft(draft(LIS, 'h-2', '刘玉兰'));

    await syncNow();
    expect([...server.submissions.keys()]).toEqual([LIS]);
    expect(syncState()).toMatchObject({ pending: 0, others: { names: ['王建华'], pending: 1 } });
    // Not refused, not touched: still waiting to be submitted as 王建华 left it.
    expect(await getDraft(WANGS)).toMatchObject({ pending: 'submit', problem: null, owner: { id: WANG.id, displayName: '王建华' } });

    await signIn(WANG);
    await syncNow();
    expect([...server.submissions.keys()].sort()).toEqual([LIS, WANGS].sort());
    expect(server.submissions.get(WANGS)!.status).toBe('submitted');
    expect(syncState()).toMatchObject({ pending: 0, others: { names: [], pending: 0 } });
  });

  it('lists a household\'s drafts of the signed-in officer only; one kept before owners is everyone\'s', async () => {
    await signIn(WANG);
    await putDraft(draft(WANGS, 'h-1', '张德明'));
    await (await db()).put('drafts', draft(OLD, 'h-1', '张德明'));
    await signIn(LI);
    expect((await draftsOfHousehold('h-1')).map((d) => d.id)).toEqual([OLD]);
    await signIn(WANG);
    expect((await draftsOfHousehold('h-1')).map((d) => d.id).sort()).toEqual([OLD, WANGS].sort());
    // Nor does the other officer open it by its address.
    await signIn(LI);
    await expect(loadFill(WANGS)).rejects.toThrow('这份表是本机王建华填写的，需其本人登录后才能打开');
    // Signed out, the phone lists none of anyone's.
    await signIn(null);
    expect((await draftsOfHousehold('h-1')).map((d) => d.id)).toEqual([OLD]);
  });

  it('keeps the other officer\'s photos when the queue lets unused files go', async () => {
    await signIn(WANG);
    await putFile(PHOTO, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).buffer, 'image/jpeg');
    await putDraft(draft(WANGS, 'h-1', '张德明', { B1: PHOTO }));
    await signIn(LI);
    // Two days on, when unused files would be let go: 李秀英's queue runs.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 24 * 60 * 60 * 1000 });
    await syncNow();
    expect(server.submissions.size).toBe(0);
    expect(await getFile(PHOTO)).toBeDefined();
  });

  it('shows the households kept on the phone, with no signal, only to the officer who read them', async () => {
    await signIn(WANG);
    await keepAs('/api/households/h-1', { id: 'h-1', headName: '张德明', headIdNumber: '500118196503120011' });
    // Kept before copies had owners: everyone's, as it was.
    await (await db()).put('cache', { path: '/api/campaigns', body: { items: [] }, savedAt: '2021-11-19T08:00:00.000Z' });
    server.state.online = false;
    expect((await cachedGet('/api/households/h-1')).data).toMatchObject({ headName: '张德明' });

    await signIn(LI);
    await expect(cachedGet('/api/households/h-1')).rejects.toBeInstanceOf(OfflineError);
    expect((await cachedGet('/api/campaigns')).data).toEqual({ items: [] });
    await signIn(null);
    await expect(cachedGet('/api/households/h-1')).rejects.toBeInstanceOf(OfflineError);
    await signIn(WANG);
    expect((await cachedGet('/api/households/h-1')).staleSince).not.toBeNull();
  });
});
