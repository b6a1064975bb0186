// The administrator's calls to the server, typed: campaigns, forms with their drafts, cases and
// versions, users. Each is one request through api(); errors arrive as ApiError (Chinese message,
// code, details such as the checker's problems).
import type { FormCase, FormDefinition } from '@engine';
import { api } from '../../api/http';
import type {
  AdminCampaign, AdminCampaignDetail, AdminFormSummary, AdminUser, CaseOutcome, Division, FormVersion, FormVersionSummary, PublishCheck, Role,
} from '../../api/types';

export interface CampaignInput {
  id?: string;
  title?: string;
  year?: number;
  description?: string;
  parameters?: Record<string, unknown>;
  forms?: string[];
  status?: 'open' | 'closed';
  divisions?: string[];
  cloneFrom?: string;
  closeSource?: boolean;
  /** Items confirmed (待确认 → 已确认): 'description', 'parameters.<name>'. */
  confirm?: string[];
}

export interface Draft {
  definition: FormDefinition | null;
  revision: number;
}

export const adminApi = {
  campaigns: () => api<{ items: AdminCampaign[] }>('GET', '/api/campaigns').then((r) => r.items),
  campaign: (id: string) => api<AdminCampaignDetail>('GET', `/api/campaigns/${encodeURIComponent(id)}`),
  createCampaign: (input: CampaignInput) => api<AdminCampaignDetail>('POST', '/api/campaigns', input),
  /** `revision`: the one the change was made from (409 stale_revision if someone changed it since). */
  updateCampaign: (id: string, revision: number, input: CampaignInput) =>
    api<AdminCampaignDetail>('PATCH', `/api/campaigns/${encodeURIComponent(id)}`, { ...input, revision }),

  forms: () => api<{ items: AdminFormSummary[] }>('GET', '/api/forms?all=1').then((r) => r.items),
  latest: (id: string) => api<FormVersion>('GET', `/api/forms/${encodeURIComponent(id)}`),
  version: (id: string, version: number) => api<FormVersion>('GET', `/api/forms/${encodeURIComponent(id)}/versions/${version}`),
  versions: (id: string) => api<{ items: FormVersionSummary[] }>('GET', `/api/forms/${encodeURIComponent(id)}/versions`).then((r) => r.items),
  /** The draft (null: none) and its revision, which a save or a publication sends back. */
  draft: (id: string) => api<Draft>('GET', `/api/forms/${encodeURIComponent(id)}/draft`),
  /** `revision`: the draft revision the change was made from (409 stale_revision if another save or a publication came first). */
  saveDraft: (id: string, definition: FormDefinition, revision: number) =>
    api<{ definition: FormDefinition; revision: number }>('PUT', `/api/forms/${encodeURIComponent(id)}/draft`, { definition, revision }),
  createForm: (definition: FormDefinition) => api<{ id: string }>('POST', '/api/forms', { definition }),
  cases: (id: string) => api<{ cases: FormCase[] }>('GET', `/api/forms/${encodeURIComponent(id)}/cases`).then((r) => r.cases),
  saveCases: (id: string, cases: FormCase[]) => api<{ cases: FormCase[] }>('PUT', `/api/forms/${encodeURIComponent(id)}/cases`, { cases }).then((r) => r.cases),
  /** `adopt`: the campaigns that would adopt (absent: the defaults). */
  checkPublish: (id: string, adopt?: string[]) => api<PublishCheck>('POST', `/api/forms/${encodeURIComponent(id)}/publish?dryRun=1`, adopt ? { adopt } : {}),
  /** Publishes the draft at `revision` (the one checked), and only that, adopted by the campaigns named. */
  publish: (id: string, revision: number, adopt: string[], moveOpen: boolean) =>
    api<{ version: number; changes: string[]; cases: CaseOutcome[]; revision: number; adopted: string[]; moved?: number }>(
      'POST', `/api/forms/${encodeURIComponent(id)}/publish`, { revision, adopt, moveOpen }),
  /** The campaign serves `version` of the form from now on (from its `revision`). */
  adopt: (id: string, revision: number, formId: string, version: number, moveOpen: boolean) =>
    api<AdminCampaignDetail>('POST', `/api/campaigns/${encodeURIComponent(id)}/adopt`, { formId, version, revision, moveOpen }),

  users: () => api<{ items: AdminUser[] }>('GET', '/api/users').then((r) => r.items),
  createUser: (input: { username: string; displayName?: string; phone?: string; password: string; role: Role; scope: string[] }) => api<AdminUser>('POST', '/api/users', input),
  /** `revision`: the one the change was made from (409 stale_revision if another administrator changed the account since). */
  updateUser: (id: string, revision: number, patch: { displayName?: string; phone?: string | null; role?: Role; scope?: string[]; disabled?: boolean; password?: string }) =>
    api<AdminUser>('PATCH', `/api/users/${encodeURIComponent(id)}`, { ...patch, revision }),
  divisions: () => api<{ items: Division[] }>('GET', '/api/divisions').then((r) => r.items),
};
