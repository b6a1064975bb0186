// Values kept across starts in SQLite's `meta` table (what preparing the database decided).
import type Database from 'better-sqlite3';

export function selectMeta(db: Database.Database, name: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Database.Database, name: string, value: string): void {
  db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
}
