// 民主评议 and 公示 records in PostgreSQL. A record's write is one transaction with the events on
// the submissions it concerns, each a compare-and-set on the submission's revision (taken in id
// order), so an approval racing it on another server finds the revision moved (see DeliberationStore).
import type pg from 'pg';
import type { DeliberationRecord } from '@engine';
import { StoreConflict } from '../Store';
import type { DeliberationFilter, DeliberationWrite } from '../DeliberationStore';
import { byId, deliberationWhere, toDeliberation, type DeliberationRow } from '../deliberationRow';
import type { Db } from './openPool';
import { patchSubmission } from './submissions';
import { transaction } from './transaction';
import { uniqueViolation } from './uniqueViolation';

type Row = DeliberationRow & { submission_ids: string[] };

const SELECT = `SELECT d.*, array(SELECT l.submission_id FROM deliberation_links AS l WHERE l.deliberation_id = d.id) AS submission_ids
  FROM deliberations AS d`;

const fromRow = (r: Row) => toDeliberation(r, r.body, r.submission_ids);

export async function selectDeliberation(db: Db, id: string): Promise<DeliberationRecord | null> {
  const row = (await db.query<Row>(`${SELECT} WHERE d.id = $1`, [id])).rows[0];
  return row ? fromRow(row) : null;
}

export async function selectDeliberations(db: Db, filter: DeliberationFilter): Promise<DeliberationRecord[]> {
  const { where, values } = deliberationWhere(filter, (i) => `$${i}`);
  return (await db.query<Row>(`${SELECT} ${where} ORDER BY d.recorded_at, d.id`, values)).rows.map(fromRow);
}

export function saveDeliberation(pool: pg.Pool, write: DeliberationWrite): Promise<DeliberationRecord> {
  const r = write.record;
  return transaction(pool, async (db) => {
    if (write.expectedRevision === null) {
      try {
        await db.query(`INSERT INTO deliberations (id, kind, campaign_id, form_id, step_id, division_code, body, recorded_by, recorded_at, revision)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)`,
        [r.id, r.kind, r.campaignId, r.formId, r.stepId, r.divisionCode, JSON.stringify(r.body), r.recordedBy, r.recordedAt]);
      } catch (e) {
        if (uniqueViolation(e) === 'deliberations_pkey') throw new StoreConflict('exists', `记录 ${r.id} 已存在`);
        throw e;
      }
    } else {
      const changed = (await db.query('UPDATE deliberations SET body = $1, revision = revision + 1 WHERE id = $2 AND revision = $3',
        [JSON.stringify(r.body), r.id, write.expectedRevision])).rowCount;
      if (changed === 0) throw new StoreConflict('revision', `记录 ${r.id} 已被他人修改，请刷新后重试`);
    }
    await db.query('DELETE FROM deliberation_links WHERE deliberation_id = $1', [r.id]);
    const ids = [...new Set(r.submissionIds)];
    if (ids.length) {
      await db.query('INSERT INTO deliberation_links (deliberation_id, submission_id) SELECT $1, unnest($2::text[])', [r.id, ids]);
    }
    for (const touch of byId(write.touches)) {
      await patchSubmission(db, { id: touch.id, expectedRevision: touch.expectedRevision, patch: { updatedAt: touch.event.at }, event: touch.event });
    }
    return (await selectDeliberation(db, r.id))!;
  });
}
