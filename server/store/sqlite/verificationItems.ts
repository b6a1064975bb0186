// Households to verify (重点核查户) in SQLite. Reads compile the shared queries; writes run on the
// writer thread, the only writer, so a read of the item and its update there see no one between.
import type Database from 'better-sqlite3';
import type { Page, Paged } from '../Store';
import { StoreConflict } from '../Store';
import type { VerificationItemsTable } from '../queries/StoreTables';
import { toVerificationItem, verificationByIdQuery, verificationCountQuery, verificationPageQuery } from '../queries/verificationQueries';
import type { ApplicationState } from '../applicationRecord';
import { refuseInReview, type NewVerificationItem, type VerificationCount, type VerificationFilter, type VerificationItemRecord } from '../verificationItem';
import { all, get, sqliteQueries as q } from './sqliteQueries';

type Db = Database.Database;

export function selectItem(db: Db, id: string): VerificationItemRecord | null {
  const row = get(db, verificationByIdQuery(q, id));
  return row ? toVerificationItem(row) : null;
}

export function selectItems(db: Db, filter: VerificationFilter, page: Page): Paged<VerificationItemRecord> {
  const total = countItems(db, filter).reduce((n, c) => n + c.count, 0);
  const items = all(db, verificationPageQuery(q, filter, page)).map(toVerificationItem);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export function countItems(db: Db, filter: VerificationFilter): VerificationCount[] {
  return all(db, verificationCountQuery(q, filter)) as VerificationCount[];
}

/** One open item per application or warning: that one is answered when it exists. */
export function insertItem(db: Db, item: NewVerificationItem): VerificationItemRecord {
  if (item.sourceRef !== null) {
    const open = db.prepare("SELECT * FROM verification_items WHERE source = ? AND source_ref = ? AND state = 'open'").get(item.source, item.sourceRef) as VerificationItemsTable | undefined;
    if (open) return toVerificationItem(open);
  }
  try {
    db.prepare(`INSERT INTO verification_items (id, division_code, household_id, id_number, name, source, source_ref, reason, received_at,
      state, closed_reason, submission_id, created_by, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, NULL, ?, ?, 1)`)
      .run(item.id, item.divisionCode, item.householdId, item.idNumber, item.name, item.source, item.sourceRef, item.reason, item.receivedAt,
        item.createdBy, item.receivedAt);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreConflict('exists', `核查对象 ${item.id} 已存在`);
    throw e;
  }
  return selectItem(db, item.id)!;
}

function openItem(db: Db, id: string, expectedRevision?: number): VerificationItemRecord | null {
  const item = selectItem(db, id);
  if (!item) return null;
  if (expectedRevision !== undefined && item.revision !== expectedRevision) {
    throw new StoreConflict('revision', `核查对象已被他人修改（当前版本 ${item.revision}）`);
  }
  if (item.state !== 'open') throw new StoreConflict('revision', `核查对象已办结（${item.state === 'included' ? '已纳入' : '已关闭'}）`);
  return item;
}

/**
 * The resident's application whose item this is takes the item's state, in the same transaction:
 * its status, and whether a new application of the household is merged into it, follow the visit.
 */
function followApplication(db: Db, item: VerificationItemRecord, state: ApplicationState, reason: string | null, at: string): void {
  if (item.source !== 'application' || item.sourceRef === null) return;
  db.prepare("UPDATE applications SET state = ?, reason = ?, updated_at = ? WHERE id = ? AND verification_item_id = ? AND state IN ('received', 'verifying')")
    .run(state, reason, at, item.sourceRef, item.id);
}

export function closeItem(db: Db, id: string, reason: string, expectedRevision: number, at: string): VerificationItemRecord | null {
  const item = openItem(db, id, expectedRevision);
  if (!item) return null;
  if (item.submissionId !== null) {
    const linked = db.prepare('SELECT status FROM submissions WHERE id = ?').get(item.submissionId) as { status: string } | undefined;
    refuseInReview(linked?.status);
  }
  db.prepare("UPDATE verification_items SET state = 'closed', closed_reason = ?, updated_at = ?, revision = revision + 1 WHERE id = ?").run(reason, at, id);
  followApplication(db, item, 'not_included', reason, at);
  return selectItem(db, id);
}

export function linkItem(db: Db, id: string, submissionId: string, at: string): VerificationItemRecord | null {
  const item = openItem(db, id);
  if (!item) return null;
  if (item.submissionId === submissionId) return item;
  db.prepare('UPDATE verification_items SET submission_id = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(submissionId, at, id);
  followApplication(db, item, 'verifying', null, at);
  return selectItem(db, id);
}

/** Part of the final approval's transaction: the open items linked to the submission become 'included', with their applications. */
export function includeItemsOf(db: Db, submissionId: string, at: string): void {
  const linked = db.prepare("SELECT * FROM verification_items WHERE submission_id = ? AND state = 'open'").all(submissionId) as VerificationItemsTable[];
  for (const item of linked.map(toVerificationItem)) {
    db.prepare("UPDATE verification_items SET state = 'included', updated_at = ?, revision = revision + 1 WHERE id = ?").run(at, item.id);
    followApplication(db, item, 'included', null, at);
  }
}
