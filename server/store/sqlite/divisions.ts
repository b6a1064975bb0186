// The registered divisions' changes in SQLite: registering missing ones (an official import),
// households counted per division, and an adjustment — new divisions, new names, villages merged
// (households and their submissions moved, each household's history told), removals that never
// take a division holding households — applied at once, every change recorded in division_changes.
// Runs on the writer thread, inside its transaction: a failure leaves nothing changed.
import type Database from 'better-sqlite3';
import { DivisionInUse, type DivisionAdjustment, type DivisionAdjustmentResult, type DivisionCount } from '../Store';
import type { DivisionChange, DivisionRecord } from '../records';
import { selectDivision } from './catalog';
import { scopeClause } from './scopeClause';

type Db = Database.Database;

export function addDivisions(db: Db, divisions: DivisionRecord[]): number {
  const insert = db.prepare('INSERT INTO divisions (code, name, parent_code) VALUES (?, ?, ?) ON CONFLICT(code) DO NOTHING');
  let added = 0;
  for (const d of divisions) added += insert.run(d.code, d.name, d.parentCode).changes;
  return added;
}

export function countHouseholds(db: Db, prefixes: string[]): DivisionCount[] {
  const scope = scopeClause('division_code', prefixes);
  return (db.prepare(`SELECT division_code, COUNT(*) AS n FROM households WHERE ${scope.sql} GROUP BY division_code ORDER BY division_code`)
    .all(...scope.params) as { division_code: string; n: number }[]).map((r) => ({ divisionCode: r.division_code, count: r.n }));
}

export function insertChange(db: Db, c: Omit<DivisionChange, 'id'>): void {
  db.prepare(`INSERT INTO division_changes (at, user_id, action, code, name, previous_name, target_code, count, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(c.at, c.userId, c.action, c.code, c.name, c.previousName, c.targetCode, c.count, c.note);
}

interface ChangeRow {
  id: number; at: string; user_id: string; action: DivisionChange['action']; code: string; name: string; previous_name: string | null;
  target_code: string | null; count: number | null; note: string | null;
}

export function selectChanges(db: Db, prefixes: string[]): DivisionChange[] {
  const scope = scopeClause('code', prefixes);
  return (db.prepare(`SELECT * FROM division_changes WHERE ${scope.sql} ORDER BY id`).all(...scope.params) as ChangeRow[]).map((r) => ({
    id: r.id, at: r.at, userId: r.user_id, action: r.action, code: r.code, name: r.name, previousName: r.previous_name,
    targetCode: r.target_code, count: r.count, note: r.note,
  }));
}

function holdings(db: Db, code: string): { households: number; submissions: number } {
  const range = [code, `${code}\uffff`];
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE division_code >= ? AND division_code < ?`).get(...range) as { n: number }).n;
  return { households: count('households'), submissions: count('submissions') };
}

export function adjustDivisions(db: Db, a: DivisionAdjustment): DivisionAdjustmentResult {
  const change = { at: a.at, userId: a.userId, previousName: null, targetCode: null, count: null, note: null };
  const upsert = db.prepare(`INSERT INTO divisions (code, name, parent_code) VALUES (?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code`);
  for (const d of a.upserts) {
    const before = selectDivision(db, d.code);
    if (before && before.name === d.name && before.parentCode === d.parentCode) continue;
    upsert.run(d.code, d.name, d.parentCode);
    insertChange(db, { ...change, action: before ? 'rename' : 'add', code: d.code, name: d.name, previousName: before?.name ?? null });
  }
  let households = 0;
  let submissions = 0;
  const event = db.prepare('INSERT INTO household_events (household_id, at, user_id, submission_id, changes) VALUES (?, ?, ?, NULL, ?)');
  for (const m of a.merges) {
    const from = selectDivision(db, m.from);
    if (!from) throw new Error(`行政区划 ${m.from} 未登记`);
    const moved = db.prepare('SELECT id FROM households WHERE division_code = ?').all(m.from) as { id: string }[];
    db.prepare('UPDATE households SET division_code = ?, revision = revision + 1, updated_at = ? WHERE division_code = ?').run(m.into, a.at, m.from);
    for (const h of moved) event.run(h.id, a.at, a.userId, JSON.stringify([m.event]));
    submissions += db.prepare('UPDATE submissions SET division_code = ? WHERE division_code = ?').run(m.into, m.from).changes;
    db.prepare('DELETE FROM divisions WHERE code = ?').run(m.from);
    insertChange(db, { ...change, action: 'merge', code: m.from, name: from.name, targetCode: m.into, count: moved.length });
    households += moved.length;
  }
  for (const code of a.removals) {
    const held = holdings(db, code);
    if (held.households > 0 || held.submissions > 0) throw new DivisionInUse(code, held.households, held.submissions);
    const removed = selectDivision(db, code);
    if (!removed) continue;
    db.prepare('DELETE FROM divisions WHERE code >= ? AND code < ?').run(code, `${code}\uffff`);
    insertChange(db, { ...change, action: 'remove', code, name: removed.name });
  }
  return { households, submissions };
}
