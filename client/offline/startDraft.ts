// A new submission begins on the phone: a client-made UUID, the form version it is filled
// against, the campaign, the household's registry values pre-filled (the fields to verify
// remember them, so a correction shows the old value), and the fields the definition marks as
// the filler's (填表人, 联系电话, 填表日期) filled from who is signed in and today's date, where the
// registry left them empty; `seed` (a household to verify's person and reason) is taken where the
// registry gave nothing. Nothing reaches the server until saved.
import { fillerData, prefillData, type FormData, type Filler } from '@engine';
import type { CampaignSummary, FormVersion, HouseholdDetail } from '../api/types';
import { putDraft } from './drafts';
import { householdKeyOf, type LocalDraft } from './LocalDraft';
import { newId } from './newId';

export async function startDraft(form: FormVersion, campaign: CampaignSummary | null, household: HouseholdDetail | null, divisionCode: string, filler: Filler = {}, seed: FormData = {}): Promise<LocalDraft> {
  const definition = form.definition;
  const prefill: FormData = household ? prefillData(definition, household) : {};
  const properties = (definition.schema.properties ?? {}) as Record<string, unknown>;
  let data: FormData = { ...structuredClone(seed), ...structuredClone(prefill) };
  if (!household && 'divisionCode' in properties) data.divisionCode = divisionCode;
  data = fillerData(definition, data, filler);
  const now = new Date().toISOString();
  const draft: LocalDraft = {
    id: newId(), formId: form.id, formVersion: form.version, formTitle: definition.title, campaignId: campaign?.id ?? null,
    campaign: campaign ? { id: campaign.id, title: campaign.title, year: campaign.year, parameters: campaign.parameters } : null,
    householdId: household?.id ?? null, householdKey: householdKeyOf(household?.id ?? null, divisionCode),
    headName: household?.headName ?? '', divisionCode: household?.divisionCode ?? divisionCode,
    data, prefill, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null,
    pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: now, syncedAt: null,
  };
  await putDraft(draft);
  return draft;
}
