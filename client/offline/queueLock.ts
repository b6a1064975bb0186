// One sender at a time across every tab of the app on this phone, so two open tabs never send
// the same queued item twice. The browser's Web Locks where it has them (secure origins); on a
// plain-http address, a lease kept in IndexedDB (whose read-write transactions on one store run
// one after another, across tabs), given up when the work ends or, if the tab died, when it expires.
import { db } from './db';

const NAME = 'wanneng-send-queue';
const LEASE_MS = 120_000;
const POLL_MS = 300;
const me = Math.random().toString(36).slice(2);

interface Lease { owner: string; until: number }

async function claim(): Promise<boolean> {
  const tx = (await db()).transaction('meta', 'readwrite');
  const lease = (await tx.store.get(NAME)) as Lease | undefined;
  const now = Date.now();
  const free = !lease || lease.until < now || lease.owner === me;
  if (free) await tx.store.put({ owner: me, until: now + LEASE_MS } satisfies Lease, NAME);
  await tx.done;
  return free;
}

async function release(): Promise<void> {
  const tx = (await db()).transaction('meta', 'readwrite');
  const lease = (await tx.store.get(NAME)) as Lease | undefined;
  if (lease?.owner === me) await tx.store.delete(NAME);
  await tx.done;
}

// Within the tab, the lease is one more lock: calls run one after another.
let inTab: Promise<unknown> = Promise.resolve();

async function withLease<T>(work: () => Promise<T>, wait: boolean): Promise<T | undefined> {
  const run = inTab.then(async () => {
    while (!(await claim())) {
      if (!wait) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    try {
      return await work();
    } finally {
      await release();
    }
  });
  inTab = run.catch(() => undefined);
  return run;
}

/**
 * Runs `work` holding the queue's lock. With `wait: false` (the background sync) it gives up at
 * once, answering undefined, when another tab holds it; with `wait: true` (the officer's own tap)
 * it waits its turn.
 */
export function withQueueLock<T>(work: () => Promise<T>, { wait }: { wait: boolean }): Promise<T | undefined> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return withLease(work, wait);
  return locks.request(NAME, { ifAvailable: !wait }, async (lock) => (lock ? work() : undefined));
}
