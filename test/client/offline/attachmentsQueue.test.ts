// The queue with photos and signatures: the files a draft refers to that the server lacks go up
// first, one by one with progress, and the submission only once every one is stored; a failed
// upload keeps everything queued, and the retry sends no stored file twice; files kept on the
// phone survive a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../client/api/http';
import { closeDb, db } from '../../../client/offline/db';
import { putDraft, getDraft } from '../../../client/offline/drafts';
import { getFile, putFile } from '../../../client/offline/files';
import type { LocalDraft } from '../../../client/offline/LocalDraft';
import { queueStateOf } from '../../../client/offline/queueState';
import { onSyncState, syncNow } from '../../../client/offline/syncQueue';
import type { UploadProgress } from '../../../client/offline/uploadFiles';
import { withAttachments } from './fakeAttachments';
import { fakeOfficerServer } from './fakeOfficerServer';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const HOUSE = `${'a'.repeat(64)}.jpg`;
const ROOM = `${'b'.repeat(64)}.jpg`;
const HEAD_SIGNS = `${'c'.repeat(64)}.png`;

function draft(data: Record<string, unknown>, overrides: Partial<LocalDraft> = {}): LocalDraft {
  return {
    id: ID, formId: 'lookback', formVersion: 1, formTitle: '监测对象“回头看”信息采集表', campaignId: '2021-lookback', householdId: 'h-1',
    householdKey: 'h-1', headName: '张德明', divisionCode: '500118104201', data: { D7: '房屋年久失修，雨季漏雨。', ...data }, prefill: {}, confirmed: [],
    serverRevision: null, serverStatus: null, returnComment: null, pending: 'submit', problem: null, serverIssues: [], duplicateOf: null,
    updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null, ...overrides,
  };
}

const bytes = (n: number) => Uint8Array.from({ length: 100 + n }, (_, i) => (i * 7 + n) % 256);
const keep = (reference: string, n: number) => putFile(reference, bytes(n).buffer, reference.endsWith('.png') ? 'image/png' : 'image/jpeg');
const sends = (files: ReturnType<typeof withAttachments>) => files.log.filter((l) => !l.startsWith('GET '));

let server: ReturnType<typeof fakeOfficerServer>;
let files: ReturnType<typeof withAttachments>;

beforeEach(async () => {
  await (await db()).clear('drafts');
  await (await db()).clear('files');
  server = fakeOfficerServer();
  files = withAttachments(server);
  vi.stubGlobal('fetch', files.fetch);
  setCsrfToken('csrf-1');
});
afterEach(() => vi.unstubAllGlobals());

describe('the queue with photos and signatures', () => {
  it('uploads only the files the server lacks, with progress, then sends the submission', async () => {
    files.stored.set(HOUSE, bytes(1));
    await keep(HOUSE, 1);
    await keep(ROOM, 2);
    await keep(HEAD_SIGNS, 3);
    await putDraft(draft({ B1: HOUSE, B2: [ROOM], members: [{ E1: HEAD_SIGNS }] }));
    const progress: (UploadProgress | null)[] = [];
    const stop = onSyncState((s) => progress.push(s.uploading));
    await syncNow();
    stop();

    expect(sends(files)).toEqual([
      'POST /api/attachments/missing', `PUT /api/attachments/${ROOM}`, `PUT /api/attachments/${HEAD_SIGNS}`, 'POST /api/forms/lookback/submissions',
    ]);
    expect(Array.from(files.stored.get(HEAD_SIGNS)!)).toEqual(Array.from(bytes(3)));
    expect(progress.filter(Boolean)).toEqual([{ current: 1, total: 2 }, { current: 2, total: 2 }]);
    expect(progress.at(-1)).toBeNull();
    expect((await getDraft(ID))!.pending).toBeNull();
    expect(server.submissions.get(ID)!.status).toBe('submitted');
  });

  it('keeps the whole item queued when an upload fails, and the retry sends no stored file twice', async () => {
    await keep(HOUSE, 1);
    await keep(ROOM, 2);
    await putDraft(draft({ B1: HOUSE, B2: [ROOM] }));
    files.failUpload(ROOM, 'network');
    await syncNow();
    const kept = (await getDraft(ID))!;
    expect(kept.pending).toBe('submit');
    expect(queueStateOf(kept)).toBe('retrying');
    expect(server.submissions.size).toBe(0);
    expect(files.stored.has(HOUSE)).toBe(true);

    await syncNow({ force: true });
    expect(files.uploads()).toEqual([HOUSE, ROOM, ROOM]);
    expect((await getDraft(ID))!.pending).toBeNull();
    expect(server.submissions.get(ID)!.status).toBe('submitted');
  });

  it('keeps the item refused with the server\'s word when a file is refused (too large)', async () => {
    await keep(HOUSE, 1);
    await putDraft(draft({ B1: HOUSE }));
    files.failUpload(HOUSE, { status: 413, code: 'too_large', message: '照片不能超过 10 MB' });
    await syncNow();
    const kept = (await getDraft(ID))!;
    expect(queueStateOf(kept)).toBe('refused');
    expect(kept.problem).toBe('照片不能超过 10 MB');
    expect(server.submissions.size).toBe(0);
  });

  it('says the phone no longer has a file neither it nor the server holds, and sends nothing', async () => {
    await putDraft(draft({ B1: HOUSE }));
    await syncNow();
    const kept = (await getDraft(ID))!;
    expect(kept.pending).toBe('submit');
    expect(kept.problem).toMatch(/本机已找不到/);
    expect(server.submissions.size).toBe(0);
  });

  it('sends a draft with no files as before, without asking about files', async () => {
    await putDraft(draft({}));
    await syncNow();
    expect(sends(files)).toEqual(['POST /api/forms/lookback/submissions']);
  });

  it('keeps the files with the draft across a restart, and uploads them after it', async () => {
    await keep(HOUSE, 1);
    await putDraft(draft({ B1: HOUSE }));
    await closeDb();

    const file = await getFile(HOUSE);
    expect(file?.contentType).toBe('image/jpeg');
    expect(Array.from(new Uint8Array(file!.bytes))).toEqual(Array.from(bytes(1)));
    await syncNow();
    expect(Array.from(files.stored.get(HOUSE)!)).toEqual(Array.from(bytes(1)));
    expect((await getDraft(ID))!.pending).toBeNull();
  });
});
