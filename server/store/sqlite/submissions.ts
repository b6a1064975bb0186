// Submissions and their history in SQLite.
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { StoreConflict, type Page, type Paged, type SubmissionFilter, type SubmissionUpdate, type SubmissionWrite } from '../Store';
import type { SubmissionEvent, SubmissionRecord } from '../records';
import { inSubmissionOrder, submissionFilter } from '../queries/submissionFilter';
import { all, get, sqliteQueries as q } from './sqliteQueries';

interface SubmissionRow {
  id: string; form_id: string; form_version: number; campaign_id: string; household_id: string | null; division_code: string;
  head_name: string; head_id_number: string; status: string; review_level: number; data: string; errors: string; warnings: string;
  prefill: string | null; request_hash: string; revision: number; return_comment: string | null; explanations: string; field_notes: string;
  created_by: string; updated_by: string; created_at: string; updated_at: string; submitted_at: string | null; approved_at: string | null;
}

function toSubmission(r: SubmissionRow): SubmissionRecord {
  return {
    id: r.id, formId: r.form_id, formVersion: r.form_version, campaignId: r.campaign_id, householdId: r.household_id,
    divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number, status: r.status as SubmissionRecord['status'],
    reviewLevel: r.review_level, data: JSON.parse(r.data), errors: JSON.parse(r.errors), warnings: JSON.parse(r.warnings),
    prefill: r.prefill ? JSON.parse(r.prefill) : null, requestHash: r.request_hash, revision: r.revision, returnComment: r.return_comment,
    explanations: JSON.parse(r.explanations), fieldNotes: JSON.parse(r.field_notes), createdBy: r.created_by, updatedBy: r.updated_by, createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
  };
}

const FIELDS: [keyof SubmissionRecord, string, (v: unknown) => unknown][] = [
  ['formId', 'form_id', (v) => v], ['formVersion', 'form_version', (v) => v], ['campaignId', 'campaign_id', (v) => v],
  ['householdId', 'household_id', (v) => v], ['divisionCode', 'division_code', (v) => v], ['headName', 'head_name', (v) => v],
  ['headIdNumber', 'head_id_number', (v) => v], ['status', 'status', (v) => v], ['reviewLevel', 'review_level', (v) => v],
  ['data', 'data', (v) => JSON.stringify(v)], ['errors', 'errors', (v) => JSON.stringify(v)], ['warnings', 'warnings', (v) => JSON.stringify(v)],
  ['prefill', 'prefill', (v) => (v === null ? null : JSON.stringify(v))], ['returnComment', 'return_comment', (v) => v],
  ['explanations', 'explanations', (v) => JSON.stringify(v ?? {})], ['fieldNotes', 'field_notes', (v) => JSON.stringify(v ?? [])],
  ['updatedBy', 'updated_by', (v) => v], ['updatedAt', 'updated_at', (v) => v], ['submittedAt', 'submitted_at', (v) => v],
  ['approvedAt', 'approved_at', (v) => v],
];

