// Group commit for SQLite: writes that arrive while the event loop is busy are run in one
// transaction and made durable by one fsync (synchronous=FULL), then every caller is answered.
// Each write stays atomic on its own (a savepoint each), so one failing write never takes the
// others with it. No answer is given before the commit: nothing acknowledged is ever lost.
import type Database from 'better-sqlite3';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const savepoint = this.db.prepare('SAVEPOINT write');
    const release = this.db.prepare('RELEASE write');
    const rollback = this.db.prepare('ROLLBACK TO write');
    for (const item of batch) {
      savepoint.run();
      try {
        const value = item.work();
        release.run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        rollback.run();
        release.run();
        outcomes.push({ ok: false, error });
      }
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
