// The only file that reads process.env and starts things: configuration, the store, migrations,
// the initial administrator, published forms, the demo township, then the HTTP server.
// DATABASE_URL (postgres://...) selects PostgreSQL, where several instances may share one
// database (DATABASE_SCHEMA: its schema); otherwise SQLite in DATA_DIR.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { defaultServerConfig, systemClock, type Deps, type Logger } from './deps';
import { FormVersions } from './forms/FormVersions';
import { prepareDatabase, type PrepareOptions } from './seed/prepareDatabase';
import { PostgresStore } from './store/postgres/PostgresStore';
import { SqliteStore } from './store/sqlite/SqliteStore';
import type { Store } from './store/Store';

const log: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
};

/** The database as a log line may show it: no password. */
function describeUrl(url: URL): string {
  return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

function openStore(): Store {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`DATABASE_URL 应以 postgres:// 开头：${url.protocol}//…`);
    const schema = process.env.DATABASE_SCHEMA || undefined;
    log.info(`数据存储：PostgreSQL ${describeUrl(url)}${schema ? `（模式 ${schema}）` : ''}`);
    return new PostgresStore({ connectionString: databaseUrl, schema, onIdleError: (error) => log.error('数据库连接中断：', error) });
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'wanneng.sqlite');
  log.info(`数据存储：SQLite ${file}`);
  return new SqliteStore(file);
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const store = openStore();
  const deps: Deps = {
    store,
    forms: new FormVersions(store),
    clock: systemClock,
    config: {
      ...defaultServerConfig,
      clientDir: resolve(process.env.CLIENT_DIR ?? 'dist'), session: { ...defaultServerConfig.session, secureCookie: process.env.SECURE_COOKIE === '1' },
      trustProxy: process.env.TRUST_PROXY === '1',
    },
    log,
  };
  const prepare: PrepareOptions = {
    formsDir: resolve(process.env.FORMS_DIR ?? 'form-definitions'),
    adminPassword: process.env.ADMIN_PASSWORD || undefined,
    demo: process.env.DEMO !== '0',
    demoPassword: process.env.DEMO_PASSWORD || undefined,
  };
  await prepareDatabase(deps, prepare);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port }, (info) => log.info(`万能表单已启动：http://localhost:${info.port}/`));
  const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error('启动失败：', error);
  process.exit(1);
});
