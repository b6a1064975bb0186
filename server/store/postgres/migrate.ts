// Brings the schema up to date: ordered migrations, each applied once in its own transaction and
// recorded in schema_migrations. Several server instances may start at once against the same
// database, so the whole run holds a session advisory lock keyed by the schema: the first
// instance migrates, the others wait, then find nothing left to do. The lock goes with the
// connection, so a crashed instance never leaves it held.
import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './schema';

/** 'WNBD': this application's advisory lock class; the schema's hash is the object. */
export const LOCK_CLASS = 0x574e4244;

async function currentSchema(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  if (!rows[0]?.schema) throw new Error('数据库连接没有可用的模式（search_path）');
  return rows[0].schema;
}

async function ensureSchema(client: pg.PoolClient, schema: string): Promise<void> {
  // Checked first: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema
  // exists, which a role given a schema made for it may not have.
  const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (!rowCount) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
}

async function applyPending(client: pg.PoolClient): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
    const version = i + 1;
    if (applied.has(version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}

/** `schema`: the schema the pool's search_path names (created if missing); unset: the current one. */
export async function migrate(pool: pg.Pool, schema?: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const name = schema ?? (await currentSchema(client));
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, name]);
    try {
      if (schema) await ensureSchema(client, schema);
      await applyPending(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, name]).catch((e: Error) => { broken = e; });
    }
  } finally {
    client.release(broken);
  }
}
