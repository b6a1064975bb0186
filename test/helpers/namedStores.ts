// Stores on databases named within one test file, on the store the run tests (SQLite, or
// PostgreSQL with WNBD_TEST_STORE=postgres): opening a name twice is a second server (or a
// restart) on the same database. Every store opened is closed after each test; the files and
// schemas go after the file's last test.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { PostgresStore } from '../../server/store/postgres/PostgresStore';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
import type { Store } from '../../server/store/Store';
import { dropTestSchema, newTestSchema, testStoreKind } from './testServer';

export interface NamedStores {
  /** A scratch folder of the file's own, removed after its last test. */
  readonly dir: string;
  /** The folder of the SQLite database `name` (its attachments kept beside it). */
  folderOf(name: string): string;
  /** The PostgreSQL schema of the database `name`. */
  schemaOf(name: string): string;
  /** A store on the database `name`, not migrated. */
  open(name: string): Store;
  /** A store on the database `name`, migrated. */
  openMigrated(name: string): Promise<Store>;
  /** Closes a store before the test ends (a server stopped mid-test). */
  close(store: Store): Promise<void>;
}

export function namedStores(prefix: string): NamedStores {
  const dir = mkdtempSync(join(tmpdir(), `wnbd-${prefix}-`));
  const schema = newTestSchema();
  const postgres = testStoreKind() === 'postgres';
  const names = new Set<string>();
  let opened: Store[] = [];
  const stores: NamedStores = {
    dir,
    folderOf: (name) => join(dir, 'stores', name),
    schemaOf: (name) => `${schema}_${name}`,
    open(name) {
      names.add(name);
      if (!postgres) mkdirSync(stores.folderOf(name), { recursive: true });
      const store = postgres
        ? new PostgresStore({ connectionString: process.env.WNBD_PG_URL!, schema: stores.schemaOf(name) })
        : new SqliteStore(join(stores.folderOf(name), 'db.sqlite'));
      opened.push(store);
      return store;
    },
    async openMigrated(name) {
      const store = stores.open(name);
      await store.migrate();
      return store;
    },
    async close(store) {
      opened = opened.filter((s) => s !== store);
      await store.close();
    },
  };
  afterEach(async () => {
    for (const store of opened) await store.close();
    opened = [];
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgres) for (const name of names) await dropTestSchema(process.env.WNBD_PG_URL!, stores.schemaOf(name));
  });
  return stores;
}
