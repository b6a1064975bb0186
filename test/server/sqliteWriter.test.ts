// The SQLite writer thread as the store's callers meet it: many writes sent together are each
// answered after one shared commit, one refused write leaves the others of its batch committed,
// a closed store refuses writes instead of leaving them waiting, a dead writer thread is replaced,
// a script that never closes its store still ends when its writes are done, one that closes it
// waits for the close, and a write holding what cannot cross to the thread (a function) fails
// alone, never the process.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
import { StoreConflict, type NewUser } from '../../server/store/Store';

function officer(username: string): NewUser {
  return { id: randomUUID(), username, displayName: username, role: 'officer', scope: ['500118104201'], passwordHash: 'x', createdAt: '2026-12-06T08:00:00.000Z' };
}

describe('SqliteStore writer thread', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wnbd-writer-'));
    store = new SqliteStore(join(dir, 'store.sqlite'));
    await store.migrate();
  });
  afterEach(async () => {
    await store.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each of 50 writes sent at once, and every one is there after a reopen', async () => {
    const users = Array.from({ length: 50 }, (_, i) => officer(`officer${i}`));
    const answered = await Promise.all(users.map((u) => store.createUser(u)));
    expect(answered.map((u) => u.username)).toEqual(users.map((u) => u.username));
    await store.close();
    store = new SqliteStore(join(dir, 'store.sqlite'));
    expect((await store.listUsers()).map((u) => u.username).sort()).toEqual(users.map((u) => u.username).sort());
  });

  it('refuses the one write of a batch that breaks a rule (unique) and commits the others sent with it', async () => {
    await store.createUser(officer('taken'));
    const outcomes = await Promise.allSettled([officer('a'), officer('taken'), officer('b')].map((u) => store.createUser(u)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = (outcomes[1] as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(StoreConflict);
    expect(refused).toMatchObject({ kind: 'unique', message: '用户名 taken 已存在' });
    expect((await store.listUsers()).map((u) => u.username).sort()).toEqual(['a', 'b', 'taken']);
  });

  it('refuses a write after close instead of leaving it waiting', async () => {
    await store.close();
    await expect(store.createUser(officer('late'))).rejects.toThrow('SQLite 写入线程已关闭');
  });

  it('starts a new writer thread when one dies, and keeps what the dead one had committed', async () => {
    await store.createUser(officer('before'));
    const writer = (store as unknown as { writes: { thread: { worker: { terminate(): Promise<number> } } } }).writes;
    await writer.thread.worker.terminate();
    await store.createUser(officer('after'));
    expect((await store.listUsers()).map((u) => u.username).sort()).toEqual(['after', 'before']);
  });

  it('lets a script that never closes its store end once its writes are done', () => {
    const script = `
      import { SqliteStore } from ${JSON.stringify(resolve('server/store/sqlite/SqliteStore.ts'))};
      const store = new SqliteStore(${JSON.stringify(join(dir, 'script.sqlite'))});
      await store.migrate();
      await store.upsertDivisions([{ code: '500118', name: '永川区', parentCode: null }]);
      console.log('written', (await store.listDivisions(['500118'])).length);`;
    const file = join(dir, 'script.mts');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('written 1');
    expect(run.status).toBe(0);
  });

  it('lets a script that closes its store at the end finish the close, and carry on after it', () => {
    const script = `
      import { SqliteStore } from ${JSON.stringify(resolve('server/store/sqlite/SqliteStore.ts'))};
      const store = new SqliteStore(${JSON.stringify(join(dir, 'closing.sqlite'))});
      await store.migrate();
      await store.upsertDivisions([{ code: '500118', name: '永川区', parentCode: null }]);
      await store.close();
      console.log('closed');`;
    const file = join(dir, 'closing.mts');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });

  it('refuses a write holding a function on its own, and commits the writes sent with it', async () => {
    const odd = { ...officer('odd'), scope: ['500118104201', (() => 1) as unknown as string] };
    const outcomes = await Promise.allSettled([store.createUser(officer('a')), store.createUser(odd), store.createUser(officer('b'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('SQLite 写入 insertUser 被拒绝：数据中有不能保存的值（args[0].scope[1]: function）');
    expect((await store.listUsers()).map((u) => u.username).sort()).toEqual(['a', 'b']);
  });

  it('refuses on its own a write that looks plain but cannot be cloned (a proxy), and keeps the thread', async () => {
    const proxied = { ...officer('proxied'), scope: new Proxy(['500118104201'], {}) };
    const outcomes = await Promise.allSettled([store.createUser(officer('a')), store.createUser(proxied), store.createUser(officer('b'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/^SQLite 写入 insertUser 被拒绝：.*could not be cloned/);
    await store.createUser(officer('after'));
    expect((await store.listUsers()).map((u) => u.username).sort()).toEqual(['a', 'after', 'b']);
  });

  it('keeps a process running after a write holding a function, and its next write is saved', () => {
    const script = `
      import { SqliteStore } from ${JSON.stringify(resolve('server/store/sqlite/SqliteStore.ts'))};
      const store = new SqliteStore(${JSON.stringify(join(dir, 'script.sqlite'))});
      await store.migrate();
      const division = (name) => [{ code: '500118', name, parentCode: null }];
      const refused = await store.upsertDivisions([{ ...division('x')[0], name: () => 1 }]).then(() => 'saved', (e) => e.message);
      await store.upsertDivisions(division('永川区'));
      console.log(refused, (await store.listDivisions(['500118']))[0].name);`;
    const file = join(dir, 'odd.mts');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('SQLite 写入 upsertDivisions 被拒绝：数据中有不能保存的值（args[0][0].name: function） 永川区');
    expect(run.status).toBe(0);
  });
});
