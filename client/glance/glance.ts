// The officer's work at a glance: the server's household states (as last read, offline too)
// merged with what only this phone knows — drafts never sent (草稿·在本机), saves and submits
// still in the queue (待上传) — and, for each household, the forms its kind is expected to fill
// that nobody has started (未填). Pure: the pages and the 我的待办 list read it.
import type { LocalDraft } from '../offline/LocalDraft';
import type { HouseholdState, HouseholdStates, StateForm, SubmissionState } from './householdStates';

export type GlanceState = 'returned' | 'pending' | 'local' | 'saved' | 'unfilled' | 'submitted' | 'approved';

/** Most urgent first: the order a household's forms are listed in. */
export const GLANCE_ORDER: readonly GlanceState[] = ['returned', 'pending', 'local', 'saved', 'unfilled', 'submitted', 'approved'];

export const GLANCE_NAMES: Record<GlanceState, string> = {
  returned: '被退回',
  pending: '待上传',
  local: '草稿（在本机）',
  saved: '草稿（已保存）',
  unfilled: '未填',
  submitted: '已提交待审核',
  approved: '已通过',
};

/** What a list filters on: the states, with both kinds of draft as one (草稿). */
export type GlanceFilter = 'returned' | 'pending' | 'draft' | 'unfilled' | 'submitted' | 'approved';

export const FILTERS: readonly GlanceFilter[] = ['returned', 'pending', 'draft', 'unfilled', 'submitted', 'approved'];

export const FILTER_NAMES: Record<GlanceFilter, string> = {
  returned: '被退回', pending: '待上传', draft: '草稿', unfilled: '未填', submitted: '已提交待审核', approved: '已通过',
};

export const filterOf = (state: GlanceState): GlanceFilter => (state === 'local' || state === 'saved' ? 'draft' : state);

export interface FormGlance {
  campaignId: string | null;
  campaignTitle: string;
  /** The campaign's year, to tell one form's campaigns apart (null: a campaign no longer open). */
  year: number | null;
  formId: string;
  formTitle: string;
  state: GlanceState;
  /** The submission (or phone draft) to open; null when not started. */
  id: string | null;
  returnComment: string | null;
  updatedAt: string | null;
  /** The phone's copy, when there is one (its queue state for 待上传). */
  draft: LocalDraft | null;
}

export interface HouseholdGlance extends Omit<HouseholdState, 'submissions'> {
  /** Most urgent first. */
  forms: FormGlance[];
}

export interface UnregisteredGlance extends FormGlance {
  divisionCode: string;
  headName: string;
}

export interface Glance {
  households: HouseholdGlance[];
  /** Identifications (no household yet), on the server or only on this phone. */
  unregistered: UnregisteredGlance[];
}

const STATUS_STATE = { draft: 'saved', submitted: 'submitted', returned: 'returned', approved: 'approved' } as const;

/** One record's state: the phone's while it has something unsent, else the fresher of the two copies. */
function stateOf(draft: LocalDraft | null, server: SubmissionState | null): Pick<FormGlance, 'state' | 'returnComment' | 'updatedAt'> {
  if (draft?.pending) return { state: 'pending', returnComment: draft.returnComment, updatedAt: draft.updatedAt };
  if (draft && draft.serverRevision === null) return { state: 'local', returnComment: null, updatedAt: draft.updatedAt };
  if (server && (!draft || server.revision >= (draft.serverRevision ?? 0))) {
    return { state: STATUS_STATE[server.status], returnComment: server.returnComment, updatedAt: server.updatedAt };
  }
  return { state: STATUS_STATE[draft!.serverStatus ?? 'draft'], returnComment: draft!.returnComment, updatedAt: draft!.updatedAt };
}

const covers = (divisions: string[], code: string) => divisions.length === 0 || divisions.some((d) => code.startsWith(d));

/** The forms a household of this kind and place is expected to fill. */
export function expectedForms(forms: StateForm[], kind: string | null, divisionCode: string): StateForm[] {
  return forms.filter((f) => kind !== null && f.kinds?.includes(kind) && covers(f.divisions, divisionCode));
}

const byUrgency = (a: FormGlance, b: FormGlance) => GLANCE_ORDER.indexOf(a.state) - GLANCE_ORDER.indexOf(b.state);

/**
 * The glance of records of one household (or of the identifications): the server's submissions
 * and the phone's drafts, one entry per record. A phone draft counts only while it holds
 * something the server lacks, or while its form belongs to an open campaign.
 */
