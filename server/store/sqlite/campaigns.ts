// Campaigns in SQLite: the campaign itself (with the version of each form it serves and what a
// clone left to confirm) and its adoptions of new versions, kept for good. Writes run on the
// writer thread, the only writer: nothing changes a campaign between a read here and its write.
import type Database from 'better-sqlite3';
import { StoreConflict } from '../Store';
import type { Adoption, AdoptionRecord, CampaignFields, CampaignRecord } from '../records';

type Db = Database.Database;

interface CampaignRow {
  id: string; title: string; year: number; description: string; parameters: string; forms: string; status: string;
  divisions: string; created_at: string; revision: number; form_versions: string; unconfirmed: string; approval_steps: string;
}

function toCampaign(r: CampaignRow): CampaignRecord {
  return {
    id: r.id, title: r.title, year: r.year, description: r.description, parameters: JSON.parse(r.parameters),
    forms: JSON.parse(r.forms), status: r.status as CampaignRecord['status'], divisions: JSON.parse(r.divisions), createdAt: r.created_at,
    revision: r.revision, formVersions: JSON.parse(r.form_versions), unconfirmed: JSON.parse(r.unconfirmed),
    approvalSteps: JSON.parse(r.approval_steps),
  };
}

/** The versions the campaign's forms are served in: those named, else each listed form's latest (unpublished: none). */
function servedVersions(db: Db, forms: string[], named: Record<string, number>): Record<string, number> {
  const latest = db.prepare('SELECT latest_version FROM forms WHERE id = ?');
  const out: Record<string, number> = {};
  for (const id of forms) {
    const version = named[id] ?? (latest.get(id) as { latest_version: number | null } | undefined)?.latest_version;
    if (typeof version === 'number') out[id] = version;
  }
  return out;
}

const campaignValues = (c: CampaignFields) =>
  [c.title, c.year, c.description, JSON.stringify(c.parameters), JSON.stringify(c.forms), c.status, JSON.stringify(c.divisions)];

export function insertCampaign(db: Db, c: CampaignFields): void {
  try {
    db.prepare(`INSERT INTO campaigns (title, year, description, parameters, forms, status, divisions, id, created_at, revision, form_versions, unconfirmed,
      approval_steps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`).run(
      ...campaignValues(c), c.id, c.createdAt, JSON.stringify(servedVersions(db, c.forms, c.formVersions ?? {})), JSON.stringify(c.unconfirmed ?? []),
      JSON.stringify(c.approvalSteps ?? {}),
    );
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreConflict('exists', `活动 ${c.id} 已存在`);
    throw e;
  }
}

/** Compare-and-set on the revision (see Store.updateCampaign). */
export function updateCampaign(db: Db, c: CampaignFields, expectedRevision: number): CampaignRecord | null {
  const stored = selectCampaign(db, c.id);
  if (!stored) return null;
  if (stored.revision !== expectedRevision) throw new StoreConflict('revision', `活动 ${c.id} 已被他人修改（当前版本 ${stored.revision}）`);
  const versions = servedVersions(db, c.forms, c.formVersions ?? stored.formVersions);
  db.prepare(`UPDATE campaigns SET title = ?, year = ?, description = ?, parameters = ?, forms = ?, status = ?,
    divisions = ?, form_versions = ?, unconfirmed = ?, approval_steps = ?, revision = revision + 1 WHERE id = ?`).run(
    ...campaignValues(c), JSON.stringify(versions), JSON.stringify(c.unconfirmed ?? stored.unconfirmed), JSON.stringify(c.approvalSteps ?? stored.approvalSteps), c.id,
  );
  return selectCampaign(db, c.id);
}

/** Serves `version` of the form from now on and records the adoption; `expectedRevision` undefined: whatever the revision (a publication). */
export function adoptVersion(db: Db, formId: string, version: number, adoption: Adoption, expectedRevision?: number): CampaignRecord | null {
  const stored = selectCampaign(db, adoption.campaignId);
  if (!stored) return null;
  if (expectedRevision !== undefined && stored.revision !== expectedRevision) {
    throw new StoreConflict('revision', `活动 ${stored.id} 已被他人修改（当前版本 ${stored.revision}）`);
  }
  const versions = { ...stored.formVersions, [formId]: version };
  db.prepare('UPDATE campaigns SET form_versions = ?, revision = revision + 1 WHERE id = ?').run(JSON.stringify(versions), stored.id);
  db.prepare(`INSERT INTO campaign_adoptions (campaign_id, form_id, from_version, to_version, at, user_id, username, move_open)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(stored.id, formId, stored.formVersions[formId] ?? null, version, adoption.at, adoption.userId, adoption.username, adoption.moveOpen ? 1 : 0);
  return selectCampaign(db, stored.id);
}

interface AdoptionRow {
  id: number; campaign_id: string; form_id: string; from_version: number | null; to_version: number; at: string; user_id: string; username: string; move_open: number;
}

export function selectAdoptions(db: Db, campaignId: string): AdoptionRecord[] {
  return (db.prepare('SELECT * FROM campaign_adoptions WHERE campaign_id = ? ORDER BY id').all(campaignId) as AdoptionRow[]).map((r) => ({
    id: r.id, campaignId: r.campaign_id, formId: r.form_id, fromVersion: r.from_version, toVersion: r.to_version, at: r.at,
    userId: r.user_id, username: r.username, moveOpen: r.move_open === 1,
  }));
}

export function selectCampaign(db: Db, id: string): CampaignRecord | null {
  const row = db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  return row ? toCampaign(row) : null;
}

export function selectCampaigns(db: Db): CampaignRecord[] {
  return (db.prepare('SELECT * FROM campaigns ORDER BY year DESC, id').all() as CampaignRow[]).map(toCampaign);
}
