// Stored files in PostgreSQL, so every server on the database serves them: a record per file and
// its bytes as 256 KB bytea chunks, written as they arrive (each its own statement: a slow phone
// holds no transaction open) under the upload's own id, which the upload claims first
// (attachment_uploads); the record naming that upload is inserted last, in the transaction that
// gives the claim up, and an upload that loses the race to another of the same file, or fails,
// removes its chunks. Read back chunk by chunk. Submissions' links to the files they referred to
// live here too.
//
// A server killed mid-upload leaves its claim and chunks that no record names. They are removed
// once nothing has been written to them for `idleMs`, on the database's clock (several servers'
// clocks need not agree): at start, and before the same file is uploaded again. The claim decides
// a race between the cleanup and an upload finishing after a long stall: both delete the claim
// row, one of them finds it, so either the file is recorded whole or its chunks are removed and
// the upload fails (the phone sends it again), never a record without its bytes.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AttachmentPut, AttachmentReader, AttachmentRecord, NewAttachment, OpenedAttachment } from '../attachmentRecord';
import type { Db } from './openPool';
import { Params, scopeClause } from './scopeClause';
import { transaction } from './transaction';

export const CHUNK_BYTES = 256 * 1024;

interface AttachmentRow {
  reference: string; sha256: string; content_type: string; size: string; uploaded_by: string; uploaded_at: string; captured_at: string | null;
  upload_id: string;
}

const toRecord = (r: AttachmentRow): AttachmentRecord => ({
  reference: r.reference, sha256: r.sha256, contentType: r.content_type, size: Number(r.size), uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at,
  capturedAt: r.captured_at,
});

/** The bytes again in pieces of exactly `size` (the last one shorter): at most one piece held. */
async function* inPieces(bytes: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let piece = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of bytes) {
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(size - filled, chunk.length - at);
      piece.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === size) {
        yield piece;
        piece = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield piece.subarray(0, filled);
}

async function selectRow(db: Db, reference: string): Promise<AttachmentRow | null> {
  return (await db.query<AttachmentRow>('SELECT * FROM attachments WHERE reference = $1', [reference])).rows[0] ?? null;
}

export async function putAttachment(pool: pg.Pool, record: NewAttachment, bytes: AsyncIterable<Uint8Array>, idleMs: number): Promise<AttachmentPut> {
  const stored = await selectRow(pool, record.reference);
  if (stored) return { outcome: 'exists', size: Number(stored.size) };
  // The same file sent again: what an earlier upload of it cut short left goes first.
  await removeAbandoned(pool, idleMs, record.reference);
  const uploadId = randomUUID();
  const removeChunks = async () => {
    await pool.query('DELETE FROM attachment_chunks WHERE upload_id = $1', [uploadId]);
    await pool.query('DELETE FROM attachment_uploads WHERE upload_id = $1', [uploadId]);
  };
  await pool.query('INSERT INTO attachment_uploads (upload_id, reference) VALUES ($1, $2)', [uploadId, record.reference]);
  let size = 0;
  try {
    let n = 0;
    for await (const piece of inPieces(bytes, CHUNK_BYTES)) {
      await pool.query('INSERT INTO attachment_chunks (upload_id, n, bytes) VALUES ($1, $2, $3)', [uploadId, n++, Buffer.from(piece.buffer, piece.byteOffset, piece.length)]);
      size += piece.length;
    }
    const inserted = await transaction(pool, async (client) => {
      const claimed = await client.query('DELETE FROM attachment_uploads WHERE upload_id = $1', [uploadId]);
      if (claimed.rowCount !== 1) throw new Error('上传停顿过久，已写入的部分已被清理，请重新上传');
      return (await client.query(`INSERT INTO attachments (reference, sha256, content_type, size, uploaded_by, uploaded_at, captured_at, upload_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (reference) DO NOTHING`,
      [record.reference, record.sha256, record.contentType, size, record.uploadedBy, record.uploadedAt, record.capturedAt, uploadId])).rowCount === 1;
    });
    if (inserted) return { outcome: 'stored', size };
  } catch (error) {
    await removeChunks().catch(() => {});
    throw error;
  }
  await removeChunks();
  return { outcome: 'exists', size };
}

