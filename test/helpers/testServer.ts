// A whole server on a temporary SQLite database, driven through app.request as a browser would
// (TestClient: cookies kept, the CSRF token sent on every change). Users share one password hash (scrypt is
// deliberately slow) computed once per test file. With WNBD_TEST_STORE=postgres (and WNBD_PG_URL)
// the same server runs on PostgreSQL instead, in a fresh schema dropped on close.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import pg from 'pg';
import { hashPassword } from '../../server/auth/passwords';
import { defaultServerConfig, type Clock, type Deps, type ServerConfig } from '../../server/deps';
import { FormVersions } from '../../server/forms/FormVersions';
import { prepareDatabase } from '../../server/seed/prepareDatabase';
import type { Role } from '../../server/store/records';
import { PostgresStore } from '../../server/store/postgres/PostgresStore';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
import type { Store } from '../../server/store/Store';
import { FORMS_DIR } from './forms';
import { TestClient } from './testClient';

export { TestClient, type TestResponse } from './testClient';

export const TEST_PASSWORD = 'test-password-2021';

let sharedHash: Promise<string> | null = null;
const passwordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

export type TestStoreKind = 'sqlite' | 'postgres';

/** SQLite unless WNBD_TEST_STORE=postgres. */
export function testStoreKind(): TestStoreKind {
  return process.env.WNBD_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * The PostgreSQL server tests may use: WNBD_PG_URL. Unset, PostgreSQL tests are skipped (null, with
 * the reason printed) unless WNBD_REQUIRE_PG=1, where it is an error: CI must not pass silently.
 */
export function postgresTestUrl(suite: string): string | null {
  const url = process.env.WNBD_PG_URL;
  if (url) return url;
  if (process.env.WNBD_REQUIRE_PG === '1') throw new Error(`${suite}: WNBD_REQUIRE_PG=1 but WNBD_PG_URL is unset`);
  console.warn(`${suite} skipped: set WNBD_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it`);
  return null;
}

/** A schema no other test run uses. */
export const newTestSchema = () => `wnbd_test_${randomBytes(8).toString('hex')}`;

export async function dropTestSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

function requiredPostgresUrl(): string {
  const url = process.env.WNBD_PG_URL;
  if (!url) throw new Error('WNBD_TEST_STORE=postgres needs WNBD_PG_URL');
  return url;
}

export class TestClock implements Clock {
  time: number;
  constructor(iso = '2021-11-20T09:00:00.000Z') {
    this.time = Date.parse(iso);
  }
  now() {
    return new Date(this.time);
  }
  advance(ms: number) {
    this.time += ms;
  }
}

export interface TestServer {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  store: Store;
  clock: TestClock;
  dir: string;
  kind: TestStoreKind;
  /** The PostgreSQL schema (kind 'postgres'). */
  schema: string | null;
  addUser(username: string, role: Role, scope: string[]): Promise<string>;
  login(username: string, password?: string): Promise<TestClient>;
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Seed the demo township (its accounts' password is TEST_PASSWORD). */
  demo?: boolean;
  dir?: string;
  clock?: TestClock;
  config?: Partial<ServerConfig>;
  /** Default: testStoreKind(). */
  kind?: TestStoreKind;
  /** Reopens this PostgreSQL schema (a restart); default: a new one. */
  schema?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'wnbd-test-'));
  const clock = options.clock ?? new TestClock();
  const kind = options.kind ?? testStoreKind();
  const schema = kind === 'postgres' ? (options.schema ?? newTestSchema()) : null;
  const store: Store = schema
    ? new PostgresStore({ connectionString: requiredPostgresUrl(), schema })
    : new SqliteStore(join(dir, 'test.sqlite'));
  const deps: Deps = {
    store,
    forms: new FormVersions(store),
    clock,
    config: { ...defaultServerConfig, ...options.config },
    log: { info: () => {}, error: () => {} },
  };
  await prepareDatabase(deps, { formsDir: FORMS_DIR, adminPassword: TEST_PASSWORD, demo: options.demo === true, demoPassword: TEST_PASSWORD });
  const app = createApp(deps);
  const server: TestServer = {
    app, deps, store, clock, dir, kind, schema,
    async addUser(username, role, scope) {
      const id = randomUUID();
      await store.createUser({ id, username, displayName: username, role, scope, passwordHash: await passwordHash(), createdAt: clock.now().toISOString() });
      return id;
    },
    login(username, password = TEST_PASSWORD) {
      return new TestClient(app).logIn(username, password);
    },
    async restart() {
      await store.close();
      return startTestServer({ dir, clock, config: options.config, demo: options.demo, kind, ...(schema ? { schema } : {}) });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      if (schema) await dropTestSchema(requiredPostgresUrl(), schema);
    },
  };
  return server;
}
