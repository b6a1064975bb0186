// The Store contract for reading submissions, run against SQLite and PostgreSQL alike
// (sqliteStore.test.ts, postgresStore.test.ts): lists by filter in pages, streams of every match,
// and the reports (progress, data quality).
import { beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../server/store/records';
import type { HouseholdInput, ProgressQuery, Store, SubmissionFilter } from '../../server/store/Store';
import { T0, at, event, freshStoreEach, household, storeWrites, submission, type StoreUnderTest } from './storeFixtures';

export function submissionReadsStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, submission reads: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });
    const { create, upsert } = storeWrites(() => store);

    describe('listSubmissions', () => {
      // Created in this order; ids deliberately not in creation order.
      const rows = [
        submission({ id: 'id-5', headName: '张德明', headIdNumber: '500118196503120011', divisionCode: '500118104201', status: 'draft', updatedAt: at(10), createdBy: 'u-a', householdId: 'h-1' }),
        submission({ id: 'id-3', headName: '王桂芳', headIdNumber: '500118195802110042', divisionCode: '500118104201', status: 'submitted', reviewLevel: 1, submittedAt: at(20), updatedAt: at(21), createdBy: 'u-a' }),
        submission({ id: 'id-1', headName: 'Liu Dayong', headIdNumber: '500118197205300051', divisionCode: '500118104202', status: 'submitted', reviewLevel: 0, submittedAt: at(60 * 24 * 3), updatedAt: at(60 * 24 * 3), createdBy: 'u-b', campaignId: 'c-2022' }),
        submission({ id: 'id-4', headName: '陈光明', headIdNumber: '500118198001010061', divisionCode: '500118105101', status: 'approved', submittedAt: at(5), approvedAt: at(40), updatedAt: at(40), createdBy: 'u-c', formId: 'form-b' }),
        submission({ id: 'id-2', headName: '赵一', headIdNumber: '500119198101010071', divisionCode: '500119100201', status: 'returned', submittedAt: at(30), updatedAt: at(35), createdBy: 'u-d' }),
        submission({ id: 'id-6', headName: '张大明', headIdNumber: '500118196503120099', divisionCode: '500118104201', status: 'draft', updatedAt: at(10), createdBy: 'u-a' }),
      ];
      beforeEach(async () => {
        for (const r of rows) await create(r);
      });
      const ids = async (filter: SubmissionFilter, page = { page: 1, pageSize: 50 }) => (await store.listSubmissions(filter, page)).items.map((s) => s.id);

      it('keeps to the scope', async () => {
        expect(await ids({ scope: [] })).toEqual([]);
        expect((await ids({ scope: [''] })).sort()).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-6']);
        expect((await ids({ scope: ['500118104'] })).sort()).toEqual(['id-1', 'id-3', 'id-5', 'id-6']);
        expect((await ids({ scope: ['500118104202', '500119'] })).sort()).toEqual(['id-1', 'id-2']);
      });

      it('filters by every field of SubmissionFilter', async () => {
        const all = { scope: [''] };
        const sorted = async (filter: SubmissionFilter) => (await ids(filter)).sort();
        expect(await sorted({ ...all, formId: 'form-b' })).toEqual(['id-4']);
        expect(await sorted({ ...all, campaignId: 'c-2022' })).toEqual(['id-1']);
        expect(await sorted({ ...all, division: '500118104201' })).toEqual(['id-3', 'id-5', 'id-6']);
        expect(await sorted({ scope: ['500118104202'], division: '500118104201' })).toEqual([]);
        expect(await sorted({ ...all, status: 'submitted' })).toEqual(['id-1', 'id-3']);
        expect(await sorted({ ...all, status: 'submitted', reviewLevel: 1 })).toEqual(['id-3']);
        expect(await sorted({ ...all, reviewLevel: 0 })).toEqual(['id-1', 'id-2', 'id-4', 'id-5', 'id-6']);
        expect(await sorted({ ...all, q: '明' })).toEqual(['id-4', 'id-5', 'id-6']);
        expect(await sorted({ ...all, q: 'liu' })).toEqual(['id-1']);
        expect(await sorted({ ...all, q: '500118195802110042' })).toEqual(['id-3']);
        expect(await sorted({ ...all, q: '50011819580211' })).toEqual([]);
        expect(await sorted({ ...all, householdId: 'h-1' })).toEqual(['id-5']);
        expect(await sorted({ ...all, createdBy: 'u-a' })).toEqual(['id-3', 'id-5', 'id-6']);
        // Submitted (drafts: updated) at or after `from`, before `to` (instants).
        expect(await sorted({ ...all, from: '2021-11-21T00:00:00.000Z' })).toEqual(['id-1']);
        expect(await sorted({ ...all, to: '2021-11-21T00:00:00.000Z' })).toEqual(['id-2', 'id-3', 'id-4', 'id-5', 'id-6']);
        expect(await sorted({ ...all, from: '2021-11-20T00:00:00.000Z', to: '2021-11-24T00:00:00.000Z' })).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-6']);
        expect(await sorted({ ...all, from: '2021-11-24T00:00:00.000Z' })).toEqual([]);
        expect(await sorted({ scope: ['500118104'], formId: 'form-a', status: 'draft', createdBy: 'u-a', q: '张' })).toEqual(['id-5', 'id-6']);
      });

      it('sorts by each column either way, ties broken by id, unsubmitted first going up', async () => {
        const all = { scope: [''] };
        expect(await ids(all)).toEqual(['id-1', 'id-4', 'id-2', 'id-3', 'id-6', 'id-5']);
        expect(await ids({ ...all, sort: 'updatedAt', order: 'asc' })).toEqual(['id-5', 'id-6', 'id-3', 'id-2', 'id-4', 'id-1']);
        expect(await ids({ ...all, sort: 'submittedAt', order: 'asc' })).toEqual(['id-5', 'id-6', 'id-4', 'id-3', 'id-2', 'id-1']);
        expect(await ids({ ...all, sort: 'submittedAt', order: 'desc' })).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-6', 'id-5']);
        expect(await ids({ ...all, sort: 'headName', order: 'asc' })).toEqual(['id-1', 'id-6', 'id-5', 'id-3', 'id-2', 'id-4']);
        expect(await ids({ ...all, sort: 'divisionCode', order: 'desc' })).toEqual(['id-2', 'id-4', 'id-1', 'id-6', 'id-5', 'id-3']);
        expect(await ids({ ...all, sort: 'status', order: 'asc' })).toEqual(['id-4', 'id-5', 'id-6', 'id-2', 'id-1', 'id-3']);
      });

      it('pages with the total of all matches', async () => {
        const filter: SubmissionFilter = { scope: [''], sort: 'updatedAt', order: 'asc' };
        expect(await store.listSubmissions(filter, { page: 2, pageSize: 4 })).toMatchObject({ total: 6, page: 2, pageSize: 4 });
        expect(await ids(filter, { page: 1, pageSize: 4 })).toEqual(['id-5', 'id-6', 'id-3', 'id-2']);
        expect(await ids(filter, { page: 2, pageSize: 4 })).toEqual(['id-4', 'id-1']);
        expect(await store.listSubmissions(filter, { page: 3, pageSize: 4 })).toEqual({ items: [], total: 6, page: 3, pageSize: 4 });
        expect((await store.listSubmissions({ scope: [''], status: 'approved' }, { page: 1, pageSize: 4 })).items[0]).toEqual(rows[3]);
      });
    });

    describe('streamSubmissions', () => {
      async function collect(filter: SubmissionFilter, batchSize?: number) {
        const batches: SubmissionRecord[][] = [];
        for await (const batch of store.streamSubmissions(filter, batchSize)) batches.push(batch);
        return batches;
      }

      it('yields every matching submission in batches, in the order they were created', async () => {
        const created: SubmissionRecord[] = [];
        for (let i = 0; i < 22; i++) {
          // ids in reverse of creation order, and every third outside the township
          const r = submission({ id: `s-${String(99 - i).padStart(2, '0')}`, divisionCode: i % 3 === 0 ? '500119100201' : '500118104201' });
          await create(r);
          created.push(r);
        }
        const batches = await collect({ scope: ['500118104'] }, 5);
        expect(batches.map((b) => b.length)).toEqual([5, 5, 4]);
        expect(batches.flat()).toEqual(created.filter((r) => r.divisionCode.startsWith('500118104')));
        expect((await collect({ scope: [''] })).flat().map((r) => r.id)).toEqual(created.map((r) => r.id));
        expect(await collect({ scope: [''], status: 'approved' })).toEqual([]);
        expect(await collect({ scope: [] })).toEqual([]);
      });

      it('yields the current state of each submission, filters applied', async () => {
        const a = submission({ id: 'b-a' });
        const b = submission({ id: 'a-b', createdBy: 'u-2' });
        await create(a);
        await create(b);
        const updated = await store.updateSubmission({ id: a.id, expectedRevision: 1, patch: { headName: '改过' }, event: event(a, { action: 'save' }) });
        expect((await collect({ scope: [''] }, 1)).flat()).toEqual([updated, b]);
        expect((await collect({ scope: [''], createdBy: 'u-2', q: '张' }, 10)).flat()).toEqual([b]);
      });
    });

    describe('reports (progress, data quality)', () => {
      const MONITORED = ['脱贫不稳定户', '边缘易致贫户'];
      /** 高滩村 (201): 3 monitored, 1 脱贫户; 普安村 (202): 1 monitored; 青龙村 of another township (105101): 1 monitored. */
      const registry: HouseholdInput[] = [
        household('500118196503120011', { headName: '张德明', kind: '脱贫不稳定户' }),
        household('500118196503120022', { headName: '李秀兰', kind: '边缘易致贫户' }),
        household('500118196503120033', { headName: '王桂芳', kind: '边缘易致贫户' }),
        household('500118196503120044', { headName: '陈光明', kind: '脱贫户' }),
        household('500118196503120055', { headName: '刘大勇', kind: '脱贫不稳定户', divisionCode: '500118104202' }),
        household('500118196503120066', { headName: '赵一', kind: '脱贫不稳定户', divisionCode: '500118105101' }),
      ];
      let ids: string[] = [];
      beforeEach(async () => {
        ids = await upsert(registry, T0);
      });
      const progress = (overrides: Partial<ProgressQuery> = {}): ProgressQuery => ({
        scope: ['500118104'], formId: 'form-a', campaignId: 'c-2021', kinds: MONITORED, ...overrides,
      });
      const filled = (i: number, overrides: Partial<SubmissionRecord> = {}) =>
        submission({ householdId: ids[i]!, divisionCode: registry[i]!.divisionCode, headName: registry[i]!.headName, ...overrides });

      it('counts expected households, the missing ones and submissions by status, per village and kind', async () => {
        await create(filled(0, { status: 'approved' }));
        await create(filled(1, { status: 'returned' }));
        await create(filled(3, { status: 'submitted' }));
        await create(filled(4, { status: 'draft' }));
        await create(filled(5, { status: 'submitted' }));
        await create(filled(2, { formId: 'form-b', status: 'submitted' }));
        await create(filled(2, { campaignId: 'c-2022', status: 'submitted' }));
        await create(submission({ householdId: null, divisionCode: '500118104202', status: 'submitted' }));
        const zero = { expected: 0, missing: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
        expect(await store.summarizeProgress(progress())).toEqual([
          { ...zero, divisionCode: '500118104201', kind: '脱贫不稳定户', expected: 1, approved: 1 },
          { ...zero, divisionCode: '500118104201', kind: '脱贫户', submitted: 1 },
          { ...zero, divisionCode: '500118104201', kind: '边缘易致贫户', expected: 2, missing: 1, returned: 1 },
          { ...zero, divisionCode: '500118104202', kind: '', submitted: 1 },
          { ...zero, divisionCode: '500118104202', kind: '脱贫不稳定户', expected: 1, draft: 1 },
        ]);
        expect(await store.summarizeProgress(progress({ division: '500118104202', kinds: null }))).toEqual([
          { ...zero, divisionCode: '500118104202', kind: '', submitted: 1 },
          { ...zero, divisionCode: '500118104202', kind: '脱贫不稳定户', draft: 1 },
        ]);
        expect(await store.summarizeProgress(progress({ scope: [] }))).toEqual([]);
      });

      it('lists the expected households with no submission, by village and head name, a page at a time', async () => {
        await create(filled(0, { status: 'approved' }));
        const page = await store.listMissingHouseholds(progress({ scope: ['500118'] }), { page: 1, pageSize: 2 });
        expect(page.total).toBe(4);
        expect(page.items.map((h) => h.headName)).toEqual(['李秀兰', '王桂芳']);
        expect(page.items[0]).toEqual(await store.getHousehold(ids[1]!));
        expect((await store.listMissingHouseholds(progress({ scope: ['500118'] }), { page: 2, pageSize: 2 })).items.map((h) => h.headName)).toEqual(['刘大勇', '赵一']);
        expect((await store.listMissingHouseholds(progress({ division: '500118104202' }), { page: 1, pageSize: 10 })).items.map((h) => h.headName)).toEqual(['刘大勇']);
        expect(await store.listMissingHouseholds(progress({ kinds: null }), { page: 1, pageSize: 10 })).toEqual({ items: [], total: 0, page: 1, pageSize: 10 });
      });

      it('counts submissions per division and keeps those with warnings apart', async () => {
        const warning = [{ path: '/A3', field: 'A3', code: 'rule', message: 'A3 应为突发严重困难户', severity: 'warning' as const }];
        await create(filled(0, { warnings: warning }));
        await create(filled(1));
        await create(filled(4, { warnings: warning }));
        await create(filled(5, { warnings: warning }));
        expect(await store.countSubmissionsByDivision({ scope: ['500118104'] })).toEqual([
          { divisionCode: '500118104201', count: 2 }, { divisionCode: '500118104202', count: 1 },
        ]);
        const warned = { scope: ['500118104'], withWarnings: true, sort: 'divisionCode' as const, order: 'asc' as const };
        expect(await store.countSubmissionsByDivision(warned)).toEqual([{ divisionCode: '500118104201', count: 1 }, { divisionCode: '500118104202', count: 1 }]);
        expect((await store.listSubmissions(warned, { page: 1, pageSize: 10 })).items.map((s) => s.headName)).toEqual(['张德明', '刘大勇']);
        expect((await store.listSubmissions({ ...warned, formId: 'form-b' }, { page: 1, pageSize: 10 })).total).toBe(0);
      });

      it('finds ID numbers held by two households, with every holder, and counts them per village in scope', async () => {
        const shared = registry[0]!.members[1]!;
        await upsert([
          { ...registry[4]!, members: [...registry[4]!.members, { ...shared, relation: '之儿媳' }] },
          // The same number twice within one household is not a duplicate across households.
          { ...registry[1]!, members: [...registry[1]!.members, { ...registry[1]!.members[0]!, relation: '户主' }] },
          { ...registry[5]!, members: [...registry[5]!.members, { name: '户主', idNumber: registry[2]!.headIdNumber }] },
        ], T0);
        const found = await store.findDuplicateMembers({ scope: ['500118104'] }, { page: 1, pageSize: 10 });
        expect(found.total).toBe(2);
        expect(found.items).toEqual([
          {
            idNumber: shared.idNumber, holders: [
              { householdId: ids[0], divisionCode: '500118104201', headName: '张德明', headIdNumber: registry[0]!.headIdNumber, memberName: '配偶', relation: '配偶' },
              { householdId: ids[4], divisionCode: '500118104202', headName: '刘大勇', headIdNumber: registry[4]!.headIdNumber, memberName: '配偶', relation: '之儿媳' },
            ],
          },
          {
            idNumber: registry[2]!.headIdNumber, holders: [
              { householdId: ids[2], divisionCode: '500118104201', headName: '王桂芳', headIdNumber: registry[2]!.headIdNumber, memberName: '户主', relation: '户主' },
              { householdId: ids[5], divisionCode: '500118105101', headName: '赵一', headIdNumber: registry[5]!.headIdNumber, memberName: '户主', relation: null },
            ],
          },
        ]);
        expect(found.byDivision).toEqual([{ divisionCode: '500118104201', count: 2 }, { divisionCode: '500118104202', count: 1 }]);
        const second = await store.findDuplicateMembers({ scope: ['500118104'] }, { page: 2, pageSize: 1 });
        // Both first appear in 高滩村: by number then.
        expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ idNumber: registry[2]!.headIdNumber }] });
        expect((await store.findDuplicateMembers({ scope: ['500118104'], division: '500118104202' }, { page: 1, pageSize: 10 })).items.map((d) => d.idNumber)).toEqual([shared.idNumber]);
        expect(await store.findDuplicateMembers({ scope: [] }, { page: 1, pageSize: 10 })).toEqual({ items: [], total: 0, page: 1, pageSize: 10, byDivision: [] });
      });
    });
  });
}
