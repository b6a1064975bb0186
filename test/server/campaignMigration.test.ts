// The migration that gives campaigns their form versions (issue 13, part 2), on SQLite and on
// PostgreSQL (WNBD_PG_URL): a database made before it, with campaigns serving whatever was
// latest, comes out with each campaign naming the version it served then — nothing changes for
// them — and with nothing to confirm.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../server/store/postgres/PostgresStore';
import { POSTGRES_MIGRATIONS } from '../../server/store/postgres/schema';
import { SQLITE_MIGRATIONS } from '../../server/store/sqlite/schema';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
import type { Store } from '../../server/store/Store';
import { dropTestSchema, newTestSchema, postgresTestUrl } from '../helpers/testServer';

const T0 = '2023-11-20T09:00:00.000Z';
/** The migration under test is the one that adds form_versions. */
const BEFORE = SQLITE_MIGRATIONS.findIndex((sql) => sql.includes('ADD COLUMN form_versions'));

const FORMS = "INSERT INTO forms (id, title, latest_version, created_at) VALUES ('lookback', '回头看', 3, $T), ('draft-only', '草稿', NULL, $T)";
const CAMPAIGNS = `INSERT INTO campaigns (id, title, year, description, parameters, forms, status, divisions, created_at) VALUES
  ('2023', '2023年度', 2023, '', '{}', '["lookback","draft-only"]', 'open', '[]', $T),
  ('2021', '2021年度', 2021, '', '{}', '["lookback"]', 'closed', '[]', $T)`;

async function expectVersionsKept(store: Store) {
  expect(await store.getCampaign('2023')).toMatchObject({ formVersions: { lookback: 3 }, unconfirmed: [] });
  expect(await store.getCampaign('2021')).toMatchObject({ formVersions: { lookback: 3 }, unconfirmed: [] });
  expect(await store.listAdoptions('2023')).toEqual([]);
}

describe('the campaigns\' form versions migration', () => {
  it('names, on SQLite, the version each campaign served when it ran', async () => {
    expect(BEFORE).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'wnbd-migrate-'));
    const file = join(dir, 'db.sqlite');
    try {
      const db = new Database(file);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      SQLITE_MIGRATIONS.slice(0, BEFORE).forEach((sql, i) => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, T0);
      });
      db.exec(FORMS.replaceAll('$T', `'${T0}'`));
      db.exec(CAMPAIGNS.replaceAll('$T', `'${T0}'`));
      db.close();
      const store = new SqliteStore(file);
      await store.migrate();
      await expectVersionsKept(store);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const url = postgresTestUrl('campaign versions migration on PostgreSQL');
  it.skipIf(!url)('names, on PostgreSQL, the version each campaign served when it ran', async () => {
    const schema = newTestSchema();
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
      const before = POSTGRES_MIGRATIONS.findIndex((sql) => sql.includes('ADD COLUMN form_versions'));
      for (const [i, sql] of POSTGRES_MIGRATIONS.slice(0, before).entries()) {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2)', [i + 1, T0]);
      }
      await client.query(FORMS.replaceAll('$T', `'${T0}'`));
      await client.query(CAMPAIGNS.replaceAll('$T', `'${T0}'`));
      const store = new PostgresStore({ connectionString: url!, schema });
      await store.migrate();
      await expectVersionsKept(store);
      await store.close();
    } finally {
      await client.end();
      await dropTestSchema(url!, schema);
    }
  });
});