function recordsOf(forms: StateForm[], server: SubmissionState[], drafts: LocalDraft[]): FormGlance[] {
  const formOf = (campaignId: string | null, formId: string) =>
    forms.find((f) => f.formId === formId && (campaignId === null || f.campaignId === campaignId)) ?? null;
  const local = new Map(drafts.map((d) => [d.id, d]));
  const out: FormGlance[] = [];
  for (const s of server) {
    const draft = local.get(s.id) ?? null;
    local.delete(s.id);
    const form = formOf(s.campaignId, s.formId);
    out.push({ campaignId: s.campaignId, campaignTitle: form?.campaignTitle ?? '', year: form?.year ?? null, formId: s.formId, formTitle: form?.formTitle ?? draft?.formTitle ?? s.formId, id: s.id, draft, ...stateOf(draft, s) });
  }
  for (const draft of local.values()) {
    const form = formOf(draft.campaignId, draft.formId);
    if (!form && draft.pending === null && draft.serverRevision !== null) continue;
    out.push({ campaignId: draft.campaignId, campaignTitle: form?.campaignTitle ?? '', year: form?.year ?? null, formId: draft.formId, formTitle: draft.formTitle, id: draft.id, draft, ...stateOf(draft, null) });
  }
  return out;
}

/** `division`: the area the answer is for; the phone's identifications elsewhere are left out. */
export function mergeGlance(states: HouseholdStates, drafts: LocalDraft[], division = ''): Glance {
  const byHousehold = new Map<string, LocalDraft[]>();
  for (const d of drafts) {
    const key = d.householdId ?? `new:${d.divisionCode}`;
    byHousehold.set(key, [...(byHousehold.get(key) ?? []), d]);
  }
  const households = states.households.map(({ submissions, ...h }): HouseholdGlance => {
    const records = recordsOf(states.forms, submissions, byHousehold.get(h.id) ?? []);
    const started = new Set(records.map((r) => `${r.campaignId}|${r.formId}`));
    const unfilled = expectedForms(states.forms, h.kind, h.divisionCode)
      .filter((f) => !started.has(`${f.campaignId}|${f.formId}`))
      .map((f): FormGlance => ({ campaignId: f.campaignId, campaignTitle: f.campaignTitle, year: f.year, formId: f.formId, formTitle: f.formTitle, state: 'unfilled', id: null, returnComment: null, updatedAt: null, draft: null }));
    return { ...h, forms: [...records, ...unfilled].sort(byUrgency) };
  });
  const server = new Map(states.unregistered.map((s) => [s.id, s]));
  const newDrafts = drafts.filter((d) => d.householdId === null && d.divisionCode.startsWith(division));
  const unregistered = recordsOf(states.forms, states.unregistered, newDrafts).map((record): UnregisteredGlance => {
    const s = server.get(record.id!);
    return { ...record, divisionCode: s?.divisionCode ?? record.draft!.divisionCode, headName: s?.headName || record.draft?.headName || '' };
  });
  return { households, unregistered: unregistered.sort(byUrgency) };
}

/** Whether any of a household's forms is in the filter's state. */
export function householdIn(h: HouseholdGlance, filter: GlanceFilter): boolean {
  return h.forms.some((f) => filterOf(f.state) === filter);
}

/** Households per filter (a household counts once in each state one of its forms is in). */
export function countHouseholds(households: HouseholdGlance[]): Record<GlanceFilter, number> {
  const counts = Object.fromEntries(FILTERS.map((f) => [f, 0])) as Record<GlanceFilter, number>;
  for (const h of households) for (const f of new Set(h.forms.map((x) => filterOf(x.state)))) counts[f] += 1;
  return counts;
}

/** Returned households first (they wait on the officer), then the list's own order. */
export function returnedFirst(households: HouseholdGlance[]): HouseholdGlance[] {
  return [...households].sort((a, b) => Number(householdIn(b, 'returned')) - Number(householdIn(a, 'returned')));
}

/** Whether one form appears under two campaigns among these (then each is labelled with its year). */
export function yearsNeeded(forms: Pick<FormGlance, 'formTitle' | 'campaignId'>[]): boolean {
  const campaigns = new Map<string, string | null>();
  for (const f of forms) {
    if (campaigns.has(f.formTitle) && campaigns.get(f.formTitle) !== f.campaignId) return true;
    campaigns.set(f.formTitle, f.campaignId);
  }
  return false;
}
