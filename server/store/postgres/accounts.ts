// Users and sessions in PostgreSQL.
import type pg from 'pg';
import { countLoginAttempt, forgettableBefore } from '../countLoginAttempt';
import { StoreConflict, type LoginAttempt, type LoginClaim, type NewUser, type UserPatch } from '../Store';
import type { SessionRecord, UserRecord } from '../records';
import type { Db } from './openPool';
import { uniqueViolation } from './uniqueViolation';

interface UserRow {
  id: string; username: string; display_name: string; role: string; scope: string[]; disabled: boolean;
  password_hash: string; created_at: string; revision: number; phone: string | null;
}

function toUser(row: UserRow | undefined): UserRecord | null {
  if (!row) return null;
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as UserRecord['role'],
    scope: row.scope, disabled: row.disabled, passwordHash: row.password_hash, createdAt: row.created_at, revision: row.revision,
    ...(row.phone ? { phone: row.phone } : {}),
  };
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  try {
    await db.query(`INSERT INTO users (id, username, display_name, role, scope, password_hash, created_at, phone)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [user.id, user.username, user.displayName, user.role, JSON.stringify(user.scope), user.passwordHash, user.createdAt, user.phone ?? null]);
  } catch (e) {
    if (uniqueViolation(e) === 'users_username_key') throw new StoreConflict('unique', `用户名 ${user.username} 已存在`);
    throw e;
  }
}

export async function selectUser(db: Db, id: string): Promise<UserRecord | null> {
  return toUser((await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0]);
}

export async function selectUserByName(db: Db, username: string): Promise<UserRecord | null> {
  return toUser((await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])).rows[0]);
}

export async function selectUsers(db: Db): Promise<UserRecord[]> {
  return (await db.query<UserRow>('SELECT * FROM users ORDER BY created_at, username')).rows.map((r) => toUser(r)!);
}

/** Compare-and-set on the revision (see Store.updateUser): a concurrent change holds the row until it commits. */
export async function patchUser(db: Db, id: string, patch: UserPatch, expectedRevision: number): Promise<UserRecord | null> {
  const sets: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  if (patch.displayName !== undefined) sets.push(`display_name = ${add(patch.displayName)}`);
  if (patch.phone !== undefined) sets.push(`phone = ${add(patch.phone)}`);
  if (patch.role !== undefined) sets.push(`role = ${add(patch.role)}`);
  if (patch.scope !== undefined) sets.push(`scope = ${add(JSON.stringify(patch.scope))}`);
  if (patch.disabled !== undefined) sets.push(`disabled = ${add(patch.disabled)}`);
  if (patch.passwordHash !== undefined) sets.push(`password_hash = ${add(patch.passwordHash)}`);
  const updated = (await db.query<UserRow>(`UPDATE users SET ${[...sets, 'revision = revision + 1'].join(', ')}
    WHERE id = ${add(id)} AND revision = ${add(expectedRevision)} RETURNING *`, params)).rows[0];
  if (updated) return toUser(updated);
  const stored = await selectUser(db, id);
  if (stored) throw new StoreConflict('revision', `用户 ${stored.username} 已被他人修改（当前版本 ${stored.revision}）`);
  return null;
}

interface AttemptRowSql { key: string; failures: number; window_start: string; locked_until: string | null }

/**
 * In a transaction: the keys' rows are made if missing and locked (in key order, so two attempts
 * never wait on each other in a cycle) before they are read, so concurrent attempts, on this
 * server or another, are counted one after another.
 */
export async function claimLoginAttempt(db: pg.PoolClient, attempt: LoginAttempt): Promise<LoginClaim> {
  const keys = [...new Set(attempt.keys.map((k) => k.key))].sort();
  await db.query(`INSERT INTO login_attempts (key, failures, window_start)
    SELECT key, 0, $2 FROM unnest($1::text[]) AS key ORDER BY key ON CONFLICT (key) DO NOTHING`, [keys, attempt.at]);
  const { rows: found } = await db.query<AttemptRowSql>('SELECT * FROM login_attempts WHERE key = ANY($1) ORDER BY key FOR UPDATE', [keys]);
  const { claim, rows } = countLoginAttempt(
    new Map(found.map((r) => [r.key, { key: r.key, failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until }])),
    attempt,
  );
  for (const row of rows) {
    await db.query('UPDATE login_attempts SET failures = $2, window_start = $3, locked_until = $4 WHERE key = $1',
      [row.key, row.failures, row.windowStart, row.lockedUntil]);
  }
  // Rows whose window is over, skipping those another attempt holds: never a wait, so never a deadlock.
  await db.query(`DELETE FROM login_attempts WHERE key IN (SELECT key FROM login_attempts
    WHERE window_start < $1 AND (locked_until IS NULL OR locked_until <= $2) LIMIT 100 FOR UPDATE SKIP LOCKED)`,
  [forgettableBefore(attempt), attempt.at]);
  return claim;
}

export async function forgetLoginFailures(db: Db, keys: string[]): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE key = ANY($1)', [keys]);
}

export async function refundLoginAttempt(db: Db, keys: string[]): Promise<void> {
  await db.query('UPDATE login_attempts SET failures = GREATEST(failures - 1, 0) WHERE key = ANY($1)', [keys]);
}

interface SessionRow { token_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; expires_at: string }

export async function selectSession(db: Db, tokenHash: string): Promise<SessionRecord | null> {
  const row = (await db.query<SessionRow>('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash])).rows[0];
  if (!row) return null;
  return {
    tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token,
    createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at,
  };
}

export async function insertSession(db: Db, s: SessionRecord): Promise<void> {
  await db.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
    VALUES ($1, $2, $3, $4, $5, $6)`, [s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt]);
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: string): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [lastSeenAt, tokenHash]);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
