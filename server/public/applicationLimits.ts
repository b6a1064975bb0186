// The abuse limits of residents' applications (issue 17): the proof-of-work's difficulty and life,
// how many applications one client address and one ID number may send, and how many failed status
// look-ups an address may make. Counted in the store like failed logins (countLoginAttempt.ts),
// so they hold across several servers on one database.
import type { LoginAttempt } from '../store/Store';

export interface ApplicationLimits {
  /** Leading zero bits the proof-of-work needs (16: about 65,000 hashes, a second or two on a phone). */
  difficulty: number;
  /** How long a challenge may be used (once). */
  challengeMinutes: number;
  /** Applications one client address may send in a window (generous: villagers share a mobile carrier's addresses). */
  perAddress: number;
  /** Applications one ID number may send in a window. */
  perIdNumber: number;
  /** Failed status look-ups (wrong receipt or ID number) one address may make in a window. */
  lookupsPerAddress: number;
  windowMinutes: number;
  /** The first lock once a limit is reached; each further try doubles it, up to maxLockSeconds. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** Largest request body of the public routes, in bytes. */
  maxBodyBytes: number;
}

export const defaultApplicationLimits: ApplicationLimits = {
  difficulty: 16,
  challengeMinutes: 30,
  perAddress: 30,
  perIdNumber: 5,
  lookupsPerAddress: 20,
  windowMinutes: 60,
  firstLockSeconds: 10 * 60,
  maxLockSeconds: 24 * 60 * 60,
  maxBodyBytes: 64 * 1024,
};

function attempt(at: Date, keys: { key: string; limit: number }[], limits: ApplicationLimits): LoginAttempt {
  return {
    at: at.toISOString(), keys,
    firstLockMs: limits.firstLockSeconds * 1000, maxLockMs: limits.maxLockSeconds * 1000, windowMs: limits.windowMinutes * 60_000,
  };
}

export const applicationAddressKey = (address: string) => `apply-address:${address}`;
export const lookupAddressKey = (address: string) => `status-address:${address}`;

/** One application, counted against the sender's address and the applicant's ID number in the county. */
export function applicationAttempt(county: string, idNumber: string, address: string, at: Date, limits: ApplicationLimits): LoginAttempt {
  return attempt(at, [
    { key: applicationAddressKey(address), limit: limits.perAddress },
    { key: `apply-id:${county}:${idNumber}`, limit: limits.perIdNumber },
  ], limits);
}

/** One status look-up, counted against the address (a right pair takes it back). */
export function lookupAttempt(address: string, at: Date, limits: ApplicationLimits): LoginAttempt {
  return attempt(at, [{ key: lookupAddressKey(address), limit: limits.lookupsPerAddress }], limits);
}

/** A challenge is spent by its first use: a key that locks at once, for as long as the challenge lives. */
export function spendingAttempt(mac: string, at: Date, limits: ApplicationLimits): LoginAttempt {
  const life = limits.challengeMinutes * 60_000;
  return { at: at.toISOString(), keys: [{ key: `proof:${mac}`, limit: 1 }], firstLockMs: life, maxLockMs: life, windowMs: life };
}
