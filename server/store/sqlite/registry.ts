// The household registry in SQLite: households with their members in their own table (so a
// member's ID number can be found across households), and the history of registry changes.
import type Database from 'better-sqlite3';
import type { Member } from '@engine';
import {
  inHeadIdOrder, StoreConflict, type HouseholdChange, type HouseholdFilter, type HouseholdInput, type HouseholdWrite, type Page, type Paged,
} from '../Store';
import type { HouseholdEvent, HouseholdRecord } from '../records';
import { householdFilter, inHouseholdOrder } from '../queries/householdFilter';
import { all, get, sqliteQueries as q } from './sqliteQueries';

export interface HouseholdRow {
  id: string; division_code: string; head_name: string; head_id_number: string; phone: string | null; address: string | null;
  kind: string | null; identified_month: string | null; risk_eliminated_month: string | null; risk_elimination_method: string | null;
  main_risk: string | null; removed_members: string; revision: number; created_at: string; updated_at: string;
}

function toHousehold(row: HouseholdRow, members: Member[]): HouseholdRecord {
  const h: HouseholdRecord = {
    id: row.id, divisionCode: row.division_code, headName: row.head_name, headIdNumber: row.head_id_number,
    members, removedMembers: JSON.parse(row.removed_members), revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at,
  };
  const optional = {
    phone: row.phone, address: row.address, kind: row.kind, identifiedMonth: row.identified_month,
    riskEliminatedMonth: row.risk_eliminated_month, riskEliminationMethod: row.risk_elimination_method, mainRisk: row.main_risk,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== null) (h as unknown as Record<string, unknown>)[key] = value;
  return h;
}

function membersOf(db: Database.Database, ids: string[]): Map<string, Member[]> {
  const out = new Map<string, Member[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = db.prepare(`SELECT household_id, attributes FROM household_members
    WHERE household_id IN (${ids.map(() => '?').join(',')}) ORDER BY household_id, position`).all(...ids) as { household_id: string; attributes: string }[];
  for (const row of rows) out.get(row.household_id)!.push(JSON.parse(row.attributes));
  return out;
}

export function withMembers(db: Database.Database, rows: HouseholdRow[]): HouseholdRecord[] {
  const members = membersOf(db, rows.map((r) => r.id));
  return rows.map((r) => toHousehold(r, members.get(r.id)!));
}

export function selectHousehold(db: Database.Database, id: string): HouseholdRecord | null {
  const row = db.prepare('SELECT * FROM households WHERE id = ?').get(id) as HouseholdRow | undefined;
  return row ? withMembers(db, [row])[0]! : null;
}

export function selectHouseholdByHeadId(db: Database.Database, headIdNumber: string): HouseholdRecord | null {
  const row = db.prepare('SELECT * FROM households WHERE head_id_number = ?').get(headIdNumber) as HouseholdRow | undefined;
  return row ? withMembers(db, [row])[0]! : null;
}

export function selectHouseholds(db: Database.Database, filter: HouseholdFilter, page: Page): Paged<HouseholdRecord> {
  const matching = q.db.selectFrom('households as h').where(householdFilter(q, filter));
  const total = get(db, matching.select((eb) => eb.fn.countAll<number>().as('n')))!.n;
  const rows = all(db, matching.selectAll('h').$call(inHouseholdOrder)
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize)) as HouseholdRow[];
  return { items: withMembers(db, rows), total, page: page.page, pageSize: page.pageSize };
}

function writeMembers(db: Database.Database, householdId: string, members: Member[]): void {
  db.prepare('DELETE FROM household_members WHERE household_id = ?').run(householdId);
  const insert = db.prepare('INSERT INTO household_members (household_id, position, name, id_number, attributes) VALUES (?, ?, ?, ?, ?)');
  members.forEach((m, i) => {
    insert.run(householdId, i, String(m.name ?? ''), String(m.idNumber ?? ''), JSON.stringify(m));
  });
}

const COLUMNS = ['division_code', 'head_name', 'head_id_number', 'phone', 'address', 'kind', 'identified_month',
  'risk_eliminated_month', 'risk_elimination_method', 'main_risk', 'removed_members'] as const;

function values(h: HouseholdInput): unknown[] {
  return [h.divisionCode, h.headName, h.headIdNumber, h.phone ?? null, h.address ?? null, h.kind ?? null, h.identifiedMonth ?? null,
    h.riskEliminatedMonth ?? null, h.riskEliminationMethod ?? null, h.mainRisk ?? null,
    JSON.stringify(h.removedMembers ?? [])];
}

/** Inserts or updates one household (matched by id, else by head ID number). */
export function writeHousehold(
  db: Database.Database, h: HouseholdInput, at: string, newId: () => string, expectedRevision?: number | null,
): HouseholdWrite {
  const existing = (h.id
    ? db.prepare('SELECT id, revision FROM households WHERE id = ?').get(h.id)
    : db.prepare('SELECT id, revision FROM households WHERE head_id_number = ?').get(h.headIdNumber)) as { id: string; revision: number } | undefined;
  if (expectedRevision !== undefined && expectedRevision !== null && existing?.revision !== expectedRevision) {
    throw new StoreConflict('revision', '农户信息已被他人修改，请刷新后重试');
  }
  try {
    if (existing) {
      db.prepare(`UPDATE households SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, revision = revision + 1, updated_at = ? WHERE id = ?`)
        .run(...values(h), at, existing.id);
      writeMembers(db, existing.id, h.members);
      return { id: existing.id, created: false };
    }
    const id = h.id ?? newId();
    db.prepare(`INSERT INTO households (id, ${COLUMNS.join(', ')}, revision, created_at, updated_at)
      VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, 1, ?, ?)`).run(id, ...values(h), at, at);
    writeMembers(db, id, h.members);
    return { id, created: true };
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new StoreConflict('unique', `户主证件号码 ${h.headIdNumber} 已属于另一户`);
    }
    throw e;
  }
}

/** Every household of an import, in head ID order (as PostgreSQL must); answered in the order given. */
export function upsertHouseholds(db: Database.Database, households: HouseholdInput[], at: string, newId: () => string): HouseholdWrite[] {
  const written: HouseholdWrite[] = new Array(households.length);
  for (const i of inHeadIdOrder(households)) written[i] = writeHousehold(db, households[i]!, at, newId);
  return written;
}

export function applyHouseholdChange(db: Database.Database, change: HouseholdChange, at: string): void {
  const { id } = writeHousehold(db, change.household, at, () => change.household.id, change.expectedRevision);
  db.prepare('INSERT INTO household_events (household_id, at, user_id, submission_id, changes) VALUES (?, ?, ?, ?, ?)')
    .run(id, change.event.at, change.event.userId, change.event.submissionId, JSON.stringify(change.event.changes));
}

export function selectHouseholdEvents(db: Database.Database, householdId: string): HouseholdEvent[] {
  const rows = db.prepare('SELECT * FROM household_events WHERE household_id = ? ORDER BY id').all(householdId) as
    { id: number; household_id: string; at: string; user_id: string; submission_id: string | null; changes: string }[];
  return rows.map((r) => ({ id: r.id, householdId: r.household_id, at: r.at, userId: r.user_id, submissionId: r.submission_id, changes: JSON.parse(r.changes) }));
}
