// The administrator's calls to the server, typed: campaigns, forms with their drafts, cases and
// versions, users. Each is one request through api(); errors arrive as ApiError (Chinese message,
// code, details such as the checker's problems).
import type { FormCase, FormDefinition } from '@engine';
import type { XlsformImport } from '@engine/contract';
import { api } from '../../api/http';
import type {
  AdminFormSummary, Adopted, AdoptRequest, Campaign, CampaignDetail, CampaignPatch, CreatedForm, Division, Draft, FormVersion, FormVersionSummary,
  LatestForm, NewCampaign, NewForm, NewUser, PublishCheck, Published, PublishRequest, SavedDraft, SaveDraftRequest, User, UserPatch,
} from '../../api/types';

/** A change to a campaign or an account: the fields changed, sent with the revision it was made from. */
type Change<T> = Omit<T, 'revision'>;

export const adminApi = {
  campaigns: () => api<{ items: Campaign[] }>('GET', '/api/campaigns').then((r) => r.items),
  campaign: (id: string) => api<CampaignDetail>('GET', `/api/campaigns/${encodeURIComponent(id)}`),
  createCampaign: (input: NewCampaign) => api<CampaignDetail>('POST', '/api/campaigns', input),
  /** `revision`: the one the change was made from (409 stale_revision if someone changed it since). */
  updateCampaign: (id: string, revision: number, input: Change<CampaignPatch>) =>
    api<CampaignDetail>('PATCH', `/api/campaigns/${encodeURIComponent(id)}`, { ...input, revision } satisfies CampaignPatch),

  forms: () => api<{ items: AdminFormSummary[] }>('GET', '/api/forms?all=1').then((r) => r.items),
  latest: (id: string) => api<LatestForm>('GET', `/api/forms/${encodeURIComponent(id)}`),
  version: (id: string, version: number) => api<FormVersion>('GET', `/api/forms/${encodeURIComponent(id)}/versions/${version}`),
  versions: (id: string) => api<{ items: FormVersionSummary[] }>('GET', `/api/forms/${encodeURIComponent(id)}/versions`).then((r) => r.items),
  /** The draft (null: none) and its revision, which a save or a publication sends back. */
  draft: (id: string) => api<Draft>('GET', `/api/forms/${encodeURIComponent(id)}/draft`),
  /** `revision`: the draft revision the change was made from (409 stale_revision if another save or a publication came first). */
  saveDraft: (id: string, definition: FormDefinition, revision: number) =>
    api<SavedDraft>('PUT', `/api/forms/${encodeURIComponent(id)}/draft`, { definition, revision } satisfies SaveDraftRequest),
  createForm: (definition: FormDefinition) => api<CreatedForm>('POST', '/api/forms', { definition } satisfies NewForm),
  cases: (id: string) => api<{ cases: FormCase[] }>('GET', `/api/forms/${encodeURIComponent(id)}/cases`).then((r) => r.cases),
  saveCases: (id: string, cases: FormCase[]) => api<{ cases: FormCase[] }>('PUT', `/api/forms/${encodeURIComponent(id)}/cases`, { cases }).then((r) => r.cases),
  /** `adopt`: the campaigns that would adopt (absent: the defaults). */
  checkPublish: (id: string, adopt?: string[]) => api<PublishCheck>('POST', `/api/forms/${encodeURIComponent(id)}/publish?dryRun=1`, (adopt ? { adopt } : {}) satisfies PublishRequest),
  /** Publishes the draft at `revision` (the one checked), and only that, adopted by the campaigns named. */
  publish: (id: string, revision: number, adopt: string[], moveOpen: boolean) =>
    api<Published>('POST', `/api/forms/${encodeURIComponent(id)}/publish`, { revision, adopt, moveOpen } satisfies PublishRequest),
  /** The campaign serves `version` of the form from now on (from its `revision`). */
  adopt: (id: string, revision: number, formId: string, version: number, moveOpen: boolean) =>
    api<Adopted>('POST', `/api/campaigns/${encodeURIComponent(id)}/adopt`, { formId, version, revision, moveOpen } satisfies AdoptRequest),

  users: () => api<{ items: User[] }>('GET', '/api/users').then((r) => r.items),
  createUser: (input: NewUser) => api<User>('POST', '/api/users', input),
  /** `revision`: the one the change was made from (409 stale_revision if another administrator changed the account since). */
  updateUser: (id: string, revision: number, patch: Change<UserPatch>) =>
    api<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, { ...patch, revision } satisfies UserPatch),
  divisions: () => api<{ items: Division[] }>('GET', '/api/divisions').then((r) => r.items),

  /** The XLSForm import's report (nothing saved); with `revision`, saved as the draft when it passes. */
  importXlsform: (id: string, workbook: Blob, options: { dryRun: true; title?: string } | { dryRun: false; revision: number; title?: string }) => {
    const query = new URLSearchParams(options.dryRun ? { dryRun: '1' } : { revision: String(options.revision) });
    if (options.title) query.set('title', options.title);
    return api<XlsformImport>('POST', `/api/forms/${encodeURIComponent(id)}/xlsform?${query}`, workbook);
  },
};
