// The Store contract for writing submissions, run against SQLite and PostgreSQL alike
// (sqliteStore.test.ts, postgresStore.test.ts): created and updated as a compare-and-set with their
// events, and the final approval with its effects on households in one transaction
// (approveWithEffects).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HouseholdRecord, SubmissionRecord } from '../../server/store/records';
import { StoreConflict, type HouseholdChange, type HouseholdInput, type Store, type SubmissionUpdate } from '../../server/store/Store';
import { T0, at, conflict, event, freshStoreEach, household, storeWrites, submission, type StoreUnderTest } from './storeFixtures';

export function submissionStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, submissions: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });
    const { create, upsert } = storeWrites(() => store);

    describe('submissions', () => {
      it('creates a submission with its first event and reads it back exactly', async () => {
        const record = submission({ prefill: { headName: '张德明', address: '3组' }, warnings: [{ path: '/A3', field: 'A3', code: 'rule:x', message: '提示', severity: 'warning' }] });
        await create(record);
        const stored = (await store.getSubmission(record.id))!;
        expect(stored).toEqual(record);
        expect(JSON.stringify(stored.data)).toBe(JSON.stringify(record.data));
        expect(await store.getSubmission('nobody')).toBeNull();
        const events = await store.listSubmissionEvents(record.id);
        expect(events).toEqual([{ ...event(record), explanations: {}, fieldNotes: [], id: expect.any(Number) }]);
      });

      it('keeps the explanations of warnings and the notes on fields, with the submission and with their events', async () => {
        const explanations = { 'kind-line': '户主年底务工收入已到账，已核实' };
        const record = submission({ explanations, warnings: [{ path: '/A3', field: 'A3', code: 'rule:kind-line', message: '提示', severity: 'warning' }] });
        await create(record);
        expect((await store.getSubmission(record.id))!.explanations).toEqual(explanations);
        const fieldNotes = [{ path: '/members/1/A7', note: '证件号码与户口簿不符' }, { path: '/A28', note: '务工收入偏低' }];
        await store.updateSubmission({
          id: record.id, expectedRevision: 1, patch: { status: 'returned', returnComment: '请核实', fieldNotes },
          event: event(record, { action: 'return', status: 'returned', fieldNotes }),
        });
        await store.updateSubmission({
          id: record.id, expectedRevision: 2, patch: { status: 'submitted', explanations: {} },
          event: event(record, { action: 'submit', status: 'submitted', explanations }),
        });
        expect(await store.getSubmission(record.id)).toMatchObject({ explanations: {}, fieldNotes, revision: 3 });
        const events = await store.listSubmissionEvents(record.id);
        expect(events.map((e) => [e.action, e.explanations, e.fieldNotes])).toEqual([
          ['create', {}, []], ['return', {}, fieldNotes], ['submit', explanations, []],
        ]);
      });

      it('refuses a taken id (exists), storing nothing more', async () => {
        const record = submission();
        await create(record);
        expect(await conflict(create({ ...record, headName: '别人' }))).toBe('exists');
        expect((await store.getSubmission(record.id))?.headName).toBe('张德明');
        expect(await store.listSubmissionEvents(record.id)).toHaveLength(1);
      });

      it('keeps one submission per household, form and campaign when the form says so (unique)', async () => {
        const first = submission({ householdId: 'h-1' });
        await create(first, true);
        const second = submission({ householdId: 'h-1' });
        expect(await conflict(create(second, true))).toBe('unique');
        expect(await store.getSubmission(second.id)).toBeNull();
        expect(await store.listSubmissionEvents(second.id)).toEqual([]);
        // Another campaign, another form, or a form allowing several: all accepted.
        await create(submission({ householdId: 'h-1', campaignId: 'c-2022' }), true);
        await create(submission({ householdId: 'h-1', formId: 'form-b' }), true);
        await create(submission({ householdId: 'h-1' }), false);
        expect((await store.listSubmissions({ scope: [''], householdId: 'h-1' }, { page: 1, pageSize: 10 })).total).toBe(4);
      });

      it('answers a retried create (same id, household key taken by itself) with exists, not unique', async () => {
        const record = submission({ householdId: 'h-1' });
        await create(record, true);
        expect(await conflict(create(record, true))).toBe('exists');
      });

      it('finds the submission of a form for a household within a campaign', async () => {
        const record = submission({ householdId: 'h-1' });
        await create(record, true);
        expect(await store.findSubmissionFor('form-a', 'c-2021', 'h-1')).toEqual(record);
        expect(await store.findSubmissionFor('form-a', 'c-2022', 'h-1')).toBeNull();
        expect(await store.findSubmissionFor('form-b', 'c-2021', 'h-1')).toBeNull();
        expect(await store.findSubmissionFor('form-a', 'c-2021', 'h-2')).toBeNull();
      });

      it('updates with the current revision: patched fields, next revision, an event', async () => {
        const record = submission({ prefill: { headName: '张德明' }, returnComment: '请核实' });
        await create(record);
        const update: SubmissionUpdate = {
          id: record.id, expectedRevision: 1,
          patch: { status: 'submitted', submittedAt: at(5), updatedAt: at(5), updatedBy: 'u-2', data: { zeta: 'y', alpha: 2 }, errors: [], returnComment: null, prefill: null },
          event: event(record, { action: 'submit', status: 'submitted', at: at(5), changes: [{ field: '/zeta', from: 'z', to: 'y' }] }),
        };
        const updated = await store.updateSubmission(update);
        const expected = { ...record, ...update.patch, revision: 2 };
        expect(updated).toEqual(expected);
        expect(await store.getSubmission(record.id)).toEqual(expected);
        expect((await store.listSubmissionEvents(record.id)).map((e) => [e.action, e.at])).toEqual([['create', T0], ['submit', at(5)]]);
      });

      it('refuses a stale revision (revision) and changes nothing', async () => {
        const record = submission();
        await create(record);
        const patch = (n: number): SubmissionUpdate => ({
          id: record.id, expectedRevision: 1, patch: { headName: `第${n}次` }, event: event(record, { action: 'save', comment: `第${n}次` }),
        });
        await store.updateSubmission(patch(1));
        const before = await store.getSubmission(record.id);
        expect(await conflict(store.updateSubmission(patch(2)))).toBe('revision');
        expect(await store.getSubmission(record.id)).toEqual(before);
        expect((await store.listSubmissionEvents(record.id)).map((e) => e.comment)).toEqual([null, '第1次']);
        expect(await conflict(store.updateSubmission({ ...patch(3), id: 'nobody' }))).toBe('exists');
      });

      it('lets exactly one of two writers holding the same revision win', async () => {
        const record = submission();
        await create(record);
        const outcomes = await Promise.allSettled([1, 2].map((n) => store.updateSubmission({
          id: record.id, expectedRevision: 1, patch: { headName: `写者${n}` }, event: event(record, { action: 'save' }),
        })));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(StoreConflict);
        expect((await store.getSubmission(record.id))?.revision).toBe(2);
        expect(await store.listSubmissionEvents(record.id)).toHaveLength(2);
      });

      it('lists every event of a submission in the order written', async () => {
        const record = submission();
        await create(record);
        const actions = ['save', 'submit', 'return', 'submit', 'approve'] as const;
        for (const [i, action] of actions.entries()) {
          await store.updateSubmission({ id: record.id, expectedRevision: i + 1, patch: { updatedAt: at(i + 1) }, event: event(record, { action, at: at(i + 1), level: i }) });
        }
        const events = await store.listSubmissionEvents(record.id);
        expect(events.map((e) => e.action)).toEqual(['create', ...actions]);
        expect(events.map((e) => e.level)).toEqual([null, 0, 1, 2, 3, 4]);
        expect(events.every((e, i) => i === 0 || e.id > events[i - 1]!.id)).toBe(true);
      });
    });

    describe('approveWithEffects', () => {
      async function submitted(householdId: string | null) {
        const record = submission({ householdId, status: 'submitted', submittedAt: T0 });
        await create(record);
        return record;
      }
      const approval = (record: SubmissionRecord, patch: SubmissionUpdate['patch'] = {}): SubmissionUpdate => ({
        id: record.id, expectedRevision: record.revision,
        patch: { status: 'approved', approvedAt: at(30), updatedAt: at(30), updatedBy: 'u-county', ...patch },
        event: event(record, { action: 'approve', status: 'approved', at: at(30), level: 1, changes: [{ field: 'registry', note: 'kind：脱贫户 → 脱贫不稳定户' }] }),
      });
      const change = (h: HouseholdRecord | null, household: HouseholdInput & { id: string }, submissionId: string): HouseholdChange => ({
        expectedRevision: h?.revision ?? null, household,
        event: { at: at(30), userId: 'u-county', submissionId, changes: ['kind：脱贫户 → 脱贫不稳定户'] },
      });

      it('applies the approval and the household change together, with the household event', async () => {
        const [hid] = await upsert([household('500118196503120011', { kind: '脱贫户' })], T0);
        const h = (await store.getHousehold(hid!))!;
        const record = await submitted(hid!);
        const { revision: _r, createdAt: _c, updatedAt: _u, ...fields } = h;
        const approved = await store.approveWithEffects(approval(record), change(h, { ...fields, kind: '脱贫不稳定户', identifiedMonth: '2021-11' }, record.id));
        expect(approved).toMatchObject({ status: 'approved', approvedAt: at(30), revision: 2, householdId: hid });
        expect(await store.getSubmission(record.id)).toEqual(approved);
        expect(await store.getHousehold(hid!)).toMatchObject({ kind: '脱贫不稳定户', identifiedMonth: '2021-11', revision: 2, updatedAt: at(30), createdAt: T0 });
        expect(await store.listHouseholdEvents(hid!)).toEqual([
          { id: expect.any(Number), householdId: hid, at: at(30), userId: 'u-county', submissionId: record.id, changes: ['kind：脱贫户 → 脱贫不稳定户'] },
        ]);
        expect((await store.listSubmissionEvents(record.id)).map((e) => e.action)).toEqual(['submit', 'approve']);
      });

      it('creates the household of an identification and links the submission to it', async () => {
        const record = await submitted(null);
        const id = randomUUID();
        const approved = await store.approveWithEffects(approval(record), change(null, { ...household('500118198001010061'), id }, record.id));
        expect(approved.householdId).toBe(id);
        expect(await store.getHousehold(id)).toMatchObject({ id, headIdNumber: '500118198001010061', revision: 1, createdAt: at(30) });
        expect(await store.listHouseholdEvents(id)).toHaveLength(1);
      });

      it('applies neither when the household changed since it was read (revision)', async () => {
        const [hid] = await upsert([household('500118196503120011', { kind: '脱贫户' })], T0);
        const read = (await store.getHousehold(hid!))!;
        await upsert([household('500118196503120011', { kind: '一般农户' })], at(1));
        const current = await store.getHousehold(hid!);
        const record = await submitted(hid!);
        const { revision: _r, createdAt: _c, updatedAt: _u, ...fields } = read;
        expect(await conflict(store.approveWithEffects(approval(record), change(read, { ...fields, kind: '脱贫不稳定户' }, record.id)))).toBe('revision');
        expect(await store.getSubmission(record.id)).toEqual(record);
        expect(await store.getHousehold(hid!)).toEqual(current);
        expect(await store.listHouseholdEvents(hid!)).toEqual([]);
        expect(await store.listSubmissionEvents(record.id)).toHaveLength(1);
      });

      it('applies neither when the submission changed since it was read (revision)', async () => {
        const [hid] = await upsert([household('500118196503120011', { kind: '脱贫户' })], T0);
        const h = (await store.getHousehold(hid!))!;
        const record = await submitted(hid!);
        await store.updateSubmission({ id: record.id, expectedRevision: 1, patch: { reviewLevel: 1 }, event: event(record, { action: 'approve' }) });
        const { revision: _r, createdAt: _c, updatedAt: _u, ...fields } = h;
        expect(await conflict(store.approveWithEffects(approval(record), change(h, { ...fields, kind: '脱贫不稳定户' }, record.id)))).toBe('revision');
        expect(await store.getHousehold(hid!)).toEqual(h);
        expect(await store.listHouseholdEvents(hid!)).toEqual([]);
      });

      it('applies neither when the new household\'s head ID number is taken (unique)', async () => {
        await upsert([household('500118196503120011')], T0);
        const record = await submitted(null);
        const id = randomUUID();
        expect(await conflict(store.approveWithEffects(approval(record), change(null, { ...household('500118196503120011'), id }, record.id)))).toBe('unique');
        expect(await store.getHousehold(id)).toBeNull();
        expect(await store.getSubmission(record.id)).toEqual(record);
      });

      it('approves without a registry change', async () => {
        const record = await submitted(null);
        const approved = await store.approveWithEffects(approval(record), null);
        expect(approved).toMatchObject({ status: 'approved', householdId: null, revision: 2 });
      });
    });
  });
}
