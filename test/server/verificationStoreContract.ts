// The Store contract for households to verify (重点核查户, issue 17), run against SQLite and
// PostgreSQL alike (sqliteStore.test.ts, postgresStore.test.ts): one open item per application or
// warning, lists limited to the caller's area with counts by state and source, closing as a
// compare-and-set (two officers closing one item at once: one wins), linking, and inclusion by the
// final approval in its own transaction, the resident's application following the item.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../server/store/records';
import { StoreConflict, type HouseholdChange, type NewVerificationItem, type Store, type SubmissionUpdate } from '../../server/store/Store';
import { residentId } from '../helpers/sampleForm';
import { event, freshStoreEach, submission, type StoreUnderTest } from './storeFixtures';

const GAOTAN = '500118104201';
const PUAN = '500118104202';
const NEWCOMER = '11010519491231002X';

function newItem(overrides: Partial<NewVerificationItem> = {}): NewVerificationItem {
  return {
    id: randomUUID(), divisionCode: GAOTAN, householdId: null, idNumber: '11010519491231002X', name: '赵永福',
    source: 'warning', sourceRef: randomUUID(), reason: '大额医疗支出：住院自付 5.2 万元', receivedAt: '2023-03-01T02:00:00.000Z',
    createdBy: 'u-admin', ...overrides,
  };
}

