// The Store contract for 民主评议 and 公示 records (issue 17), run against SQLite and PostgreSQL
// alike (sqliteStore.test.ts, postgresStore.test.ts): a record is written with one event on each
// submission it concerns, moving its revision — all or nothing, refused when a submission moved
// from the revision stated (so an approval racing it loses, or it loses to the approval); a
// record's change is a compare-and-set; records are found by submission and by division.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeliberationRecord } from '@engine';
import type { DeliberationWrite } from '../../server/store/DeliberationStore';
import type { SubmissionRecord } from '../../server/store/records';
import type { Store } from '../../server/store/Store';
import { conflict, freshStoreEach, type StoreUnderTest } from './storeFixtures';

const T0 = '2021-11-20T09:00:00.000Z';

function submission(headName: string): SubmissionRecord {
  return {
    id: randomUUID(), formId: 'form-a', formVersion: 1, campaignId: 'c-2021', householdId: null, divisionCode: '500118104201',
    headName, headIdNumber: '', status: 'submitted', reviewLevel: 0, data: {}, errors: [], warnings: [], prefill: null, requestHash: 'h',
    revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: 'u-officer', updatedBy: 'u-officer',
    createdAt: T0, updatedAt: T0, submittedAt: T0, approvedAt: null,
  };
}

function meeting(ids: string[], division = '500118104201'): Omit<DeliberationRecord, 'revision'> {
  return {
    id: randomUUID(), kind: 'meeting', campaignId: 'c-2021', formId: 'form-a', stepId: 'appraisal', divisionCode: division, submissionIds: ids,
    recordedBy: 'u-officer', recordedAt: '2021-11-20T10:00:00.000Z',
    body: { heldOn: '2021-11-20', place: '村委会', host: '陈明', participantCount: 28, participants: '', minutes: '', results: ids.map((id) => ({ submissionId: id, result: 'agree' as const })) },
  };
}

const touch = (record: SubmissionRecord, revision = record.revision) => ({
  id: record.id, expectedRevision: revision,
  event: { submissionId: record.id, at: '2021-11-20T10:00:00.000Z', userId: 'u-officer', username: 'cunyuan', action: 'deliberate' as const, status: record.status, level: 0, comment: '民主评议（2021-11-20）：同意', changes: [] },
});

export function deliberationStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, 民主评议 and 公示: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });
    const submitted = async (headName: string) => {
      const record = submission(headName);
      await store.createSubmission({ record, event: { submissionId: record.id, at: T0, userId: 'u-officer', username: 'cunyuan', action: 'submit', status: 'submitted', level: null, comment: null, changes: [] }, onePerHousehold: false });
      return record;
    };

    it('writes a record with an event on each submission it concerns, and finds it by submission and by division', async () => {
      const a = await submitted('张德明');
      const b = await submitted('王桂芳');
      const record = meeting([a.id, b.id]);
      const saved = await store.saveDeliberation({ record, expectedRevision: null, touches: [touch(a), touch(b)] });
      expect(saved).toEqual({ ...record, submissionIds: [a.id, b.id].sort(), revision: 1 });
      expect(await store.getDeliberation(record.id)).toEqual(saved);
      for (const s of [a, b]) {
        expect((await store.getSubmission(s.id))!.revision).toBe(2);
        expect((await store.listSubmissionEvents(s.id)).at(-1)).toMatchObject({ action: 'deliberate', comment: '民主评议（2021-11-20）：同意', level: 0 });
        expect((await store.listDeliberations({ submissionId: s.id })).map((r) => r.id)).toEqual([record.id]);
      }
      expect(await store.listDeliberations({ division: '500118104' })).toHaveLength(1);
      expect(await store.listDeliberations({ division: '500118104202' })).toEqual([]);
      expect(await store.listDeliberations({ campaignId: 'c-2021', formId: 'form-a', kind: 'notice' })).toEqual([]);
    });

    it('writes nothing when a submission moved from the revision stated', async () => {
      const a = await submitted('张德明');
      const b = await submitted('王桂芳');
      await store.updateSubmission({ id: b.id, expectedRevision: 1, patch: { reviewLevel: 1 }, event: { ...touch(b).event, action: 'approve', comment: null } });
      const record = meeting([a.id, b.id]);
      expect(await conflict(store.saveDeliberation({ record, expectedRevision: null, touches: [touch(a), touch(b)] }))).toBe('revision');
      expect(await store.getDeliberation(record.id)).toBeNull();
      expect((await store.getSubmission(a.id))!.revision).toBe(1);
      expect(await store.listDeliberations({ submissionId: a.id })).toEqual([]);
    });

    it('lets one of a record and an approval at the same revision through, never both', async () => {
      const a = await submitted('张德明');
      const results = await Promise.allSettled([
        store.saveDeliberation({ record: meeting([a.id]), expectedRevision: null, touches: [touch(a)] }),
        store.updateSubmission({ id: a.id, expectedRevision: 1, patch: { reviewLevel: 1 }, event: { ...touch(a).event, action: 'approve', comment: null } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.getSubmission(a.id))!.revision).toBe(2);
    });

    it('changes a record by compare-and-set on its revision', async () => {
      const a = await submitted('张德明');
      const record = meeting([a.id]);
      await store.saveDeliberation({ record, expectedRevision: null, touches: [] });
      const write = (note: string): DeliberationWrite => ({ record: { ...record, body: { ...record.body, minutes: note } } as typeof record, expectedRevision: 1, touches: [] });
      expect((await store.saveDeliberation(write('第一次修改'))).revision).toBe(2);
      expect(await conflict(store.saveDeliberation(write('第二次，基于旧版本')))).toBe('revision');
      expect((await store.getDeliberation(record.id))!.body).toMatchObject({ minutes: '第一次修改' });
      expect(await conflict(store.saveDeliberation({ record, expectedRevision: null, touches: [] }))).toBe('exists');
    });
  });
}
