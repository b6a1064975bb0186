// The server's only file that reads process.env and starts things: configuration, the store, migrations,
// the initial administrator, published forms, the demo township, then the HTTP server.
// The store is the one openStore.ts reads from the configuration.
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { defaultServerConfig, systemClock, type Deps, type Logger } from './deps';
import { defaultApplicationLimits } from './public/applicationLimits';
import { FormVersions } from './forms/FormVersions';
import { openStore } from './openStore';
import { prepareDatabase, type PrepareOptions } from './seed/prepareDatabase';

const log: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
};

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const store = openStore(process.env, log);
  const deps: Deps = {
    store,
    forms: new FormVersions(store),
    clock: systemClock,
    config: {
      ...defaultServerConfig,
      clientDir: resolve(process.env.CLIENT_DIR ?? 'dist'), session: { ...defaultServerConfig.session, secureCookie: process.env.SECURE_COOKIE === '1' },
      trustProxy: process.env.TRUST_PROXY === '1',
      // APPLY_DIFFICULTY: the proof-of-work residents' phones solve before applying (leading zero bits).
      applications: { ...defaultApplicationLimits, difficulty: Number(process.env.APPLY_DIFFICULTY ?? defaultApplicationLimits.difficulty) },
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
