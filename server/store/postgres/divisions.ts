// The registered divisions' changes in PostgreSQL: registering missing ones (an official import,
// one statement per batch), households counted per division, and an adjustment — new divisions,
// new names, villages merged (households and their submissions moved, each household's history
// told), removals that never take a division holding households — in one transaction, every
// change recorded in division_changes. Same results as the SQLite store.
import type pg from 'pg';
import { DivisionInUse, type DivisionAdjustment, type DivisionAdjustmentResult, type DivisionCount } from '../Store';
import type { DivisionChange, DivisionRecord } from '../records';
import { selectDivision } from './catalog';
import type { Db } from './openPool';
import { Params, scopeClause } from './scopeClause';
import { transaction } from './transaction';

export async function addDivisions(db: Db, divisions: DivisionRecord[]): Promise<number> {
  const unique = [...new Map(divisions.map((d) => [d.code, d])).values()];
  if (unique.length === 0) return 0;
  const result = await db.query(`INSERT INTO divisions (code, name, parent_code)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (code) DO NOTHING`,
  [unique.map((d) => d.code), unique.map((d) => d.name), unique.map((d) => d.parentCode)]);
  return result.rowCount ?? 0;
}

export async function countHouseholds(db: Db, prefixes: string[]): Promise<DivisionCount[]> {
  const params = new Params();
  const scope = scopeClause('division_code', prefixes, params);
  const rows = (await db.query<{ division_code: string; n: number }>(
    `SELECT division_code, COUNT(*)::int AS n FROM households WHERE ${scope} GROUP BY division_code ORDER BY division_code`, params.values)).rows;
  return rows.map((r) => ({ divisionCode: r.division_code, count: r.n }));
}

export async function insertChange(db: Db, c: Omit<DivisionChange, 'id'>): Promise<void> {
  await db.query(`INSERT INTO division_changes (at, user_id, action, code, name, previous_name, target_code, count, note)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [c.at, c.userId, c.action, c.code, c.name, c.previousName, c.targetCode, c.count, c.note]);
}

interface ChangeRow {
  id: string; at: string; user_id: string; action: DivisionChange['action']; code: string; name: string; previous_name: string | null;
  target_code: string | null; count: number | null; note: string | null;
}

export async function selectChanges(db: Db, prefixes: string[]): Promise<DivisionChange[]> {
  const params = new Params();
  const scope = scopeClause('code', prefixes, params);
  const rows = (await db.query<ChangeRow>(`SELECT * FROM division_changes WHERE ${scope} ORDER BY id`, params.values)).rows;
  return rows.map((r) => ({
    id: Number(r.id), at: r.at, userId: r.user_id, action: r.action, code: r.code, name: r.name, previousName: r.previous_name,
    targetCode: r.target_code, count: r.count, note: r.note,
  }));
}

async function holdings(db: Db, code: string): Promise<{ households: number; submissions: number }> {
  const count = async (table: string) => (await db.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM ${table} WHERE division_code >= $1 AND division_code < $2`, [code, `${code}\uffff`])).rows[0]!.n;
  return { households: await count('households'), submissions: await count('submissions') };
}

async function adjust(db: pg.PoolClient, a: DivisionAdjustment): Promise<DivisionAdjustmentResult> {
  const change = { at: a.at, userId: a.userId, previousName: null, targetCode: null, count: null, note: null };
  for (const d of a.upserts) {
    const before = (await db.query<{ name: string; parent_code: string | null }>('SELECT name, parent_code FROM divisions WHERE code = $1 FOR UPDATE', [d.code])).rows[0];
    if (before && before.name === d.name && before.parent_code === d.parentCode) continue;
    await db.query(`INSERT INTO divisions (code, name, parent_code) VALUES ($1, $2, $3)
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code`, [d.code, d.name, d.parentCode]);
    await insertChange(db, { ...change, action: before ? 'rename' : 'add', code: d.code, name: d.name, previousName: before?.name ?? null });
  }
  let households = 0;
  let submissions = 0;
  for (const m of a.merges) {
    const from = await selectDivision(db, m.from);
    if (!from) throw new Error(`行政区划 ${m.from} 未登记`);
    const moved = (await db.query<{ id: string }>(`UPDATE households SET division_code = $1, revision = revision + 1, updated_at = $2
      WHERE division_code = $3 RETURNING id`, [m.into, a.at, m.from])).rows;
    if (moved.length > 0) {
      await db.query(`INSERT INTO household_events (household_id, at, user_id, submission_id, changes)
        SELECT id, $2, $3, NULL, $4::jsonb FROM unnest($1::text[]) AS id`, [moved.map((h) => h.id), a.at, a.userId, JSON.stringify([m.event])]);
    }
    submissions += (await db.query('UPDATE submissions SET division_code = $1 WHERE division_code = $2', [m.into, m.from])).rowCount ?? 0;
    await db.query('DELETE FROM divisions WHERE code = $1', [m.from]);
    await insertChange(db, { ...change, action: 'merge', code: m.from, name: from.name, targetCode: m.into, count: moved.length });
    households += moved.length;
  }
  for (const code of a.removals) {
    const held = await holdings(db, code);
    if (held.households > 0 || held.submissions > 0) throw new DivisionInUse(code, held.households, held.submissions);
    const removed = await selectDivision(db, code);
    if (!removed) continue;
    await db.query('DELETE FROM divisions WHERE code >= $1 AND code < $2', [code, `${code}\uffff`]);
    await insertChange(db, { ...change, action: 'remove', code, name: removed.name });
  }
  return { households, submissions };
}

export function adjustDivisions(pool: pg.Pool, a: DivisionAdjustment): Promise<DivisionAdjustmentResult> {
  return transaction(pool, (db) => adjust(db, a));
}
