// Submissions and their history in PostgreSQL.
import { sql } from 'kysely';
import type pg from 'pg';
import { StoreConflict, type Page, type Paged, type SubmissionFilter, type SubmissionUpdate, type SubmissionWrite } from '../Store';
import type { SubmissionEvent, SubmissionRecord } from '../records';
import type { Db } from './openPool';
import { inSubmissionOrder, submissionFilter } from '../queries/submissionFilter';
import { postgresQueries as q, rows } from './postgresQueries';
import { Params } from './scopeClause';
import { uniqueViolation } from './uniqueViolation';

interface SubmissionRow {
  id: string; form_id: string; form_version: number; campaign_id: string; household_id: string | null; division_code: string;
  head_name: string; head_id_number: string; status: string; review_level: number; data: SubmissionRecord['data'];
  errors: SubmissionRecord['errors']; warnings: SubmissionRecord['warnings']; prefill: SubmissionRecord['prefill']; request_hash: string;
  revision: number; return_comment: string | null; explanations: SubmissionRecord['explanations']; field_notes: SubmissionRecord['fieldNotes'];
  created_by: string; updated_by: string; created_at: string; updated_at: string;
  submitted_at: string | null; approved_at: string | null;
}

function toSubmission(r: SubmissionRow): SubmissionRecord {
  return {
    id: r.id, formId: r.form_id, formVersion: r.form_version, campaignId: r.campaign_id, householdId: r.household_id,
    divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number, status: r.status as SubmissionRecord['status'],
    reviewLevel: r.review_level, data: r.data, errors: r.errors, warnings: r.warnings, prefill: r.prefill, requestHash: r.request_hash,
    revision: r.revision, returnComment: r.return_comment, explanations: r.explanations, fieldNotes: r.field_notes, createdBy: r.created_by, updatedBy: r.updated_by, createdAt: r.created_at,
    updatedAt: r.updated_at, submittedAt: r.submitted_at, approvedAt: r.approved_at,
  };
}

const json = (v: unknown) => JSON.stringify(v);
const same = (v: unknown) => v ?? null;

const FIELDS: [keyof SubmissionRecord, string, (v: unknown) => unknown][] = [
  ['formId', 'form_id', same], ['formVersion', 'form_version', same], ['campaignId', 'campaign_id', same],
  ['householdId', 'household_id', same], ['divisionCode', 'division_code', same], ['headName', 'head_name', same],
  ['headIdNumber', 'head_id_number', same], ['status', 'status', same], ['reviewLevel', 'review_level', same],
  ['data', 'data', json], ['errors', 'errors', json], ['warnings', 'warnings', json],
  ['prefill', 'prefill', (v) => (v === null || v === undefined ? null : json(v))], ['returnComment', 'return_comment', same],
  ['explanations', 'explanations', (v) => json(v ?? {})], ['fieldNotes', 'field_notes', (v) => json(v ?? [])],
  ['updatedBy', 'updated_by', same], ['updatedAt', 'updated_at', same], ['submittedAt', 'submitted_at', same],
  ['approvedAt', 'approved_at', same],
];

