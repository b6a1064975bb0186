// What the server's API returns to the administrator's pages and the API contract does not yet
// describe (re-exported by types.ts); imports, adjustments and the publication check are in the contract.
import type { CampaignSummary, User } from './types';

export interface AdminCampaign extends CampaignSummary {
  description: string;
  forms: string[];
  status: 'open' | 'closed';
  /** Division code prefixes covered; empty: everywhere. */
  divisions: string[];
  createdAt: string;
  /** Sent back with a change: the server refuses it (409) if someone changed the campaign since. */
  revision: number;
  /** The version of each form the campaign serves (absent from older servers). */
  formVersions?: Record<string, number>;
  /** Left to confirm after a clone (待确认): 'description', 'parameters.<name>'. */
  unconfirmed?: string[];
}

/** A campaign's adoption of a form version (who, when, from which version to which). */
export interface Adoption {
  id: number;
  formId: string;
  fromVersion: number | null;
  toVersion: number;
  at: string;
  username: string;
  moveOpen: boolean;
}

export interface ParameterDeclarationInfo {
  title: string;
  type: 'number' | 'string' | 'date' | 'year-month';
  description?: string;
  /** The forms declaring it. */
  forms: string[];
}

export interface AdminCampaignDetail extends AdminCampaign {
  parameterDeclarations: Record<string, ParameterDeclarationInfo>;
  formTitles: Record<string, string>;
  adoptions?: Adoption[];
}

export interface AdminFormSummary {
  id: string;
  title: string;
  /** null: never published. */
  version: number | null;
  description: string;
  hasDraft: boolean;
  draftUpdatedAt: string | null;
  campaigns: CampaignSummary[];
}

export interface FormVersionSummary {
  formId: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  changes: string[];
}

export interface AdminUser extends User {
  disabled: boolean;
  createdAt: string;
  /** Sent back with a change: the server refuses it (409) if another administrator changed the account since. */
  revision: number;
}
