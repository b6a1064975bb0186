// @vitest-environment node
// The phone's queue against the real server (the app on a temporary SQLite store, answered in
// process): a draft with a photo list, a signature and a member's photo, kept on the phone, is
// sent by the queue — the files the server lacks uploaded first, the submission accepted after —
// and a second draft sharing a photo uploads only its new file.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../client/api/http';
import { db } from '../../../client/offline/db';
import { getDraft, putDraft } from '../../../client/offline/drafts';
import { putFile } from '../../../client/offline/files';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { syncNow } from '../../../client/offline/syncQueue';
import { anotherJpeg, image, openVisitCampaign, referenceOf, VISIT_CAMPAIGN, VISIT_FORM_ID } from '../../helpers/attachments';
import { createFixture, type Fixture } from '../../helpers/serverFixture';

let f: Fixture;
const asked: string[] = [];

beforeAll(async () => {
  f = await createFixture();
  await openVisitCampaign(f.server, f.admin);
});
afterAll(() => f.server.close());

beforeEach(async () => {
  await (await db()).clear('drafts');
  asked.length = 0;
  setCsrfToken(f.officer.csrf);
  // The browser's fetch, as the officer's session: the cookie added, a Blob body handed over as its bytes.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const method = init.method ?? 'GET';
    asked.push(`${method} ${path.replace(/[0-9a-f]{64}/, (hex) => hex.slice(0, 6))}`);
    const body = init.body instanceof Blob ? new Uint8Array(await init.body.arrayBuffer()) : init.body;
    const headers = { ...(init.headers as Record<string, string>), Cookie: f.officer.cookie };
    return f.server.app.request(path, { ...init, body, headers });
  });
});

function draft(data: Record<string, unknown>): LocalDraft {
  const household = f.households.find((h) => h.divisionCode === '500118104201')!;
  return {
    id: randomUUID(), formId: VISIT_FORM_ID, formVersion: 1, formTitle: '入户核查（测试）', campaignId: VISIT_CAMPAIGN, householdId: household.id,
    householdKey: household.id, headName: household.headName, divisionCode: household.divisionCode, data, prefill: {}, confirmed: [],
    serverRevision: null, serverStatus: null, returnComment: null, pending: 'save', problem: null, serverIssues: [], duplicateOf: null,
    updatedAt: new Date().toISOString(), syncedAt: null,
  };
}

describe('the queue against the real server', () => {
  it('uploads the draft\'s files, then has its submission accepted; a later draft uploads only its new file', async () => {
    const house = image('gradient.jpg');
    const signature = image('gradient.png');
    const certificate = anotherJpeg(901);
    const refs = { house: referenceOf(house, 'jpg'), signature: referenceOf(signature, 'png'), certificate: referenceOf(certificate, 'jpg') };
    await putFile(refs.house, new Uint8Array(house).buffer, 'image/jpeg');
    await putFile(refs.signature, new Uint8Array(signature).buffer, 'image/png', 'signature');
    await putFile(refs.certificate, new Uint8Array(certificate).buffer, 'image/jpeg');
    const first = draft({ B1: [refs.house], B4: refs.signature, members: [{ A1: '张德明', A2: refs.certificate }] });
    await putDraft(first);
    await syncNow();

    const sent = (await getDraft(first.id))!;
    expect(sent).toMatchObject({ pending: null, problem: null, serverRevision: 1 });
    const uploads = asked.filter((a) => a.startsWith('PUT /api/attachments/'));
    expect(uploads).toHaveLength(3);
    // A signature goes up as one (held to the signature's limit), with when it was signed on the phone.
    expect(uploads.find((a) => a.includes(`${refs.signature.slice(0, 6)}.png`))).toMatch(/\?kind=signature&capturedAt=\d{4}-\d{2}-\d{2}T/);
    expect(uploads.find((a) => a.includes(`${refs.house.slice(0, 6)}.jpg`))).toMatch(/\?kind=photo&/);
    expect(asked.indexOf('POST /api/attachments/missing')).toBeLessThan(asked.findIndex((a) => a.startsWith('PUT /api/attachments/')));
    expect(asked.at(-1)).toBe(`POST /api/forms/${VISIT_FORM_ID}/submissions`);
    const stored = await f.officer.get(`/api/submissions/${first.id}`);
    expect(stored.body.data.B4).toBe(refs.signature);

    asked.length = 0;
    const extra = anotherJpeg(902);
    const extraRef = referenceOf(extra, 'jpg');
    await putFile(extraRef, new Uint8Array(extra).buffer, 'image/jpeg');
    const second = { ...draft({ B1: [refs.house, extraRef] }), householdId: f.households.filter((h) => h.divisionCode === '500118104201')[1]!.id };
    second.householdKey = second.householdId!;
    await putDraft(second);
    await syncNow();
    expect(asked.filter((a) => a.startsWith('PUT ')).map((a) => a.split('?')[0])).toEqual([`PUT /api/attachments/${extraRef.slice(0, 6)}${extraRef.slice(64)}`]);
    expect((await getDraft(second.id))!).toMatchObject({ pending: null, problem: null });
  });
});
