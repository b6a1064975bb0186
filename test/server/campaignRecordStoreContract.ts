// The Store contract for campaigns as records, run against SQLite and PostgreSQL alike
// (sqliteStore.test.ts, postgresStore.test.ts): created, read, listed, changed as a compare-and-set.
// The form versions a campaign serves are campaignStoreContract.ts's.
import { describe, expect, it } from 'vitest';
import type { StoreConflict, Store } from '../../server/store/Store';
import { at, campaign, conflict, freshStoreEach, type StoreUnderTest } from './storeFixtures';

export function campaignRecordStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, campaigns: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

    describe('campaigns', () => {
      it('creates, reads, updates and lists campaigns (year descending, then id)', async () => {
        await store.createCampaign(campaign('c-2021'));
        await store.createCampaign(campaign('c-2022b', { year: 2022 }));
        await store.createCampaign(campaign('c-2022a', { year: 2022, divisions: [], forms: [] }));
        // A campaign created without approval steps has none; steps set later are kept as given.
        expect(await store.getCampaign('c-2021')).toEqual({ ...campaign('c-2021'), approvalSteps: {}, revision: 1 });
        expect(await store.getCampaign('c-1999')).toBeNull();
        const changed = campaign('c-2021', {
          title: '新标题', year: 2023, description: '', parameters: { incomeLine: 6500 }, forms: ['form-a', 'form-b'], status: 'closed', divisions: ['500118104'],
          approvalSteps: { 'form-a': [{ id: 'notice', kind: 'notice', title: '公示', before: 'township', days: 7 }] },
        });
        expect(await store.updateCampaign({ ...changed, createdAt: at(99) }, 1)).toEqual({ ...changed, revision: 2 });
        expect(await store.getCampaign('c-2021')).toEqual({ ...changed, revision: 2 });
        expect((await store.listCampaigns()).map((c) => c.id)).toEqual(['c-2021', 'c-2022a', 'c-2022b']);
        expect(await store.updateCampaign(campaign('c-1999'), 1)).toBeNull();
      });

      it('changes a campaign only from its stored revision (compare-and-set): a stale one is a revision conflict, nothing written', async () => {
        await store.createCampaign(campaign('c-2021'));
        await store.updateCampaign(campaign('c-2021', { title: '第一次' }), 1);
        expect(await conflict(store.updateCampaign(campaign('c-2021', { title: '基于旧版本' }), 1))).toBe('revision');
        expect(await conflict(store.updateCampaign(campaign('c-2021', { title: '来自未来' }), 3))).toBe('revision');
        expect(await store.getCampaign('c-2021')).toMatchObject({ title: '第一次', revision: 2 });
      });

      it('lets one of two changes made from the same revision at once win; the other is a revision conflict', async () => {
        await store.createCampaign(campaign('c-2021'));
        const outcomes = await Promise.allSettled([
          store.updateCampaign(campaign('c-2021', { title: '改名称' }), 1),
          store.updateCampaign(campaign('c-2021', { parameters: { incomeLine: 7000 } }), 1),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((o) => (o.reason as StoreConflict).kind)).toEqual(['revision']);
        expect(await store.getCampaign('c-2021')).toEqual({ ...(won[0] as PromiseFulfilledResult<unknown>).value as object, revision: 2 });
      });

      it('refuses a taken campaign id (exists)', async () => {
        await store.createCampaign(campaign('c-2021'));
        expect(await conflict(store.createCampaign(campaign('c-2021', { title: '重复' })))).toBe('exists');
        expect((await store.getCampaign('c-2021'))?.title).toBe('c-2021 活动');
      });
    });
  });
}
