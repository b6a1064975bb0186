// Read calls that keep working with no signal: each answer is kept on the phone, and when the
// network is gone the last answer is returned, marked stale with the time it was saved. A copy
// is the signed-in user's who read it: on a phone handed from one officer to another, the next
// one (of another village, say) cannot read the first one's households with no signal.
import { api, OfflineError } from '../api/http';
import { db, type CacheEntry } from './db';
import { phoneUser } from './phoneUser';

export interface Cached<T> {
  data: T;
  /** Set when this is the phone's copy because the server could not be reached. */
  staleSince: string | null;
}

const userId = async () => (await phoneUser())?.id ?? null;

/** Whether the signed-in user may read a kept copy: theirs, or kept before copies had owners. */
const readable = (entry: CacheEntry, user: string | null) => entry.userId === undefined || entry.userId === user;

/** Keeps an answer on the phone under a name of its own (a downloaded village's whole list). */
export async function keepAs(path: string, body: unknown): Promise<void> {
  await (await db()).put('cache', { path, body, savedAt: new Date().toISOString(), userId: await userId() });
}

/** The phone's copy kept under that name, if any the signed-in user may read. */
export async function kept<T>(path: string): Promise<Cached<T> | null> {
  const saved = await (await db()).get('cache', path);
  return saved && readable(saved, await userId()) ? { data: saved.body as T, staleSince: saved.savedAt } : null;
}

/** The copies kept under every name that starts with `prefix`, those the signed-in user may read. */
export async function keptUnder(prefix: string): Promise<CacheEntry[]> {
  const entries = await (await db()).getAll('cache', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  const user = await userId();
  return entries.filter((entry) => readable(entry, user));
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
    void keepAs(path, data).catch(() => {});
    return { data, staleSince: null };
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    const saved = await kept<T>(path);
    if (!saved) throw error;
    return saved;
  }
}
