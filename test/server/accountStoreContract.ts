// The Store contract for accounts, run against SQLite and PostgreSQL alike (sqliteStore.test.ts,
// postgresStore.test.ts): migrating twice, users and their changes as a compare-and-set, login
// attempts counted and locked per key, named values and exclusive sections, sessions.
import { describe, expect, it } from 'vitest';
import type { LoginAttempt, StoreConflict, Store } from '../../server/store/Store';
import { T0, at, conflict, freshStoreEach, newUser, type StoreUnderTest } from './storeFixtures';

export function accountStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, accounts: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

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
  });
}
