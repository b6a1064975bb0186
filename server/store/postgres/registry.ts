// The household registry in PostgreSQL: households with their members in their own table (so a
// member's ID number can be found across households), and the history of registry changes.
// Members come back with their household in the same statement, so a reader never pairs one
// revision's household with another's members.
import { sql } from 'kysely';
import type { Member } from '@engine';
import {
  inHeadIdOrder, StoreConflict, type HouseholdChange, type HouseholdFilter, type HouseholdInput, type HouseholdWrite, type Page, type Paged,
} from '../Store';
import type { HouseholdEvent, HouseholdRecord } from '../records';
import type { Db } from './openPool';
import { householdFilter, inHouseholdOrder, type HouseholdCondition } from '../queries/householdFilter';
import { postgresQueries as q, rows } from './postgresQueries';
import { uniqueViolation } from './uniqueViolation';

export interface HouseholdRow {
  id: string; division_code: string; head_name: string; head_id_number: string; phone: string | null; address: string | null;
  kind: string | null; identified_month: string | null; risk_eliminated_month: string | null; risk_elimination_method: string | null;
  main_risk: string | null; removed_members: HouseholdRecord['removedMembers']; revision: number; created_at: string; updated_at: string;
  members: Member[];
}

export function toHousehold(row: HouseholdRow): HouseholdRecord {
  const h: HouseholdRecord = {
    id: row.id, divisionCode: row.division_code, headName: row.head_name, headIdNumber: row.head_id_number,
    members: row.members, removedMembers: row.removed_members, revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at,
  };
  const optional = {
    phone: row.phone, address: row.address, kind: row.kind, identifiedMonth: row.identified_month,
    riskEliminatedMonth: row.risk_eliminated_month, riskEliminationMethod: row.risk_elimination_method, mainRisk: row.main_risk,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== null) (h as unknown as Record<string, unknown>)[key] = value;
  return h;
}

/** A household's members, in order, read with it in the same statement. */
const members = sql<Member[]>`(SELECT COALESCE(json_agg(m.attributes ORDER BY m.position), '[]')
  FROM household_members m WHERE m.household_id = h.id)`.as('members');

const withMembers = q.db.selectFrom('households as h').selectAll('h').select(members);

export async function selectHousehold(db: Db, id: string): Promise<HouseholdRecord | null> {
  const row = (await rows(db, withMembers.where('h.id', '=', id)))[0];
  return row ? toHousehold(row as HouseholdRow) : null;
}

export async function selectHouseholdByHeadId(db: Db, headIdNumber: string): Promise<HouseholdRecord | null> {
  const row = (await rows(db, withMembers.where('h.head_id_number', '=', headIdNumber)))[0];
  return row ? toHousehold(row as HouseholdRow) : null;
}

/** Reads run in one snapshot (see snapshot()): the total and the page agree. */
export async function selectHouseholds(db: Db, filter: HouseholdFilter, page: Page): Promise<Paged<HouseholdRecord>> {
  return pageOfHouseholds(db, householdFilter(q, filter), page);
}

/** One page of the households a condition selects, in village and head-name order, with their count and members. */
export async function pageOfHouseholds(db: Db, condition: HouseholdCondition, page: Page): Promise<Paged<HouseholdRecord>> {
  const matching = q.db.selectFrom('households as h').where(condition);
  const total = (await rows(db, matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))))[0]!.n;
  const found = await rows(db, matching.selectAll('h').select(members).$call(inHouseholdOrder).limit(page.pageSize).offset((page.page - 1) * page.pageSize));
  return { items: (found as HouseholdRow[]).map(toHousehold), total, page: page.page, pageSize: page.pageSize };
}

async function writeMembers(db: Db, householdId: string, members: Member[]): Promise<void> {
  await db.query('DELETE FROM household_members WHERE household_id = $1', [householdId]);
  if (members.length === 0) return;
  await db.query(`INSERT INTO household_members (household_id, position, name, id_number, attributes)
    SELECT $1, m.ordinality - 1, m.name, m.id_number, m.attributes
    FROM unnest($2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS m(name, id_number, attributes)`,
  [householdId, members.map((m) => String(m.name ?? '')), members.map((m) => String(m.idNumber ?? '')), members.map((m) => JSON.stringify(m))]);
}

const COLUMNS = ['division_code', 'head_name', 'head_id_number', 'phone', 'address', 'kind', 'identified_month',
  'risk_eliminated_month', 'risk_elimination_method', 'main_risk', 'removed_members'] as const;

