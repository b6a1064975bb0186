// Users and sessions in PostgreSQL.
import { StoreConflict, type NewUser, type UserPatch } from '../Store';
import type { SessionRecord, UserRecord } from '../records';
import type { Db } from './openPool';
import { uniqueViolation } from './uniqueViolation';

interface UserRow {
  id: string; username: string; display_name: string; role: string; scope: string[]; disabled: boolean;
  password_hash: string; failed_logins: number; locked_until: string | null; created_at: string;
}

function toUser(row: UserRow | undefined): UserRecord | null {
  if (!row) return null;
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as UserRecord['role'],
    scope: row.scope, disabled: row.disabled, passwordHash: row.password_hash,
    failedLogins: row.failed_logins, lockedUntil: row.locked_until, createdAt: row.created_at,
  };
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  try {
    await db.query(`INSERT INTO users (id, username, display_name, role, scope, password_hash, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [user.id, user.username, user.displayName, user.role, JSON.stringify(user.scope), user.passwordHash, user.createdAt]);
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

export async function patchUser(db: Db, id: string, patch: UserPatch): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  if (patch.displayName !== undefined) sets.push(`display_name = ${add(patch.displayName)}`);
  if (patch.role !== undefined) sets.push(`role = ${add(patch.role)}`);
  if (patch.scope !== undefined) sets.push(`scope = ${add(JSON.stringify(patch.scope))}`);
  if (patch.disabled !== undefined) sets.push(`disabled = ${add(patch.disabled)}`);
  if (patch.passwordHash !== undefined) sets.push(`password_hash = ${add(patch.passwordHash)}, failed_logins = 0, locked_until = NULL`);
  if (sets.length === 0) return;
  await db.query(`UPDATE users SET ${sets.join(', ')} WHERE id = ${add(id)}`, params);
}

export async function recordLoginFailure(db: Db, userId: string, lockedUntil: string | null): Promise<void> {
  await db.query('UPDATE users SET failed_logins = failed_logins + 1, locked_until = $1 WHERE id = $2', [lockedUntil, userId]);
}

export async function resetLoginFailures(db: Db, userId: string): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
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
