// The Store contract for residents' applications (纳入监测申请, issue 17), run against each store by
// sqliteStore.test.ts and postgresStore.test.ts: one open application per ID number and county,
// a second merged into it (even when both arrive at once), found again by its receipt.
import { describe, expect, it } from 'vitest';
import type { NewApplication, Store } from '../../server/store/Store';
import { freshStoreEach, type StoreUnderTest } from './storeFixtures';

const T0 = '2026-12-07T09:00:00.000Z';
const T1 = '2026-12-07T10:00:00.000Z';
const LIU = '500118197803042116';

let n = 0;
function application(overrides: Partial<NewApplication> = {}): NewApplication {
  n += 1;
  return {
    id: `app-${n}`, receipt: `RECEIPT${String(n).padStart(5, 'A')}`, county: '500118', divisionCode: '500118104201', idNumber: LIU,
    name: '刘建华', phone: '13908231234', formId: 'monitoring-application', formVersion: 1,
    data: { name: '刘建华', mainRisk: '因病', agreement: true }, receivedAt: T0, ...overrides,
  };
}

export function applicationStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, applications: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

    it('keeps an application as received and finds it by its receipt', async () => {
      const first = application();
      const { application: stored, merged } = await store.submitApplication(first);
      expect(merged).toBe(false);
      expect(stored).toEqual({ ...first, state: 'received', reason: null, updatedAt: T0, merges: 0, verificationItemId: null });
      expect(await store.getApplicationByReceipt(first.receipt)).toEqual(stored);
      expect(await store.getApplicationByReceipt('NOSUCHRECEIP')).toBeNull();
    });

    it('merges a second application of the same ID number and county into the first, keeping its receipt', async () => {
      const first = application();
      await store.submitApplication(first);
      const second = application({ receivedAt: T1, phone: '13700000000', data: { name: '刘建华', mainRisk: '因自然灾害', agreement: true } });
      const { application: merged, merged: wasMerged } = await store.submitApplication(second);
      expect(wasMerged).toBe(true);
      expect(merged).toMatchObject({ id: first.id, receipt: first.receipt, receivedAt: T0, updatedAt: T1, phone: '13700000000', merges: 1 });
      expect(merged.data).toEqual(second.data);
      expect(await store.getApplicationByReceipt(second.receipt)).toBeNull();
    });

    it('keeps applications of other counties and other ID numbers apart', async () => {
      await store.submitApplication(application());
      expect((await store.submitApplication(application({ county: '500119', divisionCode: '500119100201' }))).merged).toBe(false);
      expect((await store.submitApplication(application({ idNumber: '500118198506123029' }))).merged).toBe(false);
    });

    it('makes one application of two sent at once', async () => {
      const results = await Promise.all([store.submitApplication(application()), store.submitApplication(application()), store.submitApplication(application())]);
      expect(new Set(results.map((r) => r.application.receipt)).size).toBe(1);
      expect(results.filter((r) => !r.merged)).toHaveLength(1);
      const receipt = results[0]!.application.receipt;
      expect((await store.getApplicationByReceipt(receipt))!.merges).toBe(2);
    });

    it('takes a new application once the earlier one is decided, and keeps the decision with its reason', async () => {
      const first = application();
      await store.submitApplication(first);
      const item = await store.addVerificationItem({
        id: `item-${first.id}`, divisionCode: first.divisionCode, householdId: null, idNumber: LIU, name: '刘建华', source: 'application',
        sourceRef: first.id, reason: '自主申请（因病）', receivedAt: T0, createdBy: null,
      });
      await store.linkApplicationItem(first.id, item.id);
      await store.closeVerificationItem(item.id, '家庭人均纯收入高于监测范围', item.revision, T1);
      expect(await store.getApplicationByReceipt(first.receipt)).toMatchObject({ state: 'not_included', reason: '家庭人均纯收入高于监测范围', updatedAt: T1 });
      const again = application();
      const second = await store.submitApplication(again);
      expect(second.merged).toBe(false);
      expect(second.application).toMatchObject({ receipt: again.receipt, state: 'received' });
      expect((await store.getApplicationByReceipt(first.receipt))!.state).toBe('not_included');
    });

    it('refuses a taken receipt without storing anything', async () => {
      const first = application();
      await store.submitApplication(first);
      await expect(store.submitApplication(application({ idNumber: '500118198506123029', receipt: first.receipt })))
        .rejects.toMatchObject({ name: 'StoreConflict', kind: 'exists' });
    });
  });
}
