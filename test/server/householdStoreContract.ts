// The Store contract for households, run against SQLite and PostgreSQL alike (sqliteStore.test.ts,
// postgresStore.test.ts): imported in batches, all or nothing, matched by the head's ID number (two
// imports at once make one household), and listed by scope and filters in pages.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HouseholdRecord } from '../../server/store/records';
import type { Store } from '../../server/store/Store';
import { T0, at, conflict, freshStoreEach, household, storeWrites, type StoreUnderTest } from './storeFixtures';

export function householdStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, households: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });
    const { upsert } = storeWrites(() => store);

    describe('households', () => {
      it('inserts households with their members in order, attributes and all', async () => {
        const input = household('500118196503120011', { phone: '13983001234', kind: '脱贫户', removedMembers: [{ name: '旧人', idNumber: 'X', reason: '死亡', removedMonth: '2021-01' }] });
        const [id, other] = await upsert([input, household('500118195802110042')], T0);
        expect(other).not.toBe(id);
        const stored = await store.getHousehold(id!);
        const expected: HouseholdRecord = { ...input, id: id!, revision: 1, createdAt: T0, updatedAt: T0 };
        expect(stored).toEqual(expected);
        expect(stored!.members.map((m) => m.name)).toEqual(['户主', '配偶']);
        expect(await store.findHouseholdByHeadId('500118196503120011')).toEqual(expected);
        expect(await store.findHouseholdByHeadId('000000000000000000')).toBeNull();
        expect(await store.getHousehold('nobody')).toBeNull();
        expect((await store.getHousehold(other!))!.removedMembers).toEqual([]);
        expect(await store.getHousehold(other!)).not.toHaveProperty('phone');
      });

      it('updates a household matched by head ID number: same id, next revision, members replaced', async () => {
        const [id] = await upsert([household('500118196503120011', { phone: '13983001234', address: '3组' })], T0);
        const members = [{ name: '新成员', idNumber: '500118201201010011', relation: '之子' }, { name: '户主', idNumber: '500118196503120011' }];
        const again = await upsert([household('500118196503120011', { headName: '张德明', address: '5组', members })], at(10));
        expect(again).toEqual([id]);
        const stored = (await store.getHousehold(id!))!;
        expect(stored).toMatchObject({ id, headName: '张德明', address: '5组', revision: 2, createdAt: T0, updatedAt: at(10), members });
        expect(stored).not.toHaveProperty('phone');
        expect((await store.listHouseholds({ scope: [''] }, { page: 1, pageSize: 10 })).total).toBe(1);
      });

      it('matches a head ID number given twice in one batch to the household the first row made', async () => {
        const ids = await upsert([household('500118196503120011'), household('500118196503120011', { headName: '第二行' })], T0);
        expect(ids[1]).toBe(ids[0]);
        expect(await store.getHousehold(ids[0]!)).toMatchObject({ headName: '第二行', revision: 2 });
      });

      it('tells which households it created and which it updated, in the order given', async () => {
        await upsert([household('500118195802110042')], T0);
        const written = await store.upsertHouseholds([household('500118196503120011'), household('500118195802110042'), household('500118197205300051')], at(1));
        expect(written.map((w) => w.created)).toEqual([true, false, true]);
        expect(written.map((w) => w.id)).toEqual(await Promise.all(['500118196503120011', '500118195802110042', '500118197205300051']
          .map(async (idNumber) => (await store.findHouseholdByHeadId(idNumber))!.id)));
      });

      it('imports the same new households twice at once, in opposite orders, as one household each: one import creates them, the other updates them', async () => {
        const rows = Array.from({ length: 30 }, (_, i) => household(`5001181965031${String(i).padStart(4, '0')}0`));
        const [first, second] = await Promise.all([store.upsertHouseholds(rows, at(1)), store.upsertHouseholds([...rows].reverse(), at(2))]);
        const created = [first!, second!].map((written) => written.filter((w) => w.created).length).sort((a, b) => a - b);
        expect(created).toEqual([0, 30]);
        expect(second!.map((w) => w.id).reverse()).toEqual(first!.map((w) => w.id));
        expect((await store.listHouseholds({ scope: [''] }, { page: 1, pageSize: 100 })).items.map((h) => h.revision)).toEqual(rows.map(() => 2));
      });

      it('writes all or nothing: a row that fails leaves every other row of the batch unwritten', async () => {
        const [kept] = await upsert([household('500118195802110042', { headName: '王桂芳' })], T0);
        const before = await store.getHousehold(kept!);
        const batch = [
          household('500118196503120011'),
          household('500118195802110042', { headName: '王桂芳（改）' }),
          // A new household (its own id) whose head ID number is the first row's: a duplicate.
          { ...household('500118196503120011'), id: randomUUID() },
        ];
        expect(await conflict(upsert(batch, at(1)))).toBe('unique');
        expect(await store.findHouseholdByHeadId('500118196503120011')).toBeNull();
        expect(await store.getHousehold(kept!)).toEqual(before);
        expect((await store.listHouseholds({ scope: [''] }, { page: 1, pageSize: 10 })).total).toBe(1);
      });

      it('lists by scope, division, kind, kinds and q, ordered by division, head name and id, in pages', async () => {
        await upsert([
          household('500118196503120011', { divisionCode: '500118104202', headName: 'Bob', kind: '脱贫户' }),
          household('500118195802110042', { divisionCode: '500118104201', headName: '王桂芳', kind: '一般农户' }),
          household('500118197205300051', { divisionCode: '500118104201', headName: '刘大勇', kind: '边缘易致贫户' }),
          household('500118198001010061', { divisionCode: '500118105101', headName: '陈光明', kind: '脱贫不稳定户' }),
          household('500118198101010071', {
            divisionCode: '500119100201', headName: '赵一', kind: '突发严重困难户',
            members: [{ name: '赵小二', idNumber: '500119201001010022' }],
          }),
        ], T0);
        const names = async (filter: Parameters<Store['listHouseholds']>[0], page = { page: 1, pageSize: 50 }) =>
          (await store.listHouseholds(filter, page)).items.map((h) => h.headName);

        expect(await names({ scope: [''] })).toEqual(['刘大勇', '王桂芳', 'Bob', '陈光明', '赵一']);
        expect(await names({ scope: [] })).toEqual([]);
        expect(await names({ scope: ['500118104'] })).toEqual(['刘大勇', '王桂芳', 'Bob']);
        expect(await names({ scope: ['500118104202', '500119'] })).toEqual(['Bob', '赵一']);
        expect(await names({ scope: ['500118104'], division: '500118104201' })).toEqual(['刘大勇', '王桂芳']);
        expect(await names({ scope: ['500118104202'], division: '500118104201' })).toEqual([]);
        expect(await names({ scope: [''], kind: '脱贫户' })).toEqual(['Bob']);
        expect(await names({ scope: [''], kinds: ['边缘易致贫户', '脱贫不稳定户', '突发严重困难户'] })).toEqual(['刘大勇', '陈光明', '赵一']);
        expect(await names({ scope: [''], kinds: [] })).toHaveLength(5);
        expect(await names({ scope: [''], q: '大' })).toEqual(['刘大勇']);
        expect(await names({ scope: [''], q: 'bo' })).toEqual(['Bob']);
        expect(await names({ scope: [''], q: '500118195802110042' })).toEqual(['王桂芳']);
        expect(await names({ scope: [''], q: '500119201001010022' })).toEqual(['赵一']);
        expect(await names({ scope: [''], q: '赵小二' })).toEqual(['赵一']);
        expect(await names({ scope: ['500118'], q: '赵小二' })).toEqual([]);

        const second = await store.listHouseholds({ scope: [''] }, { page: 2, pageSize: 2 });
        expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
        expect(second.items.map((h) => h.headName)).toEqual(['Bob', '陈光明']);
        expect(second.items[0]!.members).toEqual(household('500118196503120011').members);
        const past = await store.listHouseholds({ scope: [''] }, { page: 9, pageSize: 2 });
        expect(past).toEqual({ items: [], total: 5, page: 9, pageSize: 2 });
      });
    });
  });
}
