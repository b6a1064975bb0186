// Households to verify (重点核查户) in PostgreSQL. Reads compile the shared queries; a change locks
// the item (FOR UPDATE) within its transaction, so two closes of one item take turns and the
// later finds the revision moved.
import type pg from 'pg';
import type { Page, Paged } from '../Store';
import { StoreConflict } from '../Store';
import type { VerificationItemsTable } from '../queries/StoreTables';
import { toVerificationItem, verificationByIdQuery, verificationCountQuery, verificationPageQuery } from '../queries/verificationQueries';
import type { ApplicationState } from '../applicationRecord';
import { refuseInReview, type NewVerificationItem, type VerificationCount, type VerificationFilter, type VerificationItemRecord } from '../verificationItem';
import type { Db } from './openPool';
import { postgresQueries as q, rows } from './postgresQueries';
import { snapshot, transaction } from './transaction';
import { uniqueViolation } from './uniqueViolation';

export async function selectItem(db: Db, id: string): Promise<VerificationItemRecord | null> {
  const row = (await rows(db, verificationByIdQuery(q, id)))[0];
  return row ? toVerificationItem(row) : null;
}

export async function countItems(db: Db, filter: VerificationFilter): Promise<VerificationCount[]> {
  return (await rows(db, verificationCountQuery(q, filter))) as VerificationCount[];
}

export function selectItems(pool: pg.Pool, filter: VerificationFilter, page: Page): Promise<Paged<VerificationItemRecord>> {
  return snapshot(pool, async (db) => {
    const total = (await countItems(db, filter)).reduce((n, c) => n + c.count, 0);
    const items = (await rows(db, verificationPageQuery(q, filter, page))).map(toVerificationItem);
    return { items, total, page: page.page, pageSize: page.pageSize };
  });
}

async function openSource(db: Db, item: NewVerificationItem): Promise<VerificationItemRecord | null> {
  const { rows: found } = await db.query<VerificationItemsTable>(
    "SELECT * FROM verification_items WHERE source = $1 AND source_ref = $2 AND state = 'open'", [item.source, item.sourceRef]);
  return found[0] ? toVerificationItem(found[0]) : null;
}

/** One open item per application or warning: that one is answered when it exists (or wins the race). */
export async function insertItem(pool: pg.Pool, item: NewVerificationItem): Promise<VerificationItemRecord> {
  if (item.sourceRef !== null) {
    const open = await openSource(pool, item);
    if (open) return open;
  }
  try {
    await pool.query(`INSERT INTO verification_items (id, division_code, household_id, id_number, name, source, source_ref, reason, received_at,
      state, closed_reason, submission_id, created_by, updated_at, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', NULL, NULL, $10, $9, 1)`,
    [item.id, item.divisionCode, item.householdId, item.idNumber, item.name, item.source, item.sourceRef, item.reason, item.receivedAt, item.createdBy]);
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === 'verification_items_open_source') {
      const open = await openSource(pool, item);
      if (open) return open;
    }
    if (constraint === 'verification_items_pkey') throw new StoreConflict('exists', `核查对象 ${item.id} 已存在`);
    throw e;
  }
  return (await selectItem(pool, item.id))!;
}

async function lockOpen(db: Db, id: string, expectedRevision?: number): Promise<VerificationItemRecord | null> {
  const row = (await db.query<VerificationItemsTable>('SELECT * FROM verification_items WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (!row) return null;
  const item = toVerificationItem(row);
  if (expectedRevision !== undefined && item.revision !== expectedRevision) {
    throw new StoreConflict('revision', `核查对象已被他人修改（当前版本 ${item.revision}）`);
  }
  if (item.state !== 'open') throw new StoreConflict('revision', `核查对象已办结（${item.state === 'included' ? '已纳入' : '已关闭'}）`);
  return item;
}

const updated = async (db: Db, text: string, values: unknown[]) =>
  toVerificationItem((await db.query<VerificationItemsTable>(`${text} RETURNING *`, values)).rows[0]!);

/**
 * The resident's application whose item this is takes the item's state, in the same transaction:
 * its status, and whether a new application of the household is merged into it, follow the visit.
 */
async function followApplication(db: Db, item: VerificationItemRecord, state: ApplicationState, reason: string | null, at: string): Promise<void> {
  if (item.source !== 'application' || item.sourceRef === null) return;
  await db.query("UPDATE applications SET state = $1, reason = $2, updated_at = $3 WHERE id = $4 AND verification_item_id = $5 AND state IN ('received', 'verifying')",
    [state, reason, at, item.sourceRef, item.id]);
}

/**
 * The status of the submission linked to item `id`, its row locked first (as an approval locks it
 * before the items), so a review deciding it waits for the close or the close sees its decision.
 */
async function linkedStatus(db: Db, id: string): Promise<{ submissionId: string; status: string } | null> {
  const { rows } = await db.query<{ id: string; status: string }>(
    'SELECT id, status FROM submissions WHERE id = (SELECT submission_id FROM verification_items WHERE id = $1) FOR SHARE', [id]);
  return rows[0] ? { submissionId: rows[0].id, status: rows[0].status } : null;
}

export function closeItem(pool: pg.Pool, id: string, reason: string, expectedRevision: number, at: string): Promise<VerificationItemRecord | null> {
  return transaction(pool, async (db) => {
    let linked = await linkedStatus(db, id);
    const item = await lockOpen(db, id, expectedRevision);
    if (!item) return null;
    if (item.submissionId !== (linked?.submissionId ?? null)) linked = await linkedStatus(db, id);
    refuseInReview(linked?.status);
    const closed = await updated(db, "UPDATE verification_items SET state = 'closed', closed_reason = $2, updated_at = $3, revision = revision + 1 WHERE id = $1", [id, reason, at]);
    await followApplication(db, item, 'not_included', reason, at);
    return closed;
  });
}

export function linkItem(pool: pg.Pool, id: string, submissionId: string, at: string): Promise<VerificationItemRecord | null> {
  return transaction(pool, async (db) => {
    const item = await lockOpen(db, id);
    if (!item) return null;
    if (item.submissionId === submissionId) return item;
    const linked = await updated(db, 'UPDATE verification_items SET submission_id = $2, updated_at = $3, revision = revision + 1 WHERE id = $1', [id, submissionId, at]);
    await followApplication(db, item, 'verifying', null, at);
    return linked;
  });
}

/** Part of the final approval's transaction: the open items linked to the submission become 'included', with their applications. */
export async function includeItemsOf(db: Db, submissionId: string, at: string): Promise<void> {
  const { rows: linked } = await db.query<VerificationItemsTable>(
    "UPDATE verification_items SET state = 'included', updated_at = $2, revision = revision + 1 WHERE submission_id = $1 AND state = 'open' RETURNING *", [submissionId, at]);
  for (const item of linked.map(toVerificationItem)) await followApplication(db, item, 'included', null, at);
}