function values(h: HouseholdInput): unknown[] {
  return [h.divisionCode, h.headName, h.headIdNumber, h.phone ?? null, h.address ?? null, h.kind ?? null, h.identifiedMonth ?? null,
    h.riskEliminatedMonth ?? null, h.riskEliminationMethod ?? null, h.mainRisk ?? null,
    JSON.stringify(h.removedMembers ?? [])];
}

const placeholders = (from: number) => COLUMNS.map((_, i) => `$${from + i}`).join(', ');

async function lockExisting(db: Db, h: HouseholdInput): Promise<{ id: string; revision: number } | undefined> {
  const [column, key] = h.id ? ['id', h.id] : ['head_id_number', h.headIdNumber];
  return (await db.query<{ id: string; revision: number }>(`SELECT id, revision FROM households WHERE ${column} = $1 FOR UPDATE`, [key])).rows[0];
}

async function update(db: Db, id: string, h: HouseholdInput, at: string): Promise<HouseholdWrite> {
  await db.query(`UPDATE households SET ${COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ')}, revision = revision + 1,
    updated_at = $${COLUMNS.length + 1} WHERE id = $${COLUMNS.length + 2}`, [...values(h), at, id]);
  await writeMembers(db, id, h.members);
  return { id, created: false };
}

/**
 * Inserts or updates one household (matched by id, else by head ID number). Within a
 * transaction: the matched row stays locked until commit. A new head ID number that another
 * instance inserts at the same moment is waited for and then updated, as if it had come first.
 */
export async function writeHousehold(
  db: Db, h: HouseholdInput, at: string, newId: () => string, expectedRevision?: number | null,
): Promise<HouseholdWrite> {
  const existing = await lockExisting(db, h);
  if (expectedRevision !== undefined && expectedRevision !== null && existing?.revision !== expectedRevision) {
    throw new StoreConflict('revision', '农户信息已被他人修改，请刷新后重试');
  }
  try {
    if (existing) return await update(db, existing.id, h, at);
    const id = h.id ?? newId();
    const n = COLUMNS.length;
    const inserted = await db.query(`INSERT INTO households (id, ${COLUMNS.join(', ')}, revision, created_at, updated_at)
      VALUES ($1, ${placeholders(2)}, 1, $${n + 2}, $${n + 2})
      ${h.id ? '' : 'ON CONFLICT (head_id_number) DO NOTHING'}`, [id, ...values(h), at]);
    if (inserted.rowCount === 0) {
      const raced = await lockExisting(db, h);
      if (!raced) throw new StoreConflict('unique', `户主证件号码 ${h.headIdNumber} 正被同时导入，请重试`);
      return await update(db, raced.id, h, at);
    }
    await writeMembers(db, id, h.members);
    return { id, created: true };
  } catch (e) {
    if (uniqueViolation(e) === 'households_head_id_number_key') {
      throw new StoreConflict('unique', `户主证件号码 ${h.headIdNumber} 已属于另一户`);
    }
    throw e;
  }
}

/**
 * Within a transaction: every household of an import, in head ID order, so two imports of the
 * same households lock their rows in the same order (one waits, then finds them made) rather
 * than in opposite orders (a deadlock); answered in the order given.
 */
export async function upsertHouseholds(db: Db, households: HouseholdInput[], at: string, newId: () => string): Promise<HouseholdWrite[]> {
  const written: HouseholdWrite[] = new Array(households.length);
  for (const i of inHeadIdOrder(households)) written[i] = await writeHousehold(db, households[i]!, at, newId);
  return written;
}

export async function applyHouseholdChange(db: Db, change: HouseholdChange, at: string): Promise<void> {
  const { id } = await writeHousehold(db, change.household, at, () => change.household.id, change.expectedRevision);
  await db.query('INSERT INTO household_events (household_id, at, user_id, submission_id, changes) VALUES ($1, $2, $3, $4, $5)',
    [id, change.event.at, change.event.userId, change.event.submissionId, JSON.stringify(change.event.changes)]);
}

interface EventRow { id: string; household_id: string; at: string; user_id: string; submission_id: string | null; changes: string[] }

export async function selectHouseholdEvents(db: Db, householdId: string): Promise<HouseholdEvent[]> {
  const rows = (await db.query<EventRow>('SELECT * FROM household_events WHERE household_id = $1 ORDER BY id', [householdId])).rows;
  return rows.map((r) => ({ id: Number(r.id), householdId: r.household_id, at: r.at, userId: r.user_id, submissionId: r.submission_id, changes: r.changes }));
}