async function insertEvent(db: Db, e: Omit<SubmissionEvent, 'id'>): Promise<void> {
  await db.query(`INSERT INTO submission_events (submission_id, at, user_id, username, action, status, level, comment, changes, explanations, field_notes)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  [e.submissionId, e.at, e.userId, e.username, e.action, e.status, e.level, e.comment, json(e.changes),
    e.explanations && Object.keys(e.explanations).length ? json(e.explanations) : null, e.fieldNotes?.length ? json(e.fieldNotes) : null]);
}

/** Within a transaction, with its first event. */
export async function insertSubmission(db: Db, write: SubmissionWrite, uniqueKey: string | null): Promise<void> {
  const r = write.record;
  const params = new Params();
  const columns = ['id', ...FIELDS.map(([, c]) => c), 'request_hash', 'revision', 'created_by', 'created_at', 'unique_key'];
  const values = [r.id, ...FIELDS.map(([k, , to]) => to(r[k])), r.requestHash, r.revision, r.createdBy, r.createdAt, uniqueKey].map((v) => params.add(v));
  // The id is the arbiter, checked before any other key: a retried create is 'exists' (and then
  // replayed) even though its household key is taken too, by itself. A concurrent insert of the
  // same id is waited for, then found.
  let inserted: pg.QueryResult;
  try {
    inserted = await db.query(`INSERT INTO submissions (${columns.join(', ')}) VALUES (${values.join(', ')})
      ON CONFLICT (id) DO NOTHING`, params.values);
  } catch (e) {
    if (uniqueViolation(e) === 'submissions_unique_key_key') throw new StoreConflict('unique', '该户在本活动中已有此表');
    throw e;
  }
  if (inserted.rowCount === 0) throw new StoreConflict('exists', `提交 ${r.id} 已存在`);
  await insertEvent(db, write.event);
}

export async function selectSubmission(db: Db, id: string): Promise<SubmissionRecord | null> {
  const row = (await db.query<SubmissionRow>('SELECT * FROM submissions WHERE id = $1', [id])).rows[0];
  return row ? toSubmission(row) : null;
}

export async function selectSubmissionByKey(db: Db, uniqueKey: string): Promise<SubmissionRecord | null> {
  const row = (await db.query<SubmissionRow>('SELECT * FROM submissions WHERE unique_key = $1', [uniqueKey])).rows[0];
  return row ? toSubmission(row) : null;
}

/**
 * Within a transaction. The revision is checked by the UPDATE itself: a concurrent writer's
 * update is waited for, then the condition is read again on its result, so one of two writers
 * holding the same revision wins and the other gets StoreConflict('revision').
 */
export async function patchSubmission(db: Db, update: SubmissionUpdate): Promise<SubmissionRecord> {
  const params = new Params();
  const sets = FIELDS.filter(([k]) => k in update.patch)
    .map(([k, c, to]) => `${c} = ${params.add(to(update.patch[k as keyof typeof update.patch]))}`)
    .concat('revision = revision + 1');
  const result = await db.query<SubmissionRow>(`UPDATE submissions SET ${sets.join(', ')}
    WHERE id = ${params.add(update.id)} AND revision = ${params.add(update.expectedRevision)} RETURNING *`, params.values);
  const row = result.rows[0];
  if (!row) {
    const current = await selectSubmission(db, update.id);
    if (!current) throw new StoreConflict('exists', `提交 ${update.id} 不存在`);
    throw new StoreConflict('revision', `提交已被修改（当前版本 ${current.revision}），请刷新后重试`);
  }
  await insertEvent(db, update.event);
  return toSubmission(row);
}

/** Reads run in one snapshot (see snapshot()): the total and the page agree. */
export async function selectSubmissions(db: Db, filter: SubmissionFilter, page: Page): Promise<Paged<SubmissionRecord>> {
  const matching = q.db.selectFrom('submissions').where(submissionFilter(q, filter));
  const total = (await rows(db, matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))))[0]!.n;
  const found = await rows(db, matching.selectAll().$call(inSubmissionOrder(filter)).limit(page.pageSize).offset((page.page - 1) * page.pageSize));
  return { items: (found as SubmissionRow[]).map(toSubmission), total, page: page.page, pageSize: page.pageSize };
}

const seq = sql<string>`seq`;

/** One batch after `afterSeq`, in insertion order: keyset paging that never holds a cursor open. */
export async function selectSubmissionBatch(db: Db, filter: SubmissionFilter, afterSeq: string, size: number): Promise<{ seq: string; record: SubmissionRecord }[]> {
  const found = await rows(db, q.db.selectFrom('submissions').selectAll().select(seq.as('seq')).where(submissionFilter(q, filter))
    .where(seq, '>', afterSeq).orderBy(seq).limit(size));
  return (found as (SubmissionRow & { seq: string })[]).map((r) => ({ seq: r.seq, record: toSubmission(r) }));
}

interface EventRow {
  id: string; submission_id: string; at: string; user_id: string; username: string; action: string; status: string; level: number | null;
  comment: string | null; changes: SubmissionEvent['changes']; explanations: SubmissionEvent['explanations'] | null;
  field_notes: SubmissionEvent['fieldNotes'] | null;
}

export async function selectSubmissionEvents(db: Db, submissionId: string): Promise<SubmissionEvent[]> {
  const rows = (await db.query<EventRow>('SELECT * FROM submission_events WHERE submission_id = $1 ORDER BY id', [submissionId])).rows;
  return rows.map((r) => ({
    id: Number(r.id), submissionId: r.submission_id, at: r.at, userId: r.user_id, username: r.username,
    action: r.action as SubmissionEvent['action'], status: r.status as SubmissionEvent['status'], level: r.level, comment: r.comment,
    changes: r.changes, explanations: r.explanations ?? {}, fieldNotes: r.field_notes ?? [],
  }));
}
