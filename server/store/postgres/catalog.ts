// Divisions, forms and their published versions in PostgreSQL (a publication with the campaigns
// that adopt it: campaigns.ts).
import type { FormCase, FormDefinition } from '@engine';
import { StoreConflict, type Publication } from '../Store';
import type { DivisionRecord, FormRecord, FormVersionRecord } from '../records';
import { adoptVersion } from './campaigns';
import type { Db } from './openPool';
import { Params, scopeClause } from './scopeClause';
import { uniqueViolation } from './uniqueViolation';

export async function upsertDivisions(db: Db, divisions: DivisionRecord[]): Promise<void> {
  // One statement for the lot; a code listed twice keeps its last row, as row-by-row upserts would
  // (and one INSERT may not touch a row twice).
  const unique = [...new Map(divisions.map((d) => [d.code, d])).values()];
  if (unique.length === 0) return;
  await db.query(`INSERT INTO divisions (code, name, parent_code)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code`,
  [unique.map((d) => d.code), unique.map((d) => d.name), unique.map((d) => d.parentCode)]);
}

interface DivisionRow { code: string; name: string; parent_code: string | null }
const toDivision = (r: DivisionRow): DivisionRecord => ({ code: r.code, name: r.name, parentCode: r.parent_code });

export async function selectDivisions(db: Db, prefixes: string[]): Promise<DivisionRecord[]> {
  const params = new Params();
  const scope = scopeClause('code', prefixes, params);
  return (await db.query<DivisionRow>(`SELECT * FROM divisions WHERE ${scope} ORDER BY code`, params.values)).rows.map(toDivision);
}

export async function selectDivision(db: Db, code: string): Promise<DivisionRecord | null> {
  const row = (await db.query<DivisionRow>('SELECT * FROM divisions WHERE code = $1', [code])).rows[0];
  return row ? toDivision(row) : null;
}

interface FormRow {
  id: string; title: string; latest_version: number | null; draft: FormDefinition | null; draft_updated_at: string | null; draft_revision: number;
  created_at: string;
}

const toForm = (r: FormRow): FormRecord => ({
  id: r.id, title: r.title, latestVersion: r.latest_version, draft: r.draft, draftUpdatedAt: r.draft_updated_at,
  draftRevision: r.draft_revision, createdAt: r.created_at,
});

export async function insertForm(db: Db, form: { id: string; title: string; createdAt: string }): Promise<void> {
  try {
    await db.query('INSERT INTO forms (id, title, created_at) VALUES ($1, $2, $3)', [form.id, form.title, form.createdAt]);
  } catch (e) {
    if (uniqueViolation(e) === 'forms_pkey') throw new StoreConflict('exists', `表单 ${form.id} 已存在`);
    throw e;
  }
}

/** The record's columns only: a form row also holds its test cases, large and read elsewhere. */
const FORM_COLUMNS = 'id, title, latest_version, draft, draft_updated_at, draft_revision, created_at';

export async function selectForm(db: Db, id: string): Promise<FormRecord | null> {
  const row = (await db.query<FormRow>(`SELECT ${FORM_COLUMNS} FROM forms WHERE id = $1`, [id])).rows[0];
  return row ? toForm(row) : null;
}

export async function selectForms(db: Db): Promise<FormRecord[]> {
  return (await db.query<FormRow>(`SELECT ${FORM_COLUMNS} FROM forms ORDER BY id`)).rows.map(toForm);
}

/** Compare-and-set on the draft revision (see Store.saveDraft): a publication in progress holds the row until it commits. */
export async function writeDraft(db: Db, formId: string, draft: FormDefinition, at: string, expectedRevision: number): Promise<number | null> {
  const saved = (await db.query<{ draft_revision: number }>(`UPDATE forms SET draft = $1, draft_updated_at = $2, title = $3,
    draft_revision = draft_revision + 1 WHERE id = $4 AND draft_revision = $5 RETURNING draft_revision`,
  [JSON.stringify(draft), at, draft.title, formId, expectedRevision])).rows[0];
  if (saved) return saved.draft_revision;
  const row = (await db.query<{ draft_revision: number }>('SELECT draft_revision FROM forms WHERE id = $1', [formId])).rows[0];
  if (!row) return null;
  throw new StoreConflict('revision', `表单 ${formId} 的草稿已被他人修改（当前版本 ${row.draft_revision}）`);
}

