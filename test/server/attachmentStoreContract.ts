// The Store contract for stored files (issue 16), run against SQLite and PostgreSQL alike
// (sqliteStore.test.ts, postgresStore.test.ts): a file streamed in, read back chunk by chunk the
// same; stored once whatever the retries and races; nothing kept when the upload fails; and who
// may read it — its uploader, or whoever sees a submission that referred to it at any write.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../server/store/records';
import type { NewAttachment, Store } from '../../server/store/Store';
import { freshStoreEach, type StoreUnderTest } from './storeFixtures';

const T0 = '2021-11-20T09:00:00.000Z';

/** Bytes that differ from byte to byte and file to file (a file's own hash names it). */
function bytesOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return bytes;
}

function newAttachment(bytes: Uint8Array, overrides: Partial<NewAttachment> = {}): NewAttachment {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { reference: `${sha256}.jpg`, sha256, contentType: 'image/jpeg', uploadedBy: 'u-officer', uploadedAt: T0, capturedAt: null, ...overrides };
}

/** The bytes in uneven pieces, as a network delivers them. */
async function* piecesOf(bytes: Uint8Array, size = 65_537): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield bytes.subarray(at, Math.min(at + size, bytes.length));
  }
}

async function* failingAfter(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  yield* piecesOf(bytes.subarray(0, size));
  throw new Error('连接中断');
}

const neverRead = (): AsyncIterable<Uint8Array> => ({
  [Symbol.asyncIterator]() {
    throw new Error('已保存的文件不应再读取请求内容');
  },
});

async function readAll(store: Store, reference: string): Promise<{ bytes: Buffer; chunks: number } | null> {
  const opened = await store.openAttachment(reference);
  if (!opened) return null;
  const parts: Uint8Array[] = [];
  for await (const part of opened.bytes) parts.push(part);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

function submission(references: string[], overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    id: randomUUID(), formId: 'form-a', formVersion: 1, campaignId: 'c-2021', householdId: null, divisionCode: '500118104201',
    headName: '张德明', headIdNumber: '500118196503120011', status: 'draft', reviewLevel: 0, data: { B1: references },
    errors: [], warnings: [], prefill: null, requestHash: 'hash-1', revision: 1, returnComment: null, explanations: {}, fieldNotes: [],
    createdBy: 'u-officer', updatedBy: 'u-officer', createdAt: T0, updatedAt: T0, submittedAt: null, approvedAt: null, ...overrides,
  };
}

