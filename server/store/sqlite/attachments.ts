// Stored files' records and submissions' links to them in SQLite (the bytes: attachmentFiles.ts).
import type Database from 'better-sqlite3';
import type { AttachmentReader, AttachmentRecord } from '../attachmentRecord';
import { scopeClause } from './scopeClause';

interface AttachmentRow {
  reference: string; sha256: string; content_type: string; size: number; uploaded_by: string; uploaded_at: string; captured_at: string | null;
}

const toRecord = (r: AttachmentRow): AttachmentRecord => ({
  reference: r.reference, sha256: r.sha256, contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at,
  capturedAt: r.captured_at,
});

/** Answers whether this call stored the record (false: it was stored already). */
export function insertAttachment(db: Database.Database, a: AttachmentRecord): boolean {
  return db.prepare(`INSERT INTO attachments (reference, sha256, content_type, size, uploaded_by, uploaded_at, captured_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING`)
    .run(a.reference, a.sha256, a.contentType, a.size, a.uploadedBy, a.uploadedAt, a.capturedAt).changes === 1;
}

/** Within the submission's write: links are added, never removed (the history refers to earlier files). */
export function linkAttachments(db: Database.Database, submissionId: string, references: string[] | undefined): void {
  if (!references?.length) return;
  db.prepare(`INSERT INTO submission_attachments (submission_id, reference) SELECT ?, value FROM json_each(?) WHERE true
    ON CONFLICT DO NOTHING`).run(submissionId, JSON.stringify(references));
}

export function selectAttachments(db: Database.Database, references: string[]): AttachmentRecord[] {
  if (references.length === 0) return [];
  const rows = db.prepare('SELECT * FROM attachments WHERE reference IN (SELECT value FROM json_each(?))').all(JSON.stringify(references)) as AttachmentRow[];
  return rows.map(toRecord);
}

export function selectAttachment(db: Database.Database, reference: string): AttachmentRecord | null {
  const row = db.prepare('SELECT * FROM attachments WHERE reference = ?').get(reference) as AttachmentRow | undefined;
  return row ? toRecord(row) : null;
}

export function mayRead(db: Database.Database, reference: string, reader: AttachmentReader): boolean {
  if (db.prepare('SELECT 1 FROM attachments WHERE reference = ? AND uploaded_by = ?').get(reference, reader.userId)) return true;
  const scope = scopeClause('s.division_code', reader.scope);
  return db.prepare(`SELECT 1 FROM submission_attachments AS l JOIN submissions AS s ON s.id = l.submission_id
    WHERE l.reference = ? AND ${scope.sql} LIMIT 1`).get(reference, ...scope.params) !== undefined;
}
