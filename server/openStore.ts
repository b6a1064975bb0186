// The store the configuration names: DATABASE_URL (postgres://...) selects PostgreSQL, where
// several instances may share one database (DATABASE_SCHEMA: its schema); otherwise SQLite in
// DATA_DIR (./data). Shared by the server and the maintenance commands (scripts/).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from './deps';
import { PostgresStore } from './store/postgres/PostgresStore';
import { SqliteStore } from './store/sqlite/SqliteStore';
import type { Store } from './store/Store';

/** The database as a log line may show it: no password. */
function describeUrl(url: URL): string {
  return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

export function openStore(env: NodeJS.ProcessEnv, log: Logger): Store {
  const databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`DATABASE_URL 应以 postgres:// 开头：${url.protocol}//…`);
    const schema = env.DATABASE_SCHEMA || undefined;
    log.info(`数据存储：PostgreSQL ${describeUrl(url)}${schema ? `（模式 ${schema}）` : ''}`);
    return new PostgresStore({ connectionString: databaseUrl, schema, onIdleError: (error) => log.error('数据库连接中断：', error) });
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'wanneng.sqlite');
  log.info(`数据存储：SQLite ${file}`);
  return new SqliteStore(file);
}
