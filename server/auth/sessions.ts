// Sessions kept in the database, never in memory: a random 256-bit token in an HttpOnly,
// SameSite=Lax cookie (only its SHA-256 is stored), a CSRF token the client echoes in a header
// on every state-changing request, idle and absolute timeouts, a new session at each login.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../deps';
import type { SessionRecord, UserRecord } from '../store/records';
import type { Store } from '../store/Store';

export const SESSION_COOKIE = 'wnbd_session';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
  secureCookie: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(c: Context, store: Store, user: UserRecord, clock: Clock, policy: SessionPolicy): Promise<SessionRecord> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const session: SessionRecord = {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000).toISOString(),
  };
  await store.createSession(session);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', secure: policy.secureCookie, path: '/', maxAge: policy.maxHours * 3600,
  });
  return session;
}

export interface ActiveSession {
  session: SessionRecord;
  user: UserRecord;
}

/** The request's session and user, or null when there is none, it timed out or the user is disabled. */
export async function currentSession(c: Context, store: Store, clock: Clock, policy: SessionPolicy): Promise<ActiveSession | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await store.findSession(tokenHash);
  if (!session) return null;
  const now = clock.now();
  const idleLimit = new Date(session.lastSeenAt).getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() > idleLimit || now.toISOString() > session.expiresAt) {
    await store.deleteSession(tokenHash);
    return null;
  }
  const user = await store.getUser(session.userId);
  if (!user || user.disabled) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    await store.touchSession(tokenHash, now.toISOString());
  }
  return { session, user };
}

export async function endSession(c: Context, store: Store): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await store.deleteSession(hashToken(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
