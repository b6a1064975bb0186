// Preparing the database at start: the demo township is seeded on a brand-new database only, a
// start after a seed that was cut short finishes it, and preparations run at once (one process
// here; several processes in startTogether.test.ts) leave what one makes. Runs on SQLite, or on
// PostgreSQL with WNBD_TEST_STORE=postgres.
import { describe, expect, it } from 'vitest';
import { defaultServerConfig, type Deps } from '../../server/deps';
import { FormVersions } from '../../server/forms/FormVersions';
import { DEMO_ACCOUNTS, demoHouseholds } from '../../server/seed/demoTownship';
import { prepareDatabase } from '../../server/seed/prepareDatabase';
import type { Store } from '../../server/store/Store';
import { FORMS_DIR } from '../helpers/forms';
import { TEST_PASSWORD, TestClock } from '../helpers/testServer';
import { namedStores } from '../helpers/namedStores';

const stores = namedStores('prepare');
/** A store on this test's database: the same file or schema each time, as a restart finds it. */
const openStore = (name: string) => stores.open(name);

function depsOf(store: Store): Deps {
  return { store, forms: new FormVersions(store), clock: new TestClock(), config: defaultServerConfig, log: { info: () => {}, error: () => {} } };
}

const prepare = (store: Store, demo: boolean) => prepareDatabase(depsOf(store), { formsDir: FORMS_DIR, adminPassword: TEST_PASSWORD, demo, demoPassword: TEST_PASSWORD });

/** The store, whose first write of households fails (the server died there). */
function cutShortAtHouseholds(store: Store): Store {
  let failed = false;
  return new Proxy(store, {
    get(target, property) {
      if (property === 'upsertHouseholds' && !failed) {
        return async () => {
          failed = true;
          throw new Error('the server died here');
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function demoState(store: Store) {
  return {
    users: (await store.listUsers()).map((u) => u.username).sort(),
    households: (await store.listHouseholds({ scope: [''] }, { page: 1, pageSize: 1 })).total,
    demo: await store.getMeta('demo'),
  };
}

const SEEDED = { users: ['admin', ...DEMO_ACCOUNTS.map((a) => a.username)].sort(), households: demoHouseholds().length, demo: 'done' };

describe('prepareDatabase', { timeout: 60_000 }, () => {
  it('finishes, at the next start, a demo seed that was cut short', async () => {
    const first = openStore('cut');
    await expect(prepare(cutShortAtHouseholds(first), true)).rejects.toThrow('the server died here');
    expect(await demoState(first)).toEqual({ users: ['admin'], households: 0, demo: 'pending' });
    await stores.close(first);
    const restarted = openStore('cut');
    await prepare(restarted, true);
    expect(await demoState(restarted)).toEqual(SEEDED);
  });

  it('seeds no demo into a database already in use, nor later', async () => {
    const store = openStore('used');
    await prepare(store, false);
    await prepare(store, true);
    expect(await demoState(store)).toEqual({ users: ['admin'], households: 0, demo: 'skipped' });
  });

  it('leaves what one preparation makes when several run at once', async () => {
    const stores = [openStore('together'), openStore('together'), openStore('together')];
    await Promise.all(stores.map((store) => prepare(store, true)));
    expect(await demoState(stores[0]!)).toEqual(SEEDED);
    expect((await stores[0]!.listForms()).length).toBeGreaterThan(0);
    for (const form of await stores[0]!.listForms()) expect(await stores[0]!.listFormVersions(form.id)).toHaveLength(1);
  });
});
