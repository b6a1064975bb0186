// Users and sessions in SQLite.
import type Database from 'better-sqlite3';
import { countLoginAttempt, forgettableBefore, type AttemptRow } from '../countLoginAttempt';
import { StoreConflict, type LoginAttempt, type LoginClaim, type NewUser, type UserPatch } from '../Store';
import type { SessionRecord, UserRecord } from '../records';

interface UserRow {
  id: string; username: string; display_name: string; role: string; scope: string; disabled: number;
  password_hash: string; created_at: string; revision: number; phone: string | null;
}

function toUser(row: UserRow | undefined): UserRecord | null {
  if (!row) return null;
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as UserRecord['role'],
    scope: JSON.parse(row.scope), disabled: row.disabled === 1, passwordHash: row.password_hash, createdAt: row.created_at,
    revision: row.revision,
    ...(row.phone ? { phone: row.phone } : {}),
  };
}

export function insertUser(db: Database.Database, user: NewUser): void {
  try {
    db.prepare(`INSERT INTO users (id, username, display_name, role, scope, password_hash, created_at, phone)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(user.id, user.username, user.displayName, user.role, JSON.stringify(user.scope), user.passwordHash, user.createdAt, user.phone ?? null);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new StoreConflict('unique', `用户名 ${user.username} 已存在`);
    throw e;
  }
}

export function selectUser(db: Database.Database, id: string): UserRecord | null {
  return toUser(db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined);
}

export function selectUserByName(db: Database.Database, username: string): UserRecord | null {
  return toUser(db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined);
}

export function selectUsers(db: Database.Database): UserRecord[] {
  return (db.prepare('SELECT * FROM users ORDER BY created_at, username').all() as UserRow[]).map((r) => toUser(r)!);
}

/** Compare-and-set on the revision (see Store.updateUser). */
export function patchUser(db: Database.Database, id: string, patch: UserPatch, expectedRevision: number): UserRecord | null {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (patch.displayName !== undefined) { sets.push('display_name = ?'); params.push(patch.displayName); }
  if (patch.phone !== undefined) { sets.push('phone = ?'); params.push(patch.phone); }
  if (patch.role !== undefined) { sets.push('role = ?'); params.push(patch.role); }
  if (patch.scope !== undefined) { sets.push('scope = ?'); params.push(JSON.stringify(patch.scope)); }
  if (patch.disabled !== undefined) { sets.push('disabled = ?'); params.push(patch.disabled ? 1 : 0); }
  if (patch.passwordHash !== undefined) { sets.push('password_hash = ?'); params.push(patch.passwordHash); }
  const { changes } = db.prepare(`UPDATE users SET ${[...sets, 'revision = revision + 1'].join(', ')} WHERE id = ? AND revision = ?`)
    .run(...params, id, expectedRevision);
  const stored = selectUser(db, id);
  if (changes === 0 && stored) throw new StoreConflict('revision', `用户 ${stored.username} 已被他人修改（当前版本 ${stored.revision}）`);
  return stored;
}

interface SessionRow { token_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; expires_at: string }

export function selectSession(db: Database.Database, tokenHash: string): SessionRecord | null {
  const row = db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
  if (!row) return null;
  return {
    tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token,
    createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at,
  };
}

export function insertSession(db: Database.Database, s: SessionRecord): void {
  db.prepare(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt);
}

interface AttemptRowSql { key: string; failures: number; window_start: string; locked_until: string | null }

/** Runs on the writer thread, the only writer: the read and the write below cannot interleave with another attempt's. */
export function claimLoginAttempt(db: Database.Database, attempt: LoginAttempt): LoginClaim {
  const found = new Map<string, AttemptRow>();
  for (const { key } of attempt.keys) {
    const row = db.prepare('SELECT * FROM login_attempts WHERE key = ?').get(key) as AttemptRowSql | undefined;
    if (row) found.set(key, { key, failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until });
  }
  const { claim, rows } = countLoginAttempt(found, attempt);
  for (const row of rows) {
    db.prepare(`INSERT INTO login_attempts (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until`)
      .run(row.key, row.failures, row.windowStart, row.lockedUntil);
  }
  db.prepare('DELETE FROM login_attempts WHERE window_start < ? AND (locked_until IS NULL OR locked_until <= ?)')
    .run(forgettableBefore(attempt), attempt.at);
  return claim;
}

export function forgetLoginFailures(db: Database.Database, keys: string[]): void {
  for (const key of keys) db.prepare('DELETE FROM login_attempts WHERE key = ?').run(key);
}

export function refundLoginAttempt(db: Database.Database, keys: string[]): void {
  for (const key of keys) db.prepare('UPDATE login_attempts SET failures = MAX(failures - 1, 0) WHERE key = ?').run(key);
}

export function touchSession(db: Database.Database, tokenHash: string, lastSeenAt: string): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(lastSeenAt, tokenHash);
}

export function deleteSession(db: Database.Database, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteSessionsOfUser(db: Database.Database, userId: string): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}
