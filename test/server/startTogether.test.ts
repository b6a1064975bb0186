// Servers started together on a new PostgreSQL database leave it exactly as one server would:
// three real server processes (server/main.ts) at once on a fresh schema, a few rounds, each
// ending with the administrator, the demo township, the shipped forms and campaigns, each once.
// Before preparation was exclusive, most such starts seeded no demo at all and no restart did.
// Skipped when WNBD_PG_URL is unset, unless WNBD_REQUIRE_PG=1 (then this file fails).
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormDirectory } from '../../server/forms/loadFormDirectory';
import { DEMO_ACCOUNTS, demoDivisions, demoHouseholds } from '../../server/seed/demoTownship';
import { FORMS_DIR } from '../helpers/forms';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { dropTestSchema, newTestSchema, postgresTestUrl } from '../helpers/testServer';

const url = postgresTestUrl('servers started together') ?? '';
const ROUNDS = 3;
const SERVERS = 3;

/** What the database holds, as a value two databases can be compared by. */
async function contents(schema: string) {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const column = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join('|'));
    return {
      users: await column('SELECT username, role FROM users ORDER BY username'),
      divisions: await column('SELECT code FROM divisions ORDER BY code'),
      households: await column('SELECT head_id_number FROM households ORDER BY head_id_number'),
      members: Number((await client.query('SELECT count(*) AS n FROM household_members')).rows[0].n),
      forms: await column('SELECT id FROM forms ORDER BY id'),
      versions: await column('SELECT form_id, version FROM form_versions ORDER BY form_id, version'),
      campaigns: await column('SELECT id FROM campaigns ORDER BY id'),
      meta: await column('SELECT name, value FROM meta ORDER BY name'),
    };
  } finally {
    await client.end();
  }
}

/** What one server makes on a new database with DEMO=1. */
function oneServersWork() {
  const shipped = loadFormDirectory(FORMS_DIR);
  const households = demoHouseholds();
  const ids = (values: string[]) => [...values].sort();
  return {
    users: ids(['admin|admin', ...DEMO_ACCOUNTS.map((a) => `${a.username}|${a.role}`)]),
    divisions: ids(demoDivisions().map((d) => d.code)),
    households: ids(households.map((h) => h.headIdNumber)),
    members: households.reduce((n, h) => n + h.members.length, 0),
    forms: ids([...shipped.definitions.keys()]),
    versions: ids([...shipped.definitions.keys()].map((id) => `${id}|1`)),
    campaigns: ids(shipped.campaigns.map((c) => c.id)),
    meta: ['demo|done'],
  };
}

describe.skipIf(!url)('servers started together on a new PostgreSQL database (needs WNBD_PG_URL)', () => {
  describe('servers started together on a new database', () => {
    const schemas: string[] = [];
    afterAll(async () => {
      for (const schema of schemas) await dropTestSchema(url, schema);
    });

    it(`leave it as one server would (${ROUNDS} rounds of ${SERVERS})`, { timeout: 300_000 }, async () => {
      const expected = oneServersWork();
      for (let round = 0; round < ROUNDS; round++) {
        const schema = newTestSchema();
        schemas.push(schema);
        const env = {
          DATABASE_URL: url, DATABASE_SCHEMA: schema, DEMO: '1', DEMO_PASSWORD: 'demo-pass-2021', ADMIN_PASSWORD: 'admin-pass-2021',
        };
        const started = await Promise.allSettled(Array.from({ length: SERVERS }, () => startServerProcess(env)));
        const servers = started.filter((s): s is PromiseFulfilledResult<ServerProcess> => s.status === 'fulfilled').map((s) => s.value);
        await Promise.all(servers.map((s) => s.stop()));
        for (const s of started) if (s.status === 'rejected') throw s.reason;
        expect(await contents(schema), `round ${round + 1}`).toEqual(expected);
      }
    });
  });
});
