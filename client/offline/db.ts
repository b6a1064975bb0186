// The phone's own store (IndexedDB): drafts being filled, the last answers of the server's
// read calls (so the app works with no signal), and small facts such as who last signed in.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalDraft } from './LocalDraft';

interface WanNengDB extends DBSchema {
  drafts: { key: string; value: LocalDraft; indexes: { byHousehold: string; byUpdated: string } };
  cache: { key: string; value: { path: string; body: unknown; savedAt: string } };
  meta: { key: string; value: unknown };
}

let opening: Promise<IDBPDatabase<WanNengDB>> | null = null;

export function db(): Promise<IDBPDatabase<WanNengDB>> {
  opening ??= openDB<WanNengDB>('wanneng-biaodan', 1, {
    upgrade(database) {
      const drafts = database.createObjectStore('drafts', { keyPath: 'id' });
      drafts.createIndex('byHousehold', 'householdKey');
      drafts.createIndex('byUpdated', 'updatedAt');
      database.createObjectStore('cache', { keyPath: 'path' });
      database.createObjectStore('meta');
    },
  });
  return opening;
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await (await db()).get('meta', key)) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await (await db()).put('meta', value, key);
}
