// Read calls that keep working with no signal: each answer is kept on the phone, and when the
// network is gone the last answer is returned, marked stale with the time it was saved.
import { api, OfflineError } from '../api/http';
import { db } from './db';

export interface Cached<T> {
  data: T;
  /** Set when this is the phone's copy because the server could not be reached. */
  staleSince: string | null;
}

/** Keeps an answer on the phone under a name of its own (a downloaded village's whole list). */
export async function keepAs(path: string, body: unknown): Promise<void> {
  await (await db()).put('cache', { path, body, savedAt: new Date().toISOString() });
}

/** The phone's copy kept under that name, if any. */
export async function kept<T>(path: string): Promise<Cached<T> | null> {
  const saved = await (await db()).get('cache', path);
  return saved ? { data: saved.body as T, staleSince: saved.savedAt } : null;
}

/**
 * Asks the server and keeps the answer, failing when it cannot be reached: for a download, which
 * must not pass old copies off as fresh ones.
 */
export async function fetchAndKeep<T>(path: string): Promise<T> {
  const data = await api<T>('GET', path);
  await keepAs(path, data);
  return data;
}

export async function cachedGet<T>(path: string): Promise<Cached<T>> {
  try {
    const data = await api<T>('GET', path);
    void db().then((database) => database.put('cache', { path, body: data, savedAt: new Date().toISOString() })).catch(() => {});
    return { data, staleSince: null };
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    const saved = await (await db()).get('cache', path);
    if (!saved) throw error;
    return { data: saved.body as T, staleSince: saved.savedAt };
  }
}
