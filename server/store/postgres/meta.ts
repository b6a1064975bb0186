// Values kept across starts in PostgreSQL's `meta` table (what preparing the database decided).
import type { Db } from './openPool';

export async function selectMeta(db: Db, name: string): Promise<string | null> {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM meta WHERE name = $1', [name]);
  return rows[0]?.value ?? null;
}

export async function writeMeta(db: Db, name: string, value: string): Promise<void> {
  await db.query('INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
}
