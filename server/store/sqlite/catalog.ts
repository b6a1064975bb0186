// Divisions, campaigns, forms and their published versions in SQLite.
import type Database from 'better-sqlite3';
import type { FormCase, FormDefinition } from '../../../engine/index';
import { StoreConflict } from '../Store';
import type { CampaignFields, CampaignRecord, DivisionRecord, FormRecord, FormVersionRecord } from '../records';
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

interface CampaignRow {
  id: string; title: string; year: number; description: string; parameters: string; forms: string; status: string;
  divisions: string; created_at: string; revision: number;
}

function toCampaign(r: CampaignRow): CampaignRecord {
  return {
    id: r.id, title: r.title, year: r.year, description: r.description, parameters: JSON.parse(r.parameters),
    forms: JSON.parse(r.forms), status: r.status as CampaignRecord['status'], divisions: JSON.parse(r.divisions), createdAt: r.created_at,
    revision: r.revision,
  };
}

const campaignValues = (c: CampaignFields) =>
  [c.title, c.year, c.description, JSON.stringify(c.parameters), JSON.stringify(c.forms), c.status, JSON.stringify(c.divisions)];

export function insertCampaign(db: Database.Database, c: CampaignFields): void {
  try {
    db.prepare(`INSERT INTO campaigns (title, year, description, parameters, forms, status, divisions, id, created_at, revision)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`).run(...campaignValues(c), c.id, c.createdAt);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreConflict('exists', `活动 ${c.id} 已存在`);
    throw e;
  }
}

/** Compare-and-set on the revision (see Store.updateCampaign). */
export function updateCampaign(db: Database.Database, c: CampaignFields, expectedRevision: number): CampaignRecord | null {
  const { changes } = db.prepare(`UPDATE campaigns SET title = ?, year = ?, description = ?, parameters = ?, forms = ?, status = ?,
    divisions = ?, revision = revision + 1 WHERE id = ? AND revision = ?`).run(...campaignValues(c), c.id, expectedRevision);
  const stored = selectCampaign(db, c.id);
  if (changes === 0 && stored) throw new StoreConflict('revision', `活动 ${c.id} 已被他人修改（当前版本 ${stored.revision}）`);
  return stored;
}

export function selectCampaign(db: Database.Database, id: string): CampaignRecord | null {
  const row = db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  return row ? toCampaign(row) : null;
}

export function selectCampaigns(db: Database.Database): CampaignRecord[] {
  return (db.prepare('SELECT * FROM campaigns ORDER BY year DESC, id').all() as CampaignRow[]).map(toCampaign);
}

interface FormRow { id: string; title: string; latest_version: number | null; draft: string | null; draft_updated_at: string | null; created_at: string }

const toForm = (r: FormRow): FormRecord => ({
  id: r.id, title: r.title, latestVersion: r.latest_version, draft: r.draft ? JSON.parse(r.draft) : null,
  draftUpdatedAt: r.draft_updated_at, createdAt: r.created_at,
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
const FORM_COLUMNS = 'id, title, latest_version, draft, draft_updated_at, created_at';

export function selectForm(db: Database.Database, id: string): FormRecord | null {
  const row = db.prepare(`SELECT ${FORM_COLUMNS} FROM forms WHERE id = ?`).get(id) as FormRow | undefined;
  return row ? toForm(row) : null;
}

export function selectForms(db: Database.Database): FormRecord[] {
  return (db.prepare(`SELECT ${FORM_COLUMNS} FROM forms ORDER BY id`).all() as FormRow[]).map(toForm);
}

export function writeDraft(db: Database.Database, formId: string, draft: FormDefinition, at: string): void {
  db.prepare('UPDATE forms SET draft = ?, draft_updated_at = ?, title = ? WHERE id = ?').run(JSON.stringify(draft), at, draft.title, formId);
}

export function insertVersion(
  db: Database.Database, formId: string, definition: FormDefinition, by: string, at: string, changes: string[], cases?: FormCase[],
): number {
  const form = db.prepare('SELECT latest_version FROM forms WHERE id = ?').get(formId) as { latest_version: number | null } | undefined;
  if (!form) throw new StoreConflict('exists', `表单 ${formId} 不存在`);
  const version = (form.latest_version ?? 0) + 1;
  db.prepare(`INSERT INTO form_versions (form_id, version, definition, published_at, published_by, changes, cases)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(formId, version, JSON.stringify(definition), at, by, JSON.stringify(changes), cases ? JSON.stringify(cases) : null);
  db.prepare('UPDATE forms SET latest_version = ?, title = ?, draft = NULL, draft_updated_at = NULL WHERE id = ?').run(version, definition.title, formId);
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
