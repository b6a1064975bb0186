// What a fill page shows, read in one request (GET /api/fill: the submission when the server has
// it, its form version, the campaigns, the household) instead of four one after another. Each
// part is kept on the phone under its own route's path, as separate reads kept them, so with no
// signal the page is made from those copies (and the draft on the phone) as before. The app
// starts this for a /fill/ address as soon as its script runs (prefetchFill), while it asks who is
// signed in, and the page takes that answer (takeFill); the version's validators are fetched as
// soon as the version is known.
import { api, ApiError, OfflineError } from '../api/http';
import type { CampaignList, CampaignSummary, FillData as FillAnswer, FormVersion, HouseholdDetail, SubmissionDetail } from '../api/types';
import { preloadValidators } from '../form/validatorModules';
import { cachedGet, keepAs, kept } from './cachedGet';
import { draftOf, refreshDraft } from './draftFromServer';
import { getDraft, putDraft } from './drafts';
import type { LocalDraft } from './LocalDraft';
import { isTheirs, phoneUser } from './phoneUser';

type Detail = SubmissionDetail & { prefill?: Record<string, unknown> | null };
type Campaigns = CampaignList;

export interface FillData {
  draft: LocalDraft;
  form: FormVersion;
  campaign: CampaignSummary | null;
  household: HouseholdDetail | null;
  /** Set when the page is made from the phone's copies (no signal): when they were saved. */
  staleSince: string | null;
}

const versionPath = (formId: string, version: number) => `/api/forms/${formId}/versions/${version}`;

/**
 * The draft's own campaign, never another one: closing it (it leaves the open list) or opening
 * next year's must not relabel the draft or compute it with another year's income line. Kept on
 * the draft since drafts carry it; an older draft finds it by id among the campaigns.
 */
function campaignOf(draft: LocalDraft, campaigns: Campaigns): CampaignSummary | null {
  return draft.campaign ?? campaigns.items.find((c) => c.id === draft.campaignId) ?? null;
}

/** Each part under the path its own route has, where cachedGet finds it with no signal. */
function keepParts(answer: FillAnswer): void {
  const { submission, form, campaigns, household } = answer;
  void Promise.all([
    submission ? keepAs(`/api/submissions/${submission.id}`, submission) : null,
    keepAs(versionPath(form.id, form.version), form),
    keepAs('/api/campaigns', campaigns),
    household ? keepAs(`/api/households/${household.id}`, household) : null,
  ]).catch(() => {});
}

/** The phone's copies, read together; throws OfflineError when the draft or its form is not kept. */
async function fromThePhone(id: string, local: LocalDraft | undefined): Promise<FillData> {
  let draft = local;
  if (!draft) {
    const submission = await kept<Detail>(`/api/submissions/${id}`);
    if (!submission) throw new OfflineError();
    const form = await cachedGet<FormVersion>(versionPath(submission.data.formId, submission.data.formVersion));
    draft = draftOf(submission.data, form.data.definition.title);
    await putDraft(draft);
  }
  const [form, campaigns, household] = await Promise.all([
    cachedGet<FormVersion>(versionPath(draft.formId, draft.formVersion)),
    cachedGet<Campaigns>('/api/campaigns'),
    draft.householdId ? cachedGet<HouseholdDetail>(`/api/households/${draft.householdId}`) : null,
  ]);
  return { draft, form: form.data, campaign: campaignOf(draft, campaigns.data), household: household?.data ?? null, staleSince: household?.staleSince ?? form.staleSince };
}

/** `beforeSession`: started before the app knows who is signed in (see RequestOptions). */
export async function loadFill(id: string, { beforeSession = false } = {}): Promise<FillData> {
  // Asked by the id at once, beside reading the phone's draft: a draft the server has (or one not
  // on this phone) is read so; one only on the phone (the server answers 404) by its form instead.
  const byId = api<FillAnswer>('GET', `/api/fill?submission=${encodeURIComponent(id)}`, undefined, { beforeSession });
  byId.catch(() => {});
  const local = await getDraft(id);
  // Another officer's draft on a shared phone is theirs to open (and to send): refused here as the server refuses what is not one's own.
  if (local && !isTheirs(local, await phoneUser())) {
    throw new ApiError(403, 'forbidden', `这份表是本机${local.owner!.displayName}填写的，需其本人登录后才能打开`);
  }
  if (local) preloadValidators(local.formId, local.formVersion);
  const onlyHere = local !== undefined && local.serverRevision === null;
  let answer: FillAnswer;
  try {
    answer = await (onlyHere
      ? api<FillAnswer>('GET', `/api/fill?form=${encodeURIComponent(local.formId)}&version=${local.formVersion}${local.householdId ? `&household=${encodeURIComponent(local.householdId)}` : ''}`, undefined, { beforeSession })
      : byId);
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    return fromThePhone(id, local);
  }
  if (!local) preloadValidators(answer.form.id, answer.form.version);
  keepParts(answer);
  let draft: LocalDraft;
  if (!local) {
    draft = draftOf(answer.submission!, answer.form.definition.title);
    await putDraft(draft);
  } else {
    ({ draft } = answer.submission ? await refreshDraft(local, answer.submission) : { draft: local });
  }
  return { draft, form: answer.form, campaign: campaignOf(draft, answer.campaigns), household: answer.household, staleSince: null };
}

const prefetched = new Map<string, Promise<FillData>>();

/** Starts reading a fill page's data as the app starts, while it asks who is signed in. */
export function prefetchFill(id: string): void {
  const started = loadFill(id, { beforeSession: true });
  started.catch(() => {});
  prefetched.set(id, started);
}

/** The data started by prefetchFill (once), or read now; a prefetch that failed is read again. */
export function takeFill(id: string): Promise<FillData> {
  const started = prefetched.get(id);
  prefetched.delete(id);
  return started ? started.catch(() => loadFill(id)) : loadFill(id);
}
