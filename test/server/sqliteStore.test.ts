// The Store contract on SQLite: a fresh database file per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
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

accountStoreContract('SQLite', freshStore);
divisionStoreContract('SQLite', freshStore);
formStoreContract('SQLite', freshStore);
campaignRecordStoreContract('SQLite', freshStore);
householdStoreContract('SQLite', freshStore);
submissionStoreContract('SQLite', freshStore);
submissionReadsStoreContract('SQLite', freshStore);
campaignStoreContract('SQLite', freshStore);
attachmentStoreContract('SQLite', freshStore);
verificationStoreContract('SQLite', freshStore);
deliberationStoreContract('SQLite', freshStore);
applicationStoreContract('SQLite', freshStore);
