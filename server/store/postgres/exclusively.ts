// Exclusive sections across every server on one PostgreSQL database: a session advisory lock,
// keyed by the schema and the section's name, taken on a connection kept for the whole section
// (the work itself runs on other connections of the pool). The lock goes with its connection, so a
// server that dies inside the section never leaves it held.
import type pg from 'pg';
import { LOCK_CLASS } from './migrate';

export async function exclusively<T>(pool: pg.Pool, schema: string | undefined, name: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const scope = schema ?? (await client.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? '';
    const key = `${scope}/${name}`;
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, key]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, key]).catch((e: Error) => { broken = e; });
    }
  } finally {
    client.release(broken);
  }
}
