// The Store contract on PostgreSQL (WNBD_PG_URL): a fresh schema per test, dropped afterwards;
// then what only PostgreSQL has: several server instances on one database.
// Skipped when WNBD_PG_URL is unset, unless WNBD_REQUIRE_PG=1 (then this file fails).
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPool } from '../../server/store/postgres/openPool';
import { PostgresStore } from '../../server/store/postgres/PostgresStore';
import { ATTEMPTS, transaction } from '../../server/store/postgres/transaction';
import { StoreConflict } from '../../server/store/Store';
import { POSTGRES_MIGRATIONS } from '../../server/store/postgres/schema';
import { dropTestSchema, newTestSchema, postgresTestUrl } from '../helpers/testServer';
import { accountStoreContract } from './accountStoreContract';
import { divisionStoreContract } from './divisionStoreContract';
import { formStoreContract } from './formStoreContract';
import { campaignRecordStoreContract } from './campaignRecordStoreContract';
import { householdStoreContract } from './householdStoreContract';
import { submissionStoreContract } from './submissionStoreContract';
import { submissionReadsStoreContract } from './submissionReadsStoreContract';
import { applicationStoreContract } from './applicationStoreContract';
import { attachmentStoreContract } from './attachmentStoreContract';
import { campaignStoreContract } from './campaignStoreContract';
import { verificationStoreContract } from './verificationStoreContract';
import { deliberationStoreContract } from './deliberationStoreContract';

const url = postgresTestUrl('PostgreSQL store contract') ?? '';

describe.skipIf(!url)('the PostgreSQL store (needs WNBD_PG_URL)', () => {
  const freshStore = async () => {
    const schema = newTestSchema();
    const store = new PostgresStore({ connectionString: url, schema });
    await store.migrate();
    return {
      store,
      async cleanup() {
        await store.close();
        await dropTestSchema(url, schema);
      },
    };
  };
  accountStoreContract('PostgreSQL', freshStore);
  divisionStoreContract('PostgreSQL', freshStore);
  formStoreContract('PostgreSQL', freshStore);
  campaignRecordStoreContract('PostgreSQL', freshStore);
  householdStoreContract('PostgreSQL', freshStore);
  submissionStoreContract('PostgreSQL', freshStore);
  submissionReadsStoreContract('PostgreSQL', freshStore);
  campaignStoreContract('PostgreSQL', freshStore);
  attachmentStoreContract('PostgreSQL', freshStore);
  verificationStoreContract('PostgreSQL', freshStore);
  deliberationStoreContract('PostgreSQL', freshStore);
  applicationStoreContract('PostgreSQL', freshStore);

  describe('PostgresStore with several server instances', () => {
    const schema = newTestSchema();
    const opened: PostgresStore[] = [];
    const open = () => {
      const store = new PostgresStore({ connectionString: url, schema, maxConnections: 2 });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await dropTestSchema(url, schema);
    });

    it('applies each migration once when instances start at the same moment', async () => {
      await Promise.all([open(), open(), open(), open()].map((s) => s.migrate()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
        expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
      } finally {
        await client.end();
      }
    });

    it('shares every write between instances: nothing is kept in memory', async () => {
      const [a, b] = [open(), open()];
      await a.migrate();
      await b.migrate();
      await a.createForm({ id: 'form-a', title: '表A', createdAt: '2021-11-20T09:00:00.000Z' });
      expect((await b.getForm('form-a'))?.title).toBe('表A');
      await b.upsertHouseholds([{ divisionCode: '500118104201', headName: '张德明', headIdNumber: '500118196503120011', members: [] }], '2021-11-20T09:00:00.000Z');
      expect((await a.findHouseholdByHeadId('500118196503120011'))?.headName).toBe('张德明');
    });

    it('imports the same new head ID number from two instances at once as one household', async () => {
      const [a, b] = [open(), open()];
      await a.migrate();
      const row = { divisionCode: '500118104201', headName: '张德明', headIdNumber: '500118196503120011', members: [] };
      const [[first], [second]] = await Promise.all([a.upsertHouseholds([row], 'T1'), b.upsertHouseholds([row], 'T2')]);
      expect(second!.id).toBe(first!.id);
      expect([first!.created, second!.created].sort()).toEqual([false, true]);
      expect((await a.getHousehold(first!.id))?.revision).toBe(2);
    });

    it('retries a deadlock a few times, then answers a contended conflict (a 409), never the deadlock itself', async () => {
      const pool = openPool({ connectionString: url, maxConnections: 2 });
      try {
        const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
        let calls = 0;
        expect(await transaction(pool, async () => {
          if (++calls < ATTEMPTS) throw deadlock;
          return 'done';
        })).toBe('done');
        calls = 0;
        const lasting = await transaction(pool, async () => {
          calls++;
          throw deadlock;
        }).catch((e: unknown) => e);
        expect(lasting).toBeInstanceOf(StoreConflict);
        expect(lasting).toMatchObject({ kind: 'contended', message: '数据库正忙：与同时进行的其他修改相互等待，本次未保存任何内容，请稍后重试' });
        expect(calls).toBe(ATTEMPTS);
      } finally {
        await pool.end();
      }
    });

    it('keeps the tables in the schema it is given', async () => {
      const store = open();
      await store.migrate();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
        expect(rows.map((r) => r.table_name)).toContain('submissions');
      } finally {
        await client.end();
      }
    });
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresStore({ connectionString: url, schema: 'x; DROP TABLE users' })).toThrow(/模式名/);
  });
});
