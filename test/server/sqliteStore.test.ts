// The Store contract on SQLite: a fresh database file per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
import { applicationStoreContract } from './applicationStoreContract';
import { attachmentStoreContract } from './attachmentStoreContract';
import { campaignStoreContract } from './campaignStoreContract';
import { storeContract } from './storeContract';
import { verificationStoreContract } from './verificationStoreContract';
import { deliberationStoreContract } from './deliberationStoreContract';

async function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'wnbd-store-'));
  const store = new SqliteStore(join(dir, 'store.sqlite'));
  await store.migrate();
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

storeContract('SQLite', freshStore);
campaignStoreContract('SQLite', freshStore);
attachmentStoreContract('SQLite', freshStore);
verificationStoreContract('SQLite', freshStore);
deliberationStoreContract('SQLite', freshStore);
applicationStoreContract('SQLite', freshStore);
