// How many failed logins are allowed, and the attempt a login is counted as: one failure against
// the username, whether or not such a user exists (so the lockout tells nothing about which
// usernames exist), and one against the client's address (so guessing across many usernames is
// throttled too). The store applies the rule (countLoginAttempt.ts).
import type { LoginAttempt } from '../store/Store';

export interface LoginLimits {
  /** Failures one username may have before it locks. */
  perAccount: number;
  /** Failures one client address may have, over every username. */
  perAddress: number;
  /** The first lock; each further failure doubles it, up to maxLockSeconds. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** Failures are forgotten this long after the first of a run (once no lock holds). */
  windowMinutes: number;
}

export const defaultLoginLimits: LoginLimits = {
  perAccount: 5,
  perAddress: 30,
  firstLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  windowMinutes: 60,
};

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

export function loginAttempt(username: string, address: string, at: Date, limits: LoginLimits): LoginAttempt {
  return {
    at: at.toISOString(),
    keys: [
      { key: accountKey(username), limit: limits.perAccount },
      { key: addressKey(address), limit: limits.perAddress },
    ],
    firstLockMs: limits.firstLockSeconds * 1000,
    maxLockMs: limits.maxLockSeconds * 1000,
    windowMs: limits.windowMinutes * 60_000,
  };
}
