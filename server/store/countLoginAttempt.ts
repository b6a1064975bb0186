// The rule of login throttling, shared by both stores (each runs it inside one write that holds the
// rows it reads, so concurrent attempts are counted one after another): an attempt is refused,
// counting nothing, while any of its keys is locked; otherwise it counts one failure on every key
// at once, and a key reaching its limit locks now, before the password is even checked, so that
// attempts sent together cannot all pass the check. A right password later forgets the account's
// failures and takes back the address's one. It must not know what the keys mean.
import type { LoginAttempt, LoginClaim } from './Store';

export interface AttemptRow {
  key: string;
  failures: number;
  /** When the key's current run of failures began (ISO). */
  windowStart: string;
  lockedUntil: string | null;
}

export interface CountedAttempt {
  claim: LoginClaim;
  /** The rows to write (none when the attempt is refused). */
  rows: AttemptRow[];
}

function lockedAt(row: AttemptRow | undefined, limit: number, at: number): boolean {
  return !!row && row.failures >= limit && row.lockedUntil !== null && at < Date.parse(row.lockedUntil);
}

export function countLoginAttempt(found: ReadonlyMap<string, AttemptRow>, attempt: LoginAttempt): CountedAttempt {
  const at = Date.parse(attempt.at);
  const locks = attempt.keys
    .flatMap(({ key, limit }) => {
      const row = found.get(key);
      return lockedAt(row, limit, at) ? [row!.lockedUntil!] : [];
    })
    .sort();
  if (locks.length > 0) return { claim: { admitted: false, lockedUntil: locks[locks.length - 1]! }, rows: [] };
  const rows = attempt.keys.map(({ key, limit }): AttemptRow => {
    const row = found.get(key);
    const fresh = !row || at - Date.parse(row.windowStart) >= attempt.windowMs;
    const failures = (fresh ? 0 : row.failures) + 1;
    const over = failures - limit;
    const lockedUntil = over >= 0
      ? new Date(at + Math.min(attempt.firstLockMs * 2 ** over, attempt.maxLockMs)).toISOString()
      : fresh ? null : row.lockedUntil;
    return { key, failures, windowStart: fresh ? attempt.at : row.windowStart, lockedUntil };
  });
  return { claim: { admitted: true }, rows };
}

/** Rows no attempt would read again as they are: their window is over and no lock holds. */
export function forgettableBefore(attempt: LoginAttempt): string {
  return new Date(Date.parse(attempt.at) - attempt.windowMs).toISOString();
}