function insertEvent(db: Database.Database, e: Omit<SubmissionEvent, 'id'>): void {
  db.prepare(`INSERT INTO submission_events (submission_id, at, user_id, username, action, status, level, comment, changes, explanations, field_notes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(e.submissionId, e.at, e.userId, e.username, e.action, e.status, e.level, e.comment, JSON.stringify(e.changes),
    e.explanations && Object.keys(e.explanations).length ? JSON.stringify(e.explanations) : null, e.fieldNotes?.length ? JSON.stringify(e.fieldNotes) : null);
}

export function insertSubmission(db: Database.Database, write: SubmissionWrite, uniqueKey: string | null): void {
  const r = write.record;
  // Checked first: SQLite tests the household key's index before the primary key's, so a retried
  // create (its household key taken by itself) would otherwise be 'unique', not 'exists'.
  if (db.prepare('SELECT 1 FROM submissions WHERE id = ?').get(r.id)) throw new StoreConflict('exists', `提交 ${r.id} 已存在`);
  try {
    db.prepare(`INSERT INTO submissions (id, ${FIELDS.map(([, c]) => c).join(', ')}, request_hash, revision, created_by, created_at, unique_key)
      VALUES (?, ${FIELDS.map(() => '?').join(', ')}, ?, ?, ?, ?, ?)`)
      .run(r.id, ...FIELDS.map(([k, , to]) => to(r[k])), r.requestHash, r.revision, r.createdBy, r.createdAt, uniqueKey);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreConflict('exists', `提交 ${r.id} 已存在`);
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new StoreConflict('unique', '该户在本活动中已有此表');
    throw e;
  }
  insertEvent(db, write.event);
}

export function selectSubmission(db: Database.Database, id: string): SubmissionRecord | null {
  const row = db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as SubmissionRow | undefined;
  return row ? toSubmission(row) : null;
}

export function selectSubmissionByKey(db: Database.Database, uniqueKey: string): SubmissionRecord | null {
  const row = db.prepare('SELECT * FROM submissions WHERE unique_key = ?').get(uniqueKey) as SubmissionRow | undefined;
  return row ? toSubmission(row) : null;
}

export function patchSubmission(db: Database.Database, update: SubmissionUpdate): SubmissionRecord {
  const entries = FIELDS.filter(([k]) => k in update.patch);
  const result = db.prepare(`UPDATE submissions SET ${entries.map(([, c]) => `${c} = ?`).concat('revision = revision + 1').join(', ')}
    WHERE id = ? AND revision = ?`).run(...entries.map(([k, , to]) => to(update.patch[k as keyof typeof update.patch])), update.id, update.expectedRevision);
  if (result.changes === 0) {
    const current = selectSubmission(db, update.id);
    if (!current) throw new StoreConflict('exists', `提交 ${update.id} 不存在`);
    throw new StoreConflict('revision', `提交已被修改（当前版本 ${current.revision}），请刷新后重试`);
  }
  insertEvent(db, update.event);
  return selectSubmission(db, update.id)!;
}

const rowid = sql<number>`rowid`;

export function selectSubmissions(db: Database.Database, filter: SubmissionFilter, page: Page): Paged<SubmissionRecord> {
  const matching = q.db.selectFrom('submissions').where(submissionFilter(q, filter));
  const total = get(db, matching.select((eb) => eb.fn.countAll<number>().as('n')))!.n;
  // The page's rowids first, sorted and skipped within a covering index (no row, no data read),
  // then only those rows: a deep page or a sort by any column stays fast at 100,000 rows.
  const pick = matching.select(rowid.as('r')).$call(inSubmissionOrder(filter)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const rows = all(db, q.db.selectFrom('submissions').selectAll().where(rowid, 'in', pick).$call(inSubmissionOrder(filter))) as SubmissionRow[];
  return { items: rows.map(toSubmission), total, page: page.page, pageSize: page.pageSize };
}

/** One batch after `afterRowid`, in insertion order: keyset paging that never holds a cursor open. */
export function selectSubmissionBatch(db: Database.Database, filter: SubmissionFilter, afterRowid: number, size: number): { rowid: number; record: SubmissionRecord }[] {
  const rows = all(db, q.db.selectFrom('submissions').select(rowid.as('rowid_')).selectAll().where(submissionFilter(q, filter))
    .where(rowid, '>', afterRowid).orderBy(rowid).limit(size)) as (SubmissionRow & { rowid_: number })[];
  return rows.map((r) => ({ rowid: r.rowid_, record: toSubmission(r) }));
}

export function selectSubmissionEvents(db: Database.Database, submissionId: string): SubmissionEvent[] {
  const rows = db.prepare('SELECT * FROM submission_events WHERE submission_id = ? ORDER BY id').all(submissionId) as
    { id: number; submission_id: string; at: string; user_id: string; username: string; action: string; status: string; level: number | null; comment: string | null; changes: string;
      explanations: string | null; field_notes: string | null }[];
  return rows.map((r) => ({
    id: r.id, submissionId: r.submission_id, at: r.at, userId: r.user_id, username: r.username,
    action: r.action as SubmissionEvent['action'], status: r.status as SubmissionEvent['status'], level: r.level, comment: r.comment,
    changes: JSON.parse(r.changes), explanations: r.explanations ? JSON.parse(r.explanations) : {}, fieldNotes: r.field_notes ? JSON.parse(r.field_notes) : [],
  }));
}
