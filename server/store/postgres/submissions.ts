// Submissions and their history in PostgreSQL.
import type pg from 'pg';
import { StoreConflict, type Page, type Paged, type SubmissionFilter, type SubmissionUpdate, type SubmissionWrite } from '../Store';
import type { SubmissionEvent, SubmissionRecord } from '../records';
import type { Db } from './openPool';
import { Params, scopeClause, where } from './scopeClause';
import { uniqueViolation } from './uniqueViolation';

interface SubmissionRow {
  id: string; seq: string; form_id: string; form_version: number; campaign_id: string; household_id: string | null; division_code: string;
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

const SORTS: Record<NonNullable<SubmissionFilter['sort']>, string> = {
  updatedAt: 'updated_at', submittedAt: 'submitted_at', headName: 'head_name', divisionCode: 'division_code', status: 'status',
};

export function filterClause(filter: SubmissionFilter, params: Params): string {
  const conditions = [scopeClause('division_code', filter.scope, params)];
  if (filter.formId) conditions.push(`form_id = ${params.add(filter.formId)}`);
  if (filter.campaignId) conditions.push(`campaign_id = ${params.add(filter.campaignId)}`);
  if (filter.division) conditions.push(scopeClause('division_code', [filter.division], params));
  if (filter.status) conditions.push(`status = ${params.add(filter.status)}`);
  if (filter.reviewLevel !== undefined) conditions.push(`review_level = ${params.add(filter.reviewLevel)}`);
  if (filter.householdId) conditions.push(`household_id = ${params.add(filter.householdId)}`);
  if (filter.createdBy) conditions.push(`created_by = ${params.add(filter.createdBy)}`);
  // SQLite's LIKE: ASCII letters in either case, no escape character.
  if (filter.q) conditions.push(`(head_name ILIKE ${params.add(`%${filter.q}%`)} ESCAPE '' OR head_id_number = ${params.add(filter.q)})`);
  if (filter.from) conditions.push(`COALESCE(submitted_at, updated_at) >= ${params.add(filter.from)}`);
  if (filter.to) conditions.push(`COALESCE(submitted_at, updated_at) < ${params.add(filter.to)}`);
  if (filter.withWarnings) conditions.push(`warnings <> '[]'::jsonb`);
  return where(conditions);
}

/** SQLite puts NULL first in ascending order and last in descending; PostgreSQL is told to do the same. */
export function orderClause(filter: SubmissionFilter): string {
  const column = SORTS[filter.sort ?? 'updatedAt'];
  const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
  const nulls = direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST';
  return `ORDER BY ${column} ${direction} ${nulls}, id ${direction}`;
}

/** Reads run in one snapshot (see snapshot()): the total and the page agree. */
export async function selectSubmissions(db: Db, filter: SubmissionFilter, page: Page): Promise<Paged<SubmissionRecord>> {
  const params = new Params();
  const w = filterClause(filter, params);
  const total = (await db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM submissions ${w}`, params.values)).rows[0]!.n;
  const limit = params.add(page.pageSize);
  const offset = params.add((page.page - 1) * page.pageSize);
  const rows = (await db.query<SubmissionRow>(`SELECT * FROM submissions ${w} ${orderClause(filter)} LIMIT ${limit} OFFSET ${offset}`, params.values)).rows;
  return { items: rows.map(toSubmission), total, page: page.page, pageSize: page.pageSize };
}

/** One batch after `afterSeq`, in insertion order: keyset paging that never holds a cursor open. */
export async function selectSubmissionBatch(db: Db, filter: SubmissionFilter, afterSeq: string, size: number): Promise<{ seq: string; record: SubmissionRecord }[]> {
  const params = new Params();
  const w = filterClause(filter, params);
  const after = `seq > ${params.add(afterSeq)}`;
  const rows = (await db.query<SubmissionRow>(`SELECT * FROM submissions ${w ? `${w} AND ${after}` : `WHERE ${after}`}
    ORDER BY seq LIMIT ${params.add(size)}`, params.values)).rows;
  return rows.map((r) => ({ seq: r.seq, record: toSubmission(r) }));
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
