// Exclusive sections for the SQLite store. One server process owns a SQLite file (its writer
// thread is the only writer), so excluding the other holders within this process is excluding
// them all: the waiters of a name form a queue, each running once the one before it settles.
// Keyed by file and name, so two stores opened on one file in one process still exclude each other.
const tails = new Map<string, Promise<unknown>>();

export async function withProcessLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const mine = before.then(work, work);
  const tail = mine.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await mine;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
