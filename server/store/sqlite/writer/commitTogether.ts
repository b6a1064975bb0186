// Group commit: the writes waiting together run in one transaction made durable by one fsync
// (synchronous=FULL). Each stays atomic on its own (a savepoint each), so one failing write never
// takes the others with it; when the commit itself fails, every write in it fails.
import type Database from 'better-sqlite3';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function commitTogether(db: Database.Database, works: (() => unknown)[]): Outcome[] {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    return works.map(() => ({ ok: false, error }));
  }
  const savepoint = db.prepare('SAVEPOINT write');
  const release = db.prepare('RELEASE write');
  const rollback = db.prepare('ROLLBACK TO write');
  const outcomes = works.map((work): Outcome => {
    savepoint.run();
    try {
      const value = work();
      release.run();
      return { ok: true, value };
    } catch (error) {
      rollback.run();
      release.run();
      return { ok: false, error };
    }
  });
  try {
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    return works.map(() => ({ ok: false, error }));
  }
  return outcomes;
}