/**
 * Removes the uploads nothing has been written to for `idleMs` that no stored file names (of one
 * reference, or all); answers how many. An upload going on at any server writes a chunk at least
 * every 256 KB, so it is never one of them unless stalled that long (it then fails, see above).
 * Uploads begun before claims were kept (no claim) count by their chunks alone.
 */
export async function removeAbandoned(pool: pg.Pool, idleMs: number, reference?: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`
    WITH stale AS (
      DELETE FROM attachment_uploads AS u
      WHERE ($2::text IS NULL OR u.reference = $2) AND u.started_at < now() - $1 * interval '1 millisecond'
        AND NOT EXISTS (SELECT 1 FROM attachment_chunks AS c WHERE c.upload_id = u.upload_id AND c.written_at >= now() - $1 * interval '1 millisecond')
      RETURNING u.upload_id
    ), unclaimed AS (
      SELECT c.upload_id FROM attachment_chunks AS c
      WHERE $2::text IS NULL
        AND NOT EXISTS (SELECT 1 FROM attachment_uploads AS u WHERE u.upload_id = c.upload_id)
        AND NOT EXISTS (SELECT 1 FROM attachments AS a WHERE a.upload_id = c.upload_id)
      GROUP BY c.upload_id HAVING max(c.written_at) < now() - $1 * interval '1 millisecond'
    ), gone AS (
      DELETE FROM attachment_chunks AS c
      WHERE c.upload_id IN (SELECT upload_id FROM stale UNION SELECT upload_id FROM unclaimed)
      RETURNING c.upload_id
    )
    SELECT count(*)::int AS n FROM (SELECT upload_id FROM stale UNION SELECT upload_id FROM gone) AS removed`, [idleMs, reference ?? null]);
  return rows[0]!.n;
}

export async function selectAttachments(db: Db, references: string[]): Promise<AttachmentRecord[]> {
  if (references.length === 0) return [];
  return (await db.query<AttachmentRow>('SELECT * FROM attachments WHERE reference = ANY($1::text[])', [references])).rows.map(toRecord);
}

async function* chunksOf(pool: pg.Pool, uploadId: string, count: number): AsyncGenerator<Uint8Array> {
  for (let n = 0; n < count; n++) {
    const row = (await pool.query<{ bytes: Buffer }>('SELECT bytes FROM attachment_chunks WHERE upload_id = $1 AND n = $2', [uploadId, n])).rows[0];
    if (!row) throw new Error(`文件的第 ${n + 1} 段缺失（upload ${uploadId}）`);
    yield row.bytes;
  }
}

export async function openAttachment(pool: pg.Pool, reference: string): Promise<OpenedAttachment | null> {
  const row = await selectRow(pool, reference);
  if (!row) return null;
  return { record: toRecord(row), bytes: chunksOf(pool, row.upload_id, Math.ceil(Number(row.size) / CHUNK_BYTES)) };
}

/** Within the submission's write: links are added, never removed (the history refers to earlier files). */
export async function linkAttachments(db: Db, submissionId: string, references: string[] | undefined): Promise<void> {
  if (!references?.length) return;
  await db.query(`INSERT INTO submission_attachments (submission_id, reference) SELECT $1, r FROM unnest($2::text[]) AS r
    ON CONFLICT DO NOTHING`, [submissionId, references]);
}

export async function mayRead(db: Db, reference: string, reader: AttachmentReader): Promise<boolean> {
  const params = new Params();
  const ref = params.add(reference);
  const user = params.add(reader.userId);
  const scope = scopeClause('s.division_code', reader.scope, params);
  const { rowCount } = await db.query(`SELECT 1 FROM attachments WHERE reference = ${ref} AND uploaded_by = ${user}
    UNION ALL (SELECT 1 FROM submission_attachments AS l JOIN submissions AS s ON s.id = l.submission_id WHERE l.reference = ${ref} AND ${scope} LIMIT 1)`,
  params.values);
  return (rowCount ?? 0) > 0;
}
