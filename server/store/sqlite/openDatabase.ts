// Opens the SQLite database as the server needs it: WAL with synchronous=FULL (a committed
// write survives a power cut), foreign keys on, a busy timeout, and the schema migrated.
// Statements are prepared once per SQL text: the store's queries are few and fixed, and
// preparing one costs more than running it.
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './schema';

/** Enough for every query the store makes (filters vary a little); beyond it, start again. */
const MAX_PREPARED = 2000;

function cachePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const prepared = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      if (prepared.size >= MAX_PREPARED) prepared.clear();
      statement = prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  }) as Database.Database['prepare'];
}

export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  cachePreparedStatements(db);
  return db;
}

export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  SQLITE_MIGRATIONS.forEach((sql, i) => {
    const version = i + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    })();
  });
}
