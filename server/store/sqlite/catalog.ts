// Divisions, forms and their published versions in SQLite (a publication with the campaigns that
// adopt it: campaigns.ts).
import type Database from 'better-sqlite3';
import type { FormCase, FormDefinition } from '@engine';
import { StoreConflict, type Publication } from '../Store';
import type { DivisionRecord, FormRecord, FormVersionRecord } from '../records';
import { adoptVersion } from './campaigns';
import { scopeClause } from './scopeClause';

export function upsertDivisions(db: Database.Database, divisions: DivisionRecord[]): void {
  const statement = db.prepare(`INSERT INTO divisions (code, name, parent_code) VALUES (?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code`);
  for (const d of divisions) statement.run(d.code, d.name, d.parentCode);
}

interface DivisionRow { code: string; name: string; parent_code: string | null }
const toDivision = (r: DivisionRow): DivisionRecord => ({ code: r.code, name: r.name, parentCode: r.parent_code });

export function selectDivisions(db: Database.Database, prefixes: string[]): DivisionRecord[] {
  const scope = scopeClause('code', prefixes);
  return (db.prepare(`SELECT * FROM divisions WHERE ${scope.sql} ORDER BY code`).all(...scope.params) as DivisionRow[]).map(toDivision);
}

export function selectDivision(db: Database.Database, code: string): DivisionRecord | null {
  const row = db.prepare('SELECT * FROM divisions WHERE code = ?').get(code) as DivisionRow | undefined;
  return row ? toDivision(row) : null;
}

interface FormRow {
  id: string; title: string; latest_version: number | null; draft: string | null; draft_updated_at: string | null; draft_revision: number; created_at: string;
}

const toForm = (r: FormRow): FormRecord => ({
  id: r.id, title: r.title, latestVersion: r.latest_version, draft: r.draft ? JSON.parse(r.draft) : null,
  draftUpdatedAt: r.draft_updated_at, draftRevision: r.draft_revision, createdAt: r.created_at,
});

export function insertForm(db: Database.Database, form: { id: string; title: string; createdAt: string }): void {
  try {
    db.prepare('INSERT INTO forms (id, title, created_at) VALUES (?, ?, ?)').run(form.id, form.title, form.createdAt);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreConflict('exists', `表单 ${form.id} 已存在`);
    throw e;
  }
}

/** The record's columns only: a form row also holds its test cases, large and read elsewhere. */
const FORM_COLUMNS = 'id, title, latest_version, draft, draft_updated_at, draft_revision, created_at';

export function selectForm(db: Database.Database, id: string): FormRecord | null {
  const row = db.prepare(`SELECT ${FORM_COLUMNS} FROM forms WHERE id = ?`).get(id) as FormRow | undefined;
  return row ? toForm(row) : null;
}

export function selectForms(db: Database.Database): FormRecord[] {
  return (db.prepare(`SELECT ${FORM_COLUMNS} FROM forms ORDER BY id`).all() as FormRow[]).map(toForm);
}

/** Compare-and-set on the draft revision (see Store.saveDraft). */
export function writeDraft(db: Database.Database, formId: string, draft: FormDefinition, at: string, expectedRevision: number): number | null {
  const { changes } = db.prepare(`UPDATE forms SET draft = ?, draft_updated_at = ?, title = ?, draft_revision = draft_revision + 1
    WHERE id = ? AND draft_revision = ?`).run(JSON.stringify(draft), at, draft.title, formId, expectedRevision);
  const row = db.prepare('SELECT draft_revision FROM forms WHERE id = ?').get(formId) as { draft_revision: number } | undefined;
  if (!row) return null;
  if (changes === 0) throw new StoreConflict('revision', `表单 ${formId} 的草稿已被他人修改（当前版本 ${row.draft_revision}）`);
  return row.draft_revision;
}

/** Runs on the writer thread, the only writer: nothing changes the form between the check and the writes. */
export function insertVersion(db: Database.Database, p: Publication): number {
  const form = db.prepare('SELECT latest_version, draft_revision FROM forms WHERE id = ?').get(p.formId) as
    { latest_version: number | null; draft_revision: number } | undefined;
  if (!form) throw new StoreConflict('exists', `表单 ${p.formId} 不存在`);
  if (p.draftRevision !== undefined && form.draft_revision !== p.draftRevision) {
    throw new StoreConflict('revision', `表单 ${p.formId} 的草稿已被他人修改或发布（当前版本 ${form.draft_revision}）`);
  }
  const version = (form.latest_version ?? 0) + 1;
  db.prepare(`INSERT INTO form_versions (form_id, version, definition, published_at, published_by, changes, cases)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(p.formId, version, JSON.stringify(p.definition), p.at, p.by, JSON.stringify(p.changes), p.cases ? JSON.stringify(p.cases) : null);
  if (p.draftRevision === undefined) {
    db.prepare('UPDATE forms SET latest_version = ?, title = ? WHERE id = ?').run(version, p.definition.title, p.formId);
  } else {
    db.prepare(`UPDATE forms SET latest_version = ?, title = ?, draft = NULL, draft_updated_at = NULL, draft_revision = draft_revision + 1
      WHERE id = ?`).run(version, p.definition.title, p.formId);
  }
  for (const adoption of p.adopt ?? []) adoptVersion(db, p.formId, version, adoption);
  return version;
}

interface VersionRow { form_id: string; version: number; definition?: string; published_at: string; published_by: string; changes: string }

export function selectVersion(db: Database.Database, formId: string, version: number): FormVersionRecord | null {
  const row = db.prepare('SELECT * FROM form_versions WHERE form_id = ? AND version = ?').get(formId, version) as VersionRow | undefined;
  if (!row) return null;
  return {
    formId: row.form_id, version: row.version, definition: JSON.parse(row.definition!), publishedAt: row.published_at,
    publishedBy: row.published_by, changes: JSON.parse(row.changes),
  };
}

export function selectVersions(db: Database.Database, formId: string): Omit<FormVersionRecord, 'definition'>[] {
  const rows = db.prepare(`SELECT form_id, version, published_at, published_by, changes FROM form_versions
    WHERE form_id = ? ORDER BY version`).all(formId) as VersionRow[];
  return rows.map((r) => ({ formId: r.form_id, version: r.version, publishedAt: r.published_at, publishedBy: r.published_by, changes: JSON.parse(r.changes) }));
}

export function selectCases(db: Database.Database, formId: string): FormCase[] | null {
  const row = db.prepare('SELECT cases FROM forms WHERE id = ?').get(formId) as { cases: string | null } | undefined;
  return row?.cases ? JSON.parse(row.cases) : null;
}

export function writeCases(db: Database.Database, formId: string, cases: FormCase[]): void {
  db.prepare('UPDATE forms SET cases = ? WHERE id = ?').run(JSON.stringify(cases), formId);
}

export function selectVersionCases(db: Database.Database, formId: string, version: number): FormCase[] | null {
  const row = db.prepare('SELECT cases FROM form_versions WHERE form_id = ? AND version = ?').get(formId, version) as { cases: string | null } | undefined;
  return row?.cases ? JSON.parse(row.cases) : null;
}
