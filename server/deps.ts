// What the server is built from, made once at start-up (main.ts) or in a test, and passed in:
// no module holds a singleton, so a test builds a whole app on a temporary database in a line.
import { defaultLoginLimits, type LoginLimits } from './auth/loginLimits';
import { defaultApplicationLimits, type ApplicationLimits } from './public/applicationLimits';
import type { SessionPolicy } from './auth/sessions';
import type { FormVersions } from './forms/FormVersions';
import type { Store } from './store/Store';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ServerConfig {
  session: SessionPolicy;
  /** Largest request body accepted, in bytes (larger: 413). */
  maxBodyBytes: number;
  /** Failed logins allowed per username and per client address before they lock. */
  login: LoginLimits;
  /** Residents' applications: proof-of-work difficulty, per-address and per-ID limits, body size. */
  applications: ApplicationLimits;
  /** Behind a reverse proxy (TRUST_PROXY=1): a client's address is the last X-Forwarded-For entry. */
  trustProxy: boolean;
  /** Where the built client is served from (null: API only). */
  clientDir: string | null;
}

export const defaultServerConfig: ServerConfig = {
  session: { idleMinutes: 12 * 60, maxHours: 7 * 24, secureCookie: false },
  maxBodyBytes: 1024 * 1024,
  login: defaultLoginLimits,
  applications: defaultApplicationLimits,
  trustProxy: false,
  clientDir: null,
};

export interface Deps {
  store: Store;
  forms: FormVersions;
  clock: Clock;
  config: ServerConfig;
  log: Logger;
}
