// The real server for benchmarks, in its own process: a fresh SQLite database in a temporary
// directory, the shipped forms published, one officer. Prints "ready <port>" when listening.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { defaultServerConfig, systemClock, type Deps } from '../../server/deps';
import { FormVersions } from '../../server/forms/FormVersions';
import { prepareDatabase } from '../../server/seed/prepareDatabase';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';

const dir = mkdtempSync(join(tmpdir(), 'wnbd-bench-'));
const store = new SqliteStore(join(dir, 'bench.sqlite'));
const deps: Deps = {
  store, forms: new FormVersions(store), clock: systemClock, config: defaultServerConfig,
  log: { info: () => {}, error: (m, e) => console.error(m, e ?? '') },
};
await prepareDatabase(deps, { formsDir: resolve('form-definitions'), adminPassword: 'bench-admin-password', demo: false });
await store.upsertDivisions([{ code: '500118', name: '永川区', parentCode: null }]);
await store.createUser({
  id: randomUUID(), username: 'bench', displayName: 'bench', role: 'officer', scope: ['500118'],
  passwordHash: await hashPassword('bench-password'), createdAt: new Date().toISOString(),
});
const server = serve({ fetch: createApp(deps).fetch, port: Number(process.argv[2] ?? 0) }, (info) => console.log(`ready ${info.port} ${dir}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
