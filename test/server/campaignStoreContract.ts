// The Store contract for campaigns' form versions (issue 13, part 2), run against each store by
// sqliteStore.test.ts and postgresStore.test.ts: a campaign serves the version of each form it
// names (a form listed without one: its latest when listed), adopts another one by a
// compare-and-set or with a publication, in the publication's transaction, each adoption recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@engine';
import type { CampaignFields } from '../../server/store/records';
import type { StoreConflict, Store } from '../../server/store/Store';
import type { StoreUnderTest } from './storeFixtures';

const T0 = '2021-11-20T09:00:00.000Z';
const definition = (title: string) => ({ id: 'form-a', title, schema: { type: 'object', properties: { A1: { type: 'string' } } } }) as FormDefinition;
const campaign = (id: string, overrides: Partial<CampaignFields> = {}): CampaignFields => ({
  id, title: `${id} 活动`, year: 2021, description: '', parameters: {}, forms: ['form-a'], status: 'open', divisions: [], createdAt: T0, ...overrides,
});
const adoption = (campaignId: string, username = 'admin') => ({ campaignId, at: T0, userId: `u-${username}`, username, moveOpen: false });

export function campaignStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, campaigns' form versions: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
      await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
      await store.publishVersion({ formId: 'form-a', definition: definition('第一版'), by: 'admin', at: T0, changes: [] });
      await store.publishVersion({ formId: 'form-a', definition: definition('第二版'), by: 'admin', at: T0, changes: [] });
    });
    afterEach(async () => {
      await cleanup();
    });

    it('gives a campaign the latest version of a form it lists without naming one, keeps a named one, and [] to confirm', async () => {
      await store.createCampaign(campaign('c-latest'));
      await store.createCampaign(campaign('c-named', { formVersions: { 'form-a': 1 }, unconfirmed: ['description'] }));
      expect(await store.getCampaign('c-latest')).toMatchObject({ formVersions: { 'form-a': 2 }, unconfirmed: [] });
      expect(await store.getCampaign('c-named')).toMatchObject({ formVersions: { 'form-a': 1 }, unconfirmed: ['description'] });
      // A change that names neither keeps both.
      const named = (await store.getCampaign('c-named'))!;
      const { formVersions: _v, unconfirmed: _u, revision, ...fields } = named;
      expect(await store.updateCampaign({ ...fields, title: '改名' }, revision)).toMatchObject({ formVersions: { 'form-a': 1 }, unconfirmed: ['description'], title: '改名' });
    });

    it('adopts a version from the revision read and records who, when, from which version to which; a stale revision writes nothing', async () => {
      await store.createCampaign(campaign('c', { formVersions: { 'form-a': 1 } }));
      expect(await store.adoptVersion('form-a', 2, adoption('c'), 1)).toMatchObject({ formVersions: { 'form-a': 2 }, revision: 2 });
      await expect(store.adoptVersion('form-a', 1, adoption('c', 'late'), 1)).rejects.toMatchObject({ kind: 'revision' });
      expect(await store.listAdoptions('c')).toEqual([{ id: expect.any(Number), campaignId: 'c', formId: 'form-a', fromVersion: 1, toVersion: 2, at: T0, userId: 'u-admin', username: 'admin', moveOpen: false }]);
      expect(await store.adoptVersion('form-a', 2, adoption('none'), 1)).toBeNull();
    });

    it('lets one of two adoptions from the same revision at once win; the other is a revision conflict', async () => {
      await store.createCampaign(campaign('c', { formVersions: { 'form-a': 1 } }));
      const outcomes = await Promise.allSettled([store.adoptVersion('form-a', 2, adoption('c', 'a'), 1), store.adoptVersion('form-a', 2, adoption('c', 'b'), 1)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => ((o as PromiseRejectedResult).reason as StoreConflict).kind)).toEqual(['revision']);
      expect(await store.listAdoptions('c')).toHaveLength(1);
    });

    it('adopts a new version with its publication, for the campaigns named only; two publications at once adopt one after the other', async () => {
      await store.createCampaign(campaign('c-adopts', { formVersions: { 'form-a': 2 } }));
      await store.createCampaign(campaign('c-keeps', { formVersions: { 'form-a': 2 } }));
      const versions = await Promise.all([3, 4].map((minute) => store.publishVersion({
        formId: 'form-a', definition: definition(`第 ${minute} 分钟`), by: 'admin', at: T0, changes: [], adopt: [adoption('c-adopts')],
      })));
      expect(versions.sort()).toEqual([3, 4]);
      expect((await store.getCampaign('c-adopts'))!.formVersions).toEqual({ 'form-a': 4 });
      expect((await store.getCampaign('c-adopts'))!.revision).toBe(3);
      expect((await store.getCampaign('c-keeps'))!.formVersions).toEqual({ 'form-a': 2 });
      expect((await store.listAdoptions('c-adopts')).map((a) => [a.fromVersion, a.toVersion])).toEqual([[2, 3], [3, 4]]);
    });
  });
}