/**
 * Within a transaction: the form row is locked before the draft revision is compared, so a
 * concurrent publication or save of the draft waits for this one and then finds the revision
 * changed; two publishers of one draft make one version.
 */
export async function insertVersion(db: Db, p: Publication): Promise<number> {
  const form = (await db.query<{ latest_version: number | null; draft_revision: number }>(
    'SELECT latest_version, draft_revision FROM forms WHERE id = $1 FOR UPDATE', [p.formId])).rows[0];
  if (!form) throw new StoreConflict('exists', `表单 ${p.formId} 不存在`);
  if (p.draftRevision !== undefined && form.draft_revision !== p.draftRevision) {
    throw new StoreConflict('revision', `表单 ${p.formId} 的草稿已被他人修改或发布（当前版本 ${form.draft_revision}）`);
  }
  const version = (form.latest_version ?? 0) + 1;
  await db.query(`INSERT INTO form_versions (form_id, version, definition, published_at, published_by, changes, cases)
    VALUES ($1, $2, $3, $4, $5, $6, $7)`, [p.formId, version, JSON.stringify(p.definition), p.at, p.by, JSON.stringify(p.changes), p.cases ? JSON.stringify(p.cases) : null]);
  if (p.draftRevision === undefined) {
    await db.query('UPDATE forms SET latest_version = $1, title = $2 WHERE id = $3', [version, p.definition.title, p.formId]);
  } else {
    await db.query(`UPDATE forms SET latest_version = $1, title = $2, draft = NULL, draft_updated_at = NULL, draft_revision = draft_revision + 1
      WHERE id = $3`, [version, p.definition.title, p.formId]);
  }
  for (const adoption of p.adopt ?? []) await adoptVersion(db, p.formId, version, adoption);
  return version;
}

interface VersionRow { form_id: string; version: number; definition?: FormDefinition; published_at: string; published_by: string; changes: string[] }

const INTEGER_MAX = 2 ** 31 - 1;

export async function selectVersion(db: Db, formId: string, version: number): Promise<FormVersionRecord | null> {
  // No such version, as SQLite answers; PostgreSQL would refuse the value instead.
  if (!Number.isInteger(version) || Math.abs(version) > INTEGER_MAX) return null;
  const row = (await db.query<VersionRow>('SELECT * FROM form_versions WHERE form_id = $1 AND version = $2', [formId, version])).rows[0];
  if (!row) return null;
  return {
    formId: row.form_id, version: row.version, definition: row.definition!, publishedAt: row.published_at,
    publishedBy: row.published_by, changes: row.changes,
  };
}

export async function selectVersions(db: Db, formId: string): Promise<Omit<FormVersionRecord, 'definition'>[]> {
  const rows = (await db.query<VersionRow>(`SELECT form_id, version, published_at, published_by, changes FROM form_versions
    WHERE form_id = $1 ORDER BY version`, [formId])).rows;
  return rows.map((r) => ({ formId: r.form_id, version: r.version, publishedAt: r.published_at, publishedBy: r.published_by, changes: r.changes }));
}

export async function selectCases(db: Db, formId: string): Promise<FormCase[] | null> {
  const row = (await db.query<{ cases: FormCase[] | null }>('SELECT cases FROM forms WHERE id = $1', [formId])).rows[0];
  return row?.cases ?? null;
}

export async function writeCases(db: Db, formId: string, cases: FormCase[]): Promise<void> {
  await db.query('UPDATE forms SET cases = $1 WHERE id = $2', [JSON.stringify(cases), formId]);
}

export async function selectVersionCases(db: Db, formId: string, version: number): Promise<FormCase[] | null> {
  if (!Number.isInteger(version) || Math.abs(version) > INTEGER_MAX) return null;
  const row = (await db.query<{ cases: FormCase[] | null }>('SELECT cases FROM form_versions WHERE form_id = $1 AND version = $2', [formId, version])).rows[0];
  return row?.cases ?? null;
}