export function verificationStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, households to verify: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

    it('adds an open item at revision 1 and reads it back as given', async () => {
      const item = newItem();
      const stored = await store.addVerificationItem(item);
      expect(stored).toEqual({ ...item, state: 'open', closedReason: null, submissionId: null, updatedAt: item.receivedAt, revision: 1 });
      expect(await store.getVerificationItem(item.id)).toEqual(stored);
      expect(await store.getVerificationItem(randomUUID())).toBeNull();
    });

    it('keeps one open item per application: a second with the same source reference answers the first', async () => {
      const first = await store.addVerificationItem(newItem({ source: 'application', sourceRef: 'app-1' }));
      const again = await store.addVerificationItem(newItem({ source: 'application', sourceRef: 'app-1', reason: '再次申请' }));
      expect(again.id).toBe(first.id);
      expect(again.reason).toBe(first.reason);
      // Officers' findings have no reference: each is its own item.
      await store.addVerificationItem(newItem({ source: 'officer', sourceRef: null }));
      await store.addVerificationItem(newItem({ source: 'officer', sourceRef: null }));
      expect((await store.listVerificationItems({ scope: [''] }, { page: 1, pageSize: 10 })).total).toBe(3);
    });

    it('lists the items of the caller\'s area, the longest waiting first, with counts by state and source', async () => {
      await store.addVerificationItem(newItem({ receivedAt: '2023-03-05T00:00:00.000Z', name: '后到' }));
      await store.addVerificationItem(newItem({ receivedAt: '2023-03-01T00:00:00.000Z', name: '先到', source: 'officer', sourceRef: null }));
      await store.addVerificationItem(newItem({ divisionCode: PUAN, name: '普安村的' }));
      const gaotan = await store.listVerificationItems({ scope: [GAOTAN] }, { page: 1, pageSize: 10 });
      expect(gaotan.items.map((i) => i.name)).toEqual(['先到', '后到']);
      expect(gaotan.total).toBe(2);
      expect((await store.listVerificationItems({ scope: ['500118104'], division: PUAN }, { page: 1, pageSize: 10 })).items.map((i) => i.name)).toEqual(['普安村的']);
      expect((await store.listVerificationItems({ scope: [] }, { page: 1, pageSize: 10 })).total).toBe(0);
      expect(await store.countVerificationItems({ scope: ['500118104'] })).toEqual([
        { state: 'open', source: 'officer', count: 1, oldest: '2023-03-01T00:00:00.000Z' },
        { state: 'open', source: 'warning', count: 2, oldest: '2023-03-01T02:00:00.000Z' },
      ]);
      const page2 = await store.listVerificationItems({ scope: [GAOTAN] }, { page: 2, pageSize: 1 });
      expect(page2.items.map((i) => i.name)).toEqual(['后到']);
    });

    it('closes an item with its reason only at the revision read, and once', async () => {
      const item = await store.addVerificationItem(newItem());
      await expect(store.closeVerificationItem(item.id, '不符合', 7, '2023-03-10T00:00:00.000Z')).rejects.toBeInstanceOf(StoreConflict);
      const closed = await store.closeVerificationItem(item.id, '已是监测对象', 1, '2023-03-10T00:00:00.000Z');
      expect(closed).toMatchObject({ state: 'closed', closedReason: '已是监测对象', revision: 2, updatedAt: '2023-03-10T00:00:00.000Z' });
      await expect(store.closeVerificationItem(item.id, '不符合', 2, '2023-03-11T00:00:00.000Z')).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.closeVerificationItem(randomUUID(), '不符合', 1, '2023-03-11T00:00:00.000Z')).toBeNull();
      // A closed item no longer holds its reference: the same warning may come again.
      const next = await store.addVerificationItem(newItem({ sourceRef: item.sourceRef }));
      expect(next.id).not.toBe(item.id);
      expect(await store.countVerificationItems({ scope: [''], state: 'closed' })).toEqual([
        { state: 'closed', source: 'warning', count: 1, oldest: item.receivedAt },
      ]);
    });

    it('lets one of two closes at once win; the other is told the item moved', async () => {
      const item = await store.addVerificationItem(newItem());
      const outcomes = await Promise.allSettled([
        store.closeVerificationItem(item.id, '不符合', 1, '2023-03-10T00:00:00.000Z'),
        store.closeVerificationItem(item.id, '已是监测对象', 1, '2023-03-10T00:00:01.000Z'),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(StoreConflict);
      expect((await store.getVerificationItem(item.id))!.revision).toBe(2);
    });

    /** A resident's application with its item, the item linked to a submitted identification form. */
    async function appliedAndVisited() {
      const application = await store.submitApplication({
        id: randomUUID(), receipt: 'ABCDEFGHJKLM', county: '500118', divisionCode: GAOTAN, idNumber: NEWCOMER, name: '赵永福',
        phone: '13908231234', formId: 'monitoring-application', formVersion: 1, data: { mainRisk: '因病' }, receivedAt: '2023-03-01T02:00:00.000Z',
      });
      const item = await store.addVerificationItem(newItem({ source: 'application', sourceRef: application.application.id }));
      await store.linkApplicationItem(application.application.id, item.id);
      const record = submission({ formId: 'monitoring-object', headName: '赵永福', headIdNumber: NEWCOMER, status: 'submitted', submittedAt: '2023-03-08T00:00:00.000Z' });
      await store.createSubmission({ record, event: event(record, { action: 'submit' }), onePerHousehold: false });
      const linked = await store.linkVerificationItem(item.id, record.id, '2023-03-08T00:00:00.000Z');
      return { receipt: application.application.receipt, item: linked!, record };
    }
    const approval = (record: SubmissionRecord, expectedRevision = record.revision): SubmissionUpdate => ({
      id: record.id, expectedRevision, patch: { status: 'approved', approvedAt: '2023-03-20T00:00:00.000Z', updatedAt: '2023-03-20T00:00:00.000Z', updatedBy: 'u-county' },
      event: event(record, { action: 'approve', status: 'approved', at: '2023-03-20T00:00:00.000Z', level: 1, changes: [] }),
    });
    const creating = (record: SubmissionRecord, id: string): HouseholdChange => ({
      expectedRevision: null,
      household: { id, divisionCode: GAOTAN, headName: '赵永福', headIdNumber: NEWCOMER, members: [{ name: '赵永福', idNumber: NEWCOMER, relation: '户主' }] },
      event: { at: '2023-03-20T00:00:00.000Z', userId: 'u-county', submissionId: record.id, changes: ['新建农户'] },
    });

    it('links an item to the identification form\'s submission; the final approval includes it, with its application, in one transaction', async () => {
      const { receipt, item, record } = await appliedAndVisited();
      expect(item).toMatchObject({ submissionId: record.id, state: 'open', revision: 2 });
      expect((await store.listVerificationItems({ scope: [''], submissionId: record.id }, { page: 1, pageSize: 5 })).items.map((i) => i.id)).toEqual([item.id]);
      expect(await store.getApplicationByReceipt(receipt)).toMatchObject({ state: 'verifying', reason: null });
      const other = await store.addVerificationItem(newItem({ name: '别的户' }));
      // A level below the last moves the submission on, not the item.
      const moved = await store.updateSubmission({ id: record.id, expectedRevision: 1, patch: { reviewLevel: 1 }, event: event(record, { action: 'approve' }) });
      expect((await store.getVerificationItem(item.id))!.state).toBe('open');

      const id = randomUUID();
      await store.approveWithEffects(approval(moved), creating(moved, id));
      expect(await store.getVerificationItem(item.id)).toMatchObject({ state: 'included', revision: 3, updatedAt: '2023-03-20T00:00:00.000Z' });
      expect(await store.getApplicationByReceipt(receipt)).toMatchObject({ state: 'included', reason: null, updatedAt: '2023-03-20T00:00:00.000Z' });
      expect((await store.getVerificationItem(other.id))!.state).toBe('open');
      expect(await store.getHousehold(id)).toMatchObject({ headIdNumber: NEWCOMER });
      // Included is final: neither closed nor linked again.
      await expect(store.closeVerificationItem(item.id, '不符合', 3, '2023-03-21T00:00:00.000Z')).rejects.toBeInstanceOf(StoreConflict);
      await expect(store.linkVerificationItem(item.id, randomUUID(), '2023-03-21T00:00:00.000Z')).rejects.toBeInstanceOf(StoreConflict);
    });

    it('leaves the item, its application and the household as they were when the approval fails', async () => {
      const { receipt, item, record } = await appliedAndVisited();
      const id = randomUUID();
      await expect(store.approveWithEffects(approval(record, record.revision + 5), creating(record, id))).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.getVerificationItem(item.id)).toEqual(item);
      expect((await store.getApplicationByReceipt(receipt))!.state).toBe('verifying');
      expect(await store.getHousehold(id)).toBeNull();
      expect(await store.getSubmission(record.id)).toEqual(record);
    });

    it('closes an application\'s item with its reason once its form is no longer with the reviewers: the application is not included, with that reason', async () => {
      const { receipt, item, record } = await appliedAndVisited();
      // Submitted, it is the review's to decide: not closed, nothing changed.
      const refused = await store.closeVerificationItem(item.id, '家庭人均纯收入高于监测范围', item.revision, '2023-03-09T00:00:00.000Z').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StoreConflict);
      expect((refused as StoreConflict).kind).toBe('in_review');
      expect(await store.getVerificationItem(item.id)).toEqual(item);
      expect((await store.getApplicationByReceipt(receipt))!.state).toBe('verifying');
      await store.updateSubmission({ id: record.id, expectedRevision: 1, patch: { status: 'returned' }, event: event(record, { action: 'return', status: 'returned' }) });
      await store.closeVerificationItem(item.id, '家庭人均纯收入高于监测范围', item.revision, '2023-03-09T00:00:00.000Z');
      expect(await store.getApplicationByReceipt(receipt)).toMatchObject({ state: 'not_included', reason: '家庭人均纯收入高于监测范围', updatedAt: '2023-03-09T00:00:00.000Z' });
    });

    it('finds registered members by ID number or by name in a village, and keeps an import\'s warnings with an item each', async () => {
      const [zhang, wang] = await store.upsertHouseholds([
        { divisionCode: GAOTAN, headName: '张德明', headIdNumber: residentId('500118', '19650312', 11), members: [
          { name: '张德明', idNumber: residentId('500118', '19650312', 11), relation: '户主' },
          { name: '李秀兰', idNumber: residentId('500118', '19670805', 22), relation: '配偶' },
        ], removedMembers: [] },
        { divisionCode: PUAN, headName: '李秀兰', headIdNumber: residentId('500118', '19700101', 33), members: [
          { name: '李秀兰', idNumber: residentId('500118', '19700101', 33), relation: '户主' },
        ], removedMembers: [] },
      ], '2023-01-01T00:00:00.000Z');
      const byId = await store.findPersons({ idNumbers: [residentId('500118', '19670805', 22), NEWCOMER], names: [] });
      expect(byId).toEqual([{ householdId: zhang!.id, divisionCode: GAOTAN, headName: '张德明', name: '李秀兰', idNumber: residentId('500118', '19670805', 22) }]);
      const byName = await store.findPersons({ idNumbers: [], names: [{ divisionCode: PUAN, name: '李秀兰' }, { divisionCode: GAOTAN, name: '王五' }] });
      expect(byName.map((p) => p.householdId)).toEqual([wang!.id]);
      expect(await store.findPersons({ idNumbers: [], names: [] })).toEqual([]);

      const warning = {
        id: randomUUID(), householdId: zhang!.id, divisionCode: GAOTAN, department: '区医疗保障局', listDate: '2023-03-01', name: '李秀兰',
        idNumber: residentId('500118', '19670805', 22), reason: '住院自付 5.2 万元', importedAt: '2023-03-02T01:00:00.000Z', importedBy: 'u-admin',
      };
      await store.addHouseholdWarnings([warning]);
      expect(await store.listHouseholdWarnings(zhang!.id)).toEqual([warning]);
      expect(await store.listHouseholdWarnings(wang!.id)).toEqual([]);
      const items = await store.listVerificationItems({ scope: [GAOTAN], householdId: zhang!.id }, { page: 1, pageSize: 5 });
      expect(items.items).toEqual([expect.objectContaining({
        source: 'warning', sourceRef: warning.id, name: '李秀兰', state: 'open', reason: '区医疗保障局（2023-03-01）：住院自付 5.2 万元', receivedAt: warning.importedAt,
      })]);
    });
  });
}
