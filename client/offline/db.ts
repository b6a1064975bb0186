// The phone's own store (IndexedDB): drafts being filled, the last answers of the server's
// read calls (so the app works with no signal), small facts such as who last signed in, and the
// drafts' photos and signatures (files.ts) until the server has them.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalFile } from './files';
import type { LocalDraft } from './LocalDraft';

/** A read call's last answer; `userId`: who read it (absent in copies kept before copies had owners). */
export interface CacheEntry {
  path: string;
  body: unknown;
  savedAt: string;
  userId?: string | null;
}

interface WanNengDB extends DBSchema {
  drafts: { key: string; value: LocalDraft; indexes: { byHousehold: string; byUpdated: string } };
  cache: { key: string; value: CacheEntry };
  meta: { key: string; value: unknown };
  files: { key: string; value: LocalFile };
}

let opening: Promise<IDBPDatabase<WanNengDB>> | null = null;

export function db(): Promise<IDBPDatabase<WanNengDB>> {
  opening ??= openDB<WanNengDB>('wanneng-biaodan', 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const drafts = database.createObjectStore('drafts', { keyPath: 'id' });
        drafts.createIndex('byHousehold', 'householdKey');
        drafts.createIndex('byUpdated', 'updatedAt');
        database.createObjectStore('cache', { keyPath: 'path' });
        database.createObjectStore('meta');
      }
      // Version 2 (issue 16): files by reference, beside the drafts that refer to them.
      if (oldVersion < 2) database.createObjectStore('files', { keyPath: 'reference' });
    },
  });
  return opening;
}

/** Closes the connection; the next call opens it again (as an app started afresh does). */
export async function closeDb(): Promise<void> {
  const open = opening;
  opening = null;
  if (open) (await open).close();
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await (await db()).get('meta', key)) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await (await db()).put('meta', value, key);
}
