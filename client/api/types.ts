// What the server's API returns, as the client reads it: the API contract's types (@engine/contract,
// derived from the schemas the server validates and documents with: GET /api/openapi.json), and the
// few answers not yet described there (accounts, forms, campaigns).
import type { FormDefinition } from '@engine';

export type * from '@engine/contract';

export type Role = 'admin' | 'reviewer' | 'officer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** Fills a form's 填表人联系电话 (absent from an app that kept the user before phones existed). */
  phone?: string | null;
  role: Role;
  scope: string[];
}

export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface CampaignSummary {
  id: string;
  title: string;
  year: number;
  parameters: Record<string, unknown>;
  /** In a form's campaigns: the version of that form the campaign serves (absent from older servers). */
  formVersion?: number | null;
  /** In the campaign list: the version of each form the campaign serves. */
  formVersions?: Record<string, number>;
  status?: 'open' | 'closed';
}

export interface FormSummary {
  id: string;
  title: string;
  version: number;
  description: string;
  createsHousehold: boolean;
  /** Filled for a registry household (pre-filled from it); identification forms may also be. */
  forHousehold: boolean;
  /** Has photo or signature fields: its export can come with the files (ZIP). */
  hasFiles?: boolean;
  campaigns: CampaignSummary[];
}

export interface FormVersion {
  id: string;
  title: string;
  version: number;
  definition: FormDefinition;
  campaigns?: CampaignSummary[];
}

export interface ReviewCampaign extends CampaignSummary {
  forms: string[];
  status: 'open' | 'closed';
}

export type * from './adminTypes';