export function attachmentStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, stored files: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

    const create = (record: SubmissionRecord, attachments: string[]) => store.createSubmission({
      record, onePerHousehold: false, attachments,
      event: { submissionId: record.id, at: T0, userId: record.createdBy, username: 'cunyuan', action: 'create', status: 'draft', level: null, comment: null, changes: [] },
    });

    it('stores a file as it streams in and gives back the same bytes, chunk by chunk', async () => {
      // Over two PostgreSQL chunks, in pieces that do not line up with them.
      const bytes = bytesOf(600_000, 1);
      const record = newAttachment(bytes, { capturedAt: '2021-11-20T08:55:00.000Z' });
      expect(await store.putAttachment(record, piecesOf(bytes))).toEqual({ outcome: 'stored', size: 600_000 });
      expect(await store.attachmentRecords([record.reference, `${'0'.repeat(64)}.jpg`])).toEqual([{ ...record, size: 600_000 }]);
      const read = (await readAll(store, record.reference))!;
      expect(read.bytes.equals(Buffer.from(bytes))).toBe(true);
      expect(read.chunks).toBeGreaterThan(1);
      expect(await store.openAttachment(`${'0'.repeat(64)}.jpg`)).toBeNull();
    });

    it('answers a file stored already without reading its bytes again', async () => {
      const bytes = bytesOf(1000, 2);
      const first = newAttachment(bytes);
      await store.putAttachment(first, piecesOf(bytes));
      expect(await store.putAttachment({ ...first, uploadedBy: 'u-other' }, neverRead())).toEqual({ outcome: 'exists', size: 1000 });
      expect((await store.attachmentRecords([first.reference]))[0]!.uploadedBy).toBe('u-officer');
    });

    it('keeps nothing of an upload cut short, and stores the file when it is sent again', async () => {
      const bytes = bytesOf(400_000, 3);
      const record = newAttachment(bytes);
      await expect(store.putAttachment(record, failingAfter(bytes, 300_000))).rejects.toThrow('连接中断');
      expect(await store.attachmentRecords([record.reference])).toEqual([]);
      expect(await store.openAttachment(record.reference)).toBeNull();
      expect(await store.putAttachment(record, piecesOf(bytes))).toEqual({ outcome: 'stored', size: 400_000 });
      expect((await readAll(store, record.reference))!.bytes.equals(Buffer.from(bytes))).toBe(true);
    });

    it('stores one copy when the same file arrives twice at once', async () => {
      const bytes = bytesOf(300_000, 4);
      const record = newAttachment(bytes);
      const outcomes = await Promise.all([store.putAttachment(record, piecesOf(bytes)), store.putAttachment({ ...record, uploadedBy: 'u-other' }, piecesOf(bytes))]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['exists', 'stored']);
      expect(outcomes.map((o) => o.size)).toEqual([300_000, 300_000]);
      expect((await readAll(store, record.reference))!.bytes.equals(Buffer.from(bytes))).toBe(true);
    });

    it('lets the uploader read a file, and whoever sees a submission that referred to it, even after it was removed from the data', async () => {
      const bytes = bytesOf(500, 5);
      const record = newAttachment(bytes);
      await store.putAttachment(record, piecesOf(bytes));
      const ref = record.reference;
      const village = { userId: 'u-village', scope: ['500118104201'] };
      const township = { userId: 'u-township', scope: ['500118104'] };
      const neighbour = { userId: 'u-neighbour', scope: ['500118104202'] };
      expect(await store.mayReadAttachment(ref, { userId: 'u-officer', scope: [] })).toBe(true);
      expect(await store.mayReadAttachment(ref, township)).toBe(false);

      const draft = submission([ref]);
      await create(draft, [ref]);
      for (const reader of [village, township, { userId: 'u-admin', scope: [''] }]) expect(await store.mayReadAttachment(ref, reader)).toBe(true);
      expect(await store.mayReadAttachment(ref, neighbour)).toBe(false);

      // A later write without the file: the history still shows it, so it stays readable.
      await store.updateSubmission({
        id: draft.id, expectedRevision: 1, patch: { data: { B1: [] } }, attachments: [],
        event: { submissionId: draft.id, at: T0, userId: 'u-officer', username: 'cunyuan', action: 'save', status: 'draft', level: null, comment: null, changes: [] },
      });
      expect(await store.mayReadAttachment(ref, township)).toBe(true);
      expect(await store.mayReadAttachment(`${'0'.repeat(64)}.jpg`, { userId: 'u-admin', scope: [''] })).toBe(false);
    });

    it('links the files of an update and of an approval, in the same write', async () => {
      const [a, b] = [bytesOf(300, 6), bytesOf(300, 7)].map((bytes) => ({ bytes, record: newAttachment(bytes, { uploadedBy: 'u-someone' }) }));
      for (const f of [a!, b!]) await store.putAttachment(f.record, piecesOf(f.bytes));
      const neighbourDraft = submission([], { divisionCode: '500118104202' });
      await create(neighbourDraft, []);
      const neighbour = { userId: 'u-neighbour', scope: ['500118104202'] };
      expect(await store.mayReadAttachment(a!.record.reference, neighbour)).toBe(false);
      const event = { submissionId: neighbourDraft.id, at: T0, userId: 'u-x', username: 'x', action: 'save' as const, status: 'draft' as const, level: null, comment: null, changes: [] };
      await store.updateSubmission({ id: neighbourDraft.id, expectedRevision: 1, patch: { data: { B1: [a!.record.reference] } }, attachments: [a!.record.reference], event });
      expect(await store.mayReadAttachment(a!.record.reference, neighbour)).toBe(true);
      await store.approveWithEffects({ id: neighbourDraft.id, expectedRevision: 2, patch: { status: 'approved' }, attachments: [b!.record.reference], event: { ...event, action: 'approve', status: 'approved' } }, null);
      expect(await store.mayReadAttachment(b!.record.reference, neighbour)).toBe(true);
      // A stale write links nothing.
      const c = { bytes: bytesOf(300, 8) };
      const cRecord = newAttachment(c.bytes, { uploadedBy: 'u-someone' });
      await store.putAttachment(cRecord, piecesOf(c.bytes));
      await expect(store.updateSubmission({ id: neighbourDraft.id, expectedRevision: 1, patch: {}, attachments: [cRecord.reference], event })).rejects.toThrow();
      expect(await store.mayReadAttachment(cRecord.reference, neighbour)).toBe(false);
    });
  });
}
