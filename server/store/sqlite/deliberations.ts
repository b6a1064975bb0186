// 民主评议 and 公示 records in SQLite. A record's write runs on the writer thread, the only writer,
// in one savepoint with the events on the submissions it concerns (see DeliberationStore).
import type Database from 'better-sqlite3';
import type { DeliberationRecord } from '@engine';
import { StoreConflict } from '../Store';
import type { DeliberationFilter, DeliberationWrite } from '../DeliberationStore';
import { byId, deliberationWhere, toDeliberation, type DeliberationRow } from '../deliberationRow';
import { patchSubmission } from './submissions';

type Db = Database.Database;
type Row = DeliberationRow & { submission_ids: string };

const SELECT = `SELECT d.*, (SELECT json_group_array(l.submission_id) FROM deliberation_links AS l WHERE l.deliberation_id = d.id) AS submission_ids
  FROM deliberations AS d`;

const fromRow = (r: Row) => toDeliberation(r, JSON.parse(r.body as string), JSON.parse(r.submission_ids));

export function selectDeliberation(db: Db, id: string): DeliberationRecord | null {
  const row = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

export function selectDeliberations(db: Db, filter: DeliberationFilter): DeliberationRecord[] {
  const { where, values } = deliberationWhere(filter, () => '?');
  return (db.prepare(`${SELECT} ${where} ORDER BY d.recorded_at, d.id`).all(...values) as Row[]).map(fromRow);
}

export function saveDeliberation(db: Db, write: DeliberationWrite): DeliberationRecord {
  const r = write.record;
  if (write.expectedRevision === null) {
    if (db.prepare('SELECT 1 FROM deliberations WHERE id = ?').get(r.id)) throw new StoreConflict('exists', `记录 ${r.id} 已存在`);
    db.prepare(`INSERT INTO deliberations (id, kind, campaign_id, form_id, step_id, division_code, body, recorded_by, recorded_at, revision)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
      .run(r.id, r.kind, r.campaignId, r.formId, r.stepId, r.divisionCode, JSON.stringify(r.body), r.recordedBy, r.recordedAt);
  } else {
    const changed = db.prepare('UPDATE deliberations SET body = ?, revision = revision + 1 WHERE id = ? AND revision = ?')
      .run(JSON.stringify(r.body), r.id, write.expectedRevision).changes;
    if (changed === 0) throw new StoreConflict('revision', `记录 ${r.id} 已被他人修改，请刷新后重试`);
  }
  db.prepare('DELETE FROM deliberation_links WHERE deliberation_id = ?').run(r.id);
  const link = db.prepare('INSERT INTO deliberation_links (deliberation_id, submission_id) VALUES (?, ?)');
  for (const id of new Set(r.submissionIds)) link.run(r.id, id);
  for (const touch of byId(write.touches)) {
    patchSubmission(db, { id: touch.id, expectedRevision: touch.expectedRevision, patch: { updatedAt: touch.event.at }, event: touch.event });
  }
  return selectDeliberation(db, r.id)!;
}
