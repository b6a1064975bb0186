// A fill page's data in one request (GET /api/fill) rather than several one after another, each
// part kept on the phone under its own route's path so the page opens with no signal from those
// copies; and the read the app starts while it asks who is signed in, taken by the page once.
import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { onUnauthenticated } from '../../../client/api/http';
import { kept } from '../../../client/offline/cachedGet';
import { db } from '../../../client/offline/db';
import { getDraft, putDraft } from '../../../client/offline/drafts';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { loadFill, prefetchFill, takeFill } from '../../../client/offline/loadFill';
import { mockServer, type MockServer } from '../admin/mockServer';

const SUBMISSION = '6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b';
const LOCAL = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const definition = { id: 'lookback', title: '回头看排查表', schema: { type: 'object', properties: { D7: { type: 'string', title: 'D7' } } } };
const version = { id: 'lookback', title: '回头看排查表', version: 2, definition, publishedAt: '2021-10-01T00:00:00.000Z', changes: [] };
const campaigns = { items: [{ id: '2021-lookback', title: '2021年回头看', year: 2021, parameters: { incomeLine: 6000 }, forms: ['lookback'] }] };
const household = { id: 'h-7', divisionCode: '500118104201', headName: '李桂花', members: [], memberCount: 0, submissions: [], history: [] };
const submission = {
  id: SUBMISSION, formId: 'lookback', formVersion: 2, campaignId: '2021-lookback', householdId: 'h-7', divisionCode: '500118104201', headName: '李桂花',
  data: { D7: '因病' }, prefill: {}, status: 'returned', revision: 3, returnComment: '请补充 D7', updatedAt: '2021-11-02T00:00:00.000Z', history: [], explanations: {}, fieldNotes: [],
};
const localDraft: LocalDraft = {
  id: LOCAL, formId: 'lookback', formVersion: 2, formTitle: '回头看排查表', campaignId: '2021-lookback', householdId: 'h-7', householdKey: 'h-7', headName: '李桂花',
  divisionCode: '500118104201', data: { D7: '只在本机' }, prefill: {}, confirmed: [], explanations: {}, fieldNotes: [], serverRevision: null, serverStatus: null, returnComment: null,
  pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
};

let server: MockServer;
beforeEach(async () => {
  await (await db()).clear('drafts');
  await (await db()).clear('cache');
  server = mockServer();
  server.on('GET', `/api/submissions/${SUBMISSION}`, () => submission);
  server.on('GET', '/api/forms/lookback/versions/2', () => version);
  server.on('GET', '/api/campaigns', () => campaigns);
  server.on('GET', '/api/households/h-7', () => household);
});
afterEach(() => server.restore());

const reads = () => server.requests.filter((r) => r.method === 'GET').map((r) => r.path);

describe('a fill page\'s data', () => {
  it('comes in one request for a submission not on the phone, which becomes a local draft', async () => {
    const loaded = await loadFill(SUBMISSION);
    expect(reads()).toEqual([`/api/fill?submission=${SUBMISSION}`]);
    expect(loaded.draft).toMatchObject({ id: SUBMISSION, data: { D7: '因病' }, serverStatus: 'returned', serverRevision: 3, returnComment: '请补充 D7', formTitle: '回头看排查表' });
    expect(loaded.campaign).toMatchObject({ id: '2021-lookback', parameters: { incomeLine: 6000 } });
    expect(loaded.household).toMatchObject({ headName: '李桂花' });
    expect(loaded.form.version).toBe(2);
    expect(loaded.staleSince).toBeNull();
    expect(await getDraft(SUBMISSION)).toMatchObject({ data: { D7: '因病' } });
  });

  it('comes by its form version and household for a draft only on the phone', async () => {
    await putDraft(localDraft);
    const loaded = await loadFill(LOCAL);
    // Asked by its id at once too (before the phone's draft is read), which the server does not know.
    expect(reads()).toEqual([`/api/fill?submission=${LOCAL}`, '/api/fill?form=lookback&version=2&household=h-7']);
    expect(loaded.draft.data).toEqual({ D7: '只在本机' });
    expect(loaded.household).toMatchObject({ id: 'h-7' });
  });

  it('is kept under each route\'s own path, and opens from those copies with no signal', async () => {
    await loadFill(SUBMISSION);
    await vi.waitFor(async () => expect(await kept('/api/households/h-7')).not.toBeNull());
    expect((await kept('/api/forms/lookback/versions/2'))?.data).toEqual(version);
    expect((await kept('/api/campaigns'))?.data).toEqual(campaigns);
    expect((await kept(`/api/submissions/${SUBMISSION}`))?.data).toMatchObject({ id: SUBMISSION });
    // No signal, and the draft gone from the phone's drafts: made again from the kept submission.
    await (await db()).clear('drafts');
    server.restore();
    const offline = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    try {
      const loaded = await loadFill(SUBMISSION);
      expect(loaded.draft).toMatchObject({ id: SUBMISSION, data: { D7: '因病' } });
      expect(loaded.campaign?.id).toBe('2021-lookback');
      expect(loaded.household?.headName).toBe('李桂花');
      expect(loaded.staleSince).not.toBeNull();
    } finally {
      offline.mockRestore();
      server = mockServer();
    }
  });

  it('started as the app starts is taken by the page once, not asked for again', async () => {
    prefetchFill(SUBMISSION);
    const loaded = await takeFill(SUBMISSION);
    expect(loaded.draft.id).toBe(SUBMISSION);
    expect(reads()).toEqual([`/api/fill?submission=${SUBMISSION}`]);
    await takeFill(SUBMISSION);
    expect(reads()).toHaveLength(2);
  });

  it('asked before anyone is signed in, a 401 says nothing of an expired session, and the page asks again', async () => {
    const expired = vi.fn();
    const stop = onUnauthenticated(expired);
    server.on('GET', `/api/fill?submission=${SUBMISSION}`, () => ({ status: 401, body: { error: { code: 'unauthenticated', message: '请先登录' } } }));
    prefetchFill(SUBMISSION);
    await expect(takeFill(SUBMISSION)).rejects.toThrow('请先登录');
    stop();
    // Only the page's own read (after the session said nobody is signed in) is news of an expiry.
    expect(reads()).toEqual([`/api/fill?submission=${SUBMISSION}`, `/api/fill?submission=${SUBMISSION}`]);
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
