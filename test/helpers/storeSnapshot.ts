// What a server's store holds, table by table, as one digest each: taken before and after a
// request, it tells whether the request changed anything and which tables. Read straight from the
// database (SQLite file or PostgreSQL schema), not through the Store, so nothing the server
// caches can hide a change; on SQLite only once the writer has committed since the last look. Left out: login_attempts (a refused login is counted by design,
// before the password is checked) and a session's last_seen_at (touched by every request).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestServer } from './testServer';

export type Snapshot = Record<string, string>;

const SKIPPED_TABLES = new Set(['login_attempts']);
const SKIPPED_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at'] };

export interface StoreSnapshots {
  take(): Promise<Snapshot>;
  close(): Promise<void>;
}

const digest = (rows: string[]) => createHash('sha256').update(rows.sort().join('\n')).digest('hex');

function sqliteSnapshots(file: string): StoreSnapshots {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .map((t) => t.name).filter((name) => !SKIPPED_TABLES.has(name));
  const selects = tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`)] as const);
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  // data_version moves whenever another connection (the writer thread) commits: unmoved, nothing changed.
  let last: { version: unknown; snapshot: Snapshot } | null = null;
  return {
    async take() {
      const version = dataVersion.get();
      if (last && last.version === version) return last.snapshot;
      const snapshot: Snapshot = {};
      for (const [table, select] of selects) {
        const skipped = SKIPPED_COLUMNS[table] ?? [];
        snapshot[table] = digest((select.all() as Record<string, unknown>[]).map((row) => {
          for (const column of skipped) delete row[column];
          return JSON.stringify(row);
        }));
      }
      last = { version, snapshot };
      return snapshot;
    },
    async close() {
      db.close();
    },
  };
}

function postgresSnapshots(url: string, schema: string): StoreSnapshots {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  let query: string | null = null;
  return {
    async take() {
      await connected;
      if (query === null) {
        const { rows } = await client.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [schema]);
        // One round trip for all tables. A table's digest is of its row versions (xmin, ctid), not
        // of their content: as exact, without reading every definition each time. So a refused
        // request that rewrote a row, even with the same values, counts as a change: it wrote.
        // Sessions, whose last_seen_at every request touches, are digested by content without it.
        query = rows.map((t) => t.name).filter((name) => !SKIPPED_TABLES.has(name)).map((name) => {
          const skipped = SKIPPED_COLUMNS[name];
          const row = skipped ? `(to_jsonb(t) - '{${skipped.join(',')}}'::text[])::text` : `t.xmin::text || '.' || t.ctid::text`;
          return `SELECT '${name}' AS name, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS digest FROM "${schema}"."${name}" t`;
        }).join(' UNION ALL ');
      }
      const { rows } = await client.query<{ name: string; digest: string }>(query);
      return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
    },
    async close() {
      await connected.catch(() => {});
      await client.end();
    },
  };
}

/** Snapshots of the store under a test server, on whichever database it runs. */
export function storeSnapshots(server: TestServer): StoreSnapshots {
  if (server.kind === 'postgres') return postgresSnapshots(process.env.WNBD_PG_URL!, server.schema!);
  return sqliteSnapshots(join(server.dir, 'test.sqlite'));
}

/** The tables whose content differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}
