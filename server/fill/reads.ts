// The answers of the reads a fill page needs, as their own routes give them (GET
// /api/submissions/:id, /api/forms/:id/versions/:n, /api/campaigns, /api/households/:id): shared
// by those routes and by GET /api/fill, which gives them all in one answer.
import type { CampaignList, FormVersion, HouseholdDetail, SubmissionDetail } from '@engine/contract';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { notFound } from '../problem';
import type { FormVersionRecord, UserRecord } from '../store/records';
import { visibleHousehold, visibleSubmission } from '../submissions/access';
import { presentDetail, STATUS_LABELS } from '../submissions/present';

export async function submissionDetail(deps: Deps, user: UserRecord, id: string): Promise<SubmissionDetail> {
  const record = await visibleSubmission(deps, user, id);
  const [history, loaded, campaign] = await Promise.all([
    deps.store.listSubmissionEvents(record.id), deps.forms.get(record.formId, record.formVersion), deps.store.getCampaign(record.campaignId),
  ]);
  return presentDetail(record, loaded!.record.definition, history, campaign);
}

/** A published version as GET /api/forms/:id/versions/:n answers it (and GET /api/forms/:id, with its campaigns). */
export function presentFormVersion(r: FormVersionRecord): FormVersion {
  return { id: r.formId, title: r.definition.title, version: r.version, definition: r.definition, publishedAt: r.publishedAt, changes: r.changes };
}

export async function formVersionAnswer(deps: Deps, id: string, version: number): Promise<FormVersion> {
  const loaded = await deps.forms.get(id, version);
  if (!loaded) throw notFound(`表单 ${id} 的第 ${version} 版`);
  return presentFormVersion(loaded.record);
}

/** Administrators see every campaign, the others the open ones. */
export async function visibleCampaigns(deps: Deps, user: UserRecord): Promise<CampaignList> {
  const all = await deps.store.listCampaigns();
  // Officers fill open campaigns only; reviewers also review and export last year's, closed ones.
  return { items: user.role === 'officer' ? all.filter((x) => x.status === 'open') : all };
}

export async function householdDetail(deps: Deps, user: UserRecord, id: string): Promise<HouseholdDetail> {
  const { store } = deps;
  const household = await visibleHousehold(deps, user, id);
  const [submissions, forms, campaigns, division, history] = await Promise.all([
    store.listSubmissions({ scope: queryScope(user), householdId: household.id }, { page: 1, pageSize: 200 }),
    store.listForms(), store.listCampaigns(), store.getDivision(household.divisionCode), store.listHouseholdEvents(household.id),
  ]);
  const formTitles = new Map(forms.map((f) => [f.id, f.title]));
  const campaignTitles = new Map(campaigns.map((x) => [x.id, x.title]));
  return {
    ...household,
    divisionName: division?.name ?? null,
    memberCount: household.members.length,
    submissions: submissions.items.map((s) => ({
      id: s.id, formId: s.formId, formTitle: formTitles.get(s.formId) ?? s.formId, formVersion: s.formVersion, campaignId: s.campaignId,
      campaignTitle: campaignTitles.get(s.campaignId) ?? s.campaignId, status: s.status, statusLabel: STATUS_LABELS[s.status],
      returnComment: s.returnComment, updatedAt: s.updatedAt, submittedAt: s.submittedAt, revision: s.revision,
    })),
    history,
  };
}
