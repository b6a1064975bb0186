// Campaigns in PostgreSQL: the campaign itself (with the version of each form it serves and what a
// clone left to confirm) and its adoptions of new versions, kept for good. A change reads the
// row FOR UPDATE within its transaction, so two changes of one campaign at once take turns and
// the later one finds the revision moved (compare-and-set) or adopts on top of the earlier.
import { StoreConflict } from '../Store';
import type { Adoption, AdoptionRecord, CampaignFields, CampaignRecord } from '../records';
import type { Db } from './openPool';
import { uniqueViolation } from './uniqueViolation';

interface CampaignRow {
  id: string; title: string; year: number; description: string; parameters: Record<string, unknown>; forms: string[]; status: string;
  divisions: string[]; created_at: string; revision: number; form_versions: Record<string, number>; unconfirmed: string[];
  approval_steps: CampaignRecord['approvalSteps'];
}

const toCampaign = (r: CampaignRow): CampaignRecord => ({
  id: r.id, title: r.title, year: r.year, description: r.description, parameters: r.parameters,
  forms: r.forms, status: r.status as CampaignRecord['status'], divisions: r.divisions, createdAt: r.created_at, revision: r.revision,
  formVersions: r.form_versions, unconfirmed: r.unconfirmed, approvalSteps: r.approval_steps,
});

/** The versions the campaign's forms are served in: those named, else each listed form's latest (unpublished: none). */
async function servedVersions(db: Db, forms: string[], named: Record<string, number>): Promise<Record<string, number>> {
  const { rows } = await db.query<{ id: string; latest_version: number | null }>('SELECT id, latest_version FROM forms WHERE id = ANY($1::text[])', [forms]);
  const latest = new Map(rows.map((r) => [r.id, r.latest_version]));
  const out: Record<string, number> = {};
  for (const id of forms) {
    const version = named[id] ?? latest.get(id);
    if (typeof version === 'number') out[id] = version;
  }
  return out;
}

const campaignValues = (c: CampaignFields) =>
  [c.title, c.year, c.description, JSON.stringify(c.parameters), JSON.stringify(c.forms), c.status, JSON.stringify(c.divisions), c.id];

export async function insertCampaign(db: Db, c: CampaignFields): Promise<void> {
  const versions = await servedVersions(db, c.forms, c.formVersions ?? {});
  try {
    await db.query(`INSERT INTO campaigns (title, year, description, parameters, forms, status, divisions, id, created_at, revision, form_versions, unconfirmed,
      approval_steps) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $12)`,
    [...campaignValues(c), c.createdAt, JSON.stringify(versions), JSON.stringify(c.unconfirmed ?? []), JSON.stringify(c.approvalSteps ?? {})]);
  } catch (e) {
    if (uniqueViolation(e) === 'campaigns_pkey') throw new StoreConflict('exists', `活动 ${c.id} 已存在`);
    throw e;
  }
}

async function lockCampaign(db: Db, id: string): Promise<CampaignRecord | null> {
  const row = (await db.query<CampaignRow>('SELECT * FROM campaigns WHERE id = $1 FOR UPDATE', [id])).rows[0];
  return row ? toCampaign(row) : null;
}

/** Within a transaction: compare-and-set on the revision (see Store.updateCampaign). */
export async function updateCampaign(db: Db, c: CampaignFields, expectedRevision: number): Promise<CampaignRecord | null> {
  const stored = await lockCampaign(db, c.id);
  if (!stored) return null;
  if (stored.revision !== expectedRevision) throw new StoreConflict('revision', `活动 ${c.id} 已被他人修改（当前版本 ${stored.revision}）`);
  const versions = await servedVersions(db, c.forms, c.formVersions ?? stored.formVersions);
  const updated = (await db.query<CampaignRow>(`UPDATE campaigns SET title = $1, year = $2, description = $3, parameters = $4, forms = $5,
    status = $6, divisions = $7, form_versions = $9, unconfirmed = $10, approval_steps = $11, revision = revision + 1 WHERE id = $8 RETURNING *`,
  [...campaignValues(c), JSON.stringify(versions), JSON.stringify(c.unconfirmed ?? stored.unconfirmed), JSON.stringify(c.approvalSteps ?? stored.approvalSteps)])).rows[0]!;
  return toCampaign(updated);
}

/** Within a transaction: serves `version` of the form and records the adoption; `expectedRevision` undefined: whatever the revision (a publication). */
export async function adoptVersion(db: Db, formId: string, version: number, adoption: Adoption, expectedRevision?: number): Promise<CampaignRecord | null> {
  const stored = await lockCampaign(db, adoption.campaignId);
  if (!stored) return null;
  if (expectedRevision !== undefined && stored.revision !== expectedRevision) {
    throw new StoreConflict('revision', `活动 ${stored.id} 已被他人修改（当前版本 ${stored.revision}）`);
  }
  const updated = (await db.query<CampaignRow>(`UPDATE campaigns SET form_versions = form_versions || jsonb_build_object($1::text, $2::integer),
    revision = revision + 1 WHERE id = $3 RETURNING *`, [formId, version, stored.id])).rows[0]!;
  await db.query(`INSERT INTO campaign_adoptions (campaign_id, form_id, from_version, to_version, at, user_id, username, move_open)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
  [stored.id, formId, stored.formVersions[formId] ?? null, version, adoption.at, adoption.userId, adoption.username, adoption.moveOpen]);
  return toCampaign(updated);
}

interface AdoptionRow {
  id: string; campaign_id: string; form_id: string; from_version: number | null; to_version: number; at: string; user_id: string; username: string; move_open: boolean;
}

export async function selectAdoptions(db: Db, campaignId: string): Promise<AdoptionRecord[]> {
  const { rows } = await db.query<AdoptionRow>('SELECT * FROM campaign_adoptions WHERE campaign_id = $1 ORDER BY id', [campaignId]);
  return rows.map((r) => ({
    id: Number(r.id), campaignId: r.campaign_id, formId: r.form_id, fromVersion: r.from_version, toVersion: r.to_version, at: r.at,
    userId: r.user_id, username: r.username, moveOpen: r.move_open,
  }));
}

export async function selectCampaign(db: Db, id: string): Promise<CampaignRecord | null> {
  const row = (await db.query<CampaignRow>('SELECT * FROM campaigns WHERE id = $1', [id])).rows[0];
  return row ? toCampaign(row) : null;
}

export async function selectCampaigns(db: Db): Promise<CampaignRecord[]> {
  return (await db.query<CampaignRow>('SELECT * FROM campaigns ORDER BY year DESC, id')).rows.map(toCampaign);
}
