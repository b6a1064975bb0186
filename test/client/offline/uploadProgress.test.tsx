// The header tells the officer which photo is going up while the queue uploads a draft's files.
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../client/api/http';
import { SyncIndicator } from '../../../client/components/SyncIndicator';
import { db } from '../../../client/offline/db';
import { getDraft, putDraft } from '../../../client/offline/drafts';
import { putFile } from '../../../client/offline/files';
import { syncNow } from '../../../client/offline/syncQueue';
import { withAttachments } from './fakeAttachments';
import { fakeOfficerServer } from './fakeOfficerServer';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const PHOTOS = ['d', 'e'].map((c) => `${c.repeat(64)}.jpg`);

let files: ReturnType<typeof withAttachments>;
beforeEach(async () => {
  await (await db()).clear('drafts');
  files = withAttachments(fakeOfficerServer());
  vi.stubGlobal('fetch', files.fetch);
  setCsrfToken('csrf-1');
});
afterEach(() => vi.unstubAllGlobals());

it('shows 正在上传照片 2/2 while the second photo goes up, and nothing once all is sent', async () => {
  for (const reference of PHOTOS) await putFile(reference, new Uint8Array([1, 2, 3]).buffer, 'image/jpeg');
  await putDraft({
    id: ID, formId: 'lookback', formVersion: 1, formTitle: '回头看', campaignId: '2021-lookback', householdId: 'h-1', householdKey: 'h-1',
    headName: '张德明', divisionCode: '500118104201', data: { D7: '漏雨', B2: PHOTOS }, prefill: {}, confirmed: [], serverRevision: null,
    serverStatus: null, returnComment: null, pending: 'submit', problem: null, serverIssues: [], duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
  });
  render(<SyncIndicator />);
  const release = files.holdUpload(PHOTOS[1]!);
  const run = syncNow();
  expect(await screen.findByText('正在上传照片 2/2')).toBeInTheDocument();
  release();
  await run;
  await waitFor(() => expect(screen.queryByText(/正在上传照片/)).toBeNull());
  expect((await getDraft(ID))!.pending).toBeNull();
});
