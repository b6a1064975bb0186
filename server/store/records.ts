// The records the store keeps, as the rest of the server sees them: plain objects, JSON columns
// already parsed, times as ISO strings. Both stores (SQLite, PostgreSQL) produce exactly these.
import type { FormData, FormDefinition, Household, Issue } from '../../engine/index';

export type Role = 'admin' | 'reviewer' | 'officer';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Division codes: the user sees records whose division code starts with one of them. */
  scope: string[];
  disabled: boolean;
  passwordHash: string;
  createdAt: string;
  /** The user's phone, when given: a form's 填表人联系电话 starts with it. */
  phone?: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie token: a stolen database yields no usable token. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface DivisionRecord {
  code: string;
  name: string;
  parentCode: string | null;
}

export type CampaignStatus = 'open' | 'closed';

export interface CampaignRecord {
  id: string;
  title: string;
  year: number;
  description: string;
  parameters: Record<string, unknown>;
  forms: string[];
  status: CampaignStatus;
  /** Division code prefixes the campaign covers; empty means everywhere. */
  divisions: string[];
  createdAt: string;
  /** 1 when created, one more at each change: a change states the revision it saw. */
  revision: number;
}

/** A campaign as created or changed: the store keeps its revision. */
export type CampaignFields = Omit<CampaignRecord, 'revision'>;

export interface FormRecord {
  id: string;
  title: string;
  latestVersion: number | null;
  draft: FormDefinition | null;
  draftUpdatedAt: string | null;
  /** 0 before the first draft; one more at each save of the draft and at each publication (which clears it). */
  draftRevision: number;
  createdAt: string;
}

export interface FormVersionRecord {
  formId: string;
  version: number;
  definition: FormDefinition;
  publishedAt: string;
  publishedBy: string;
  /** Chinese, one line per change since the previous version. */
  changes: string[];
}

export interface HouseholdRecord extends Household {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface SubmissionRecord {
  id: string;
  formId: string;
  formVersion: number;
  campaignId: string;
  householdId: string | null;
  divisionCode: string;
  headName: string;
  headIdNumber: string;
  status: SubmissionStatus;
  /** The review level waiting to act (index into the form's levels) while submitted. */
  reviewLevel: number;
  data: FormData;
  errors: Issue[];
  warnings: Issue[];
  /** The household's pre-filled values when the submission was started: corrections are read against it. */
  prefill: FormData | null;
  /** SHA-256 of the creating request: the same id with the same body is a retry. */
  requestHash: string;
  revision: number;
  returnComment: string | null;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}

export type SubmissionAction = 'create' | 'save' | 'submit' | 'approve' | 'return' | 'apply';

export interface SubmissionEvent {
  id: number;
  submissionId: string;
  at: string;
  userId: string;
  username: string;
  action: SubmissionAction;
  status: SubmissionStatus;
  level: number | null;
  comment: string | null;
  /** What changed: fields with old and new values, or registry changes. */
  changes: { field: string; from?: unknown; to?: unknown; note?: string }[];
}

export interface HouseholdEvent {
  id: number;
  householdId: string;
  at: string;
  userId: string;
  submissionId: string | null;
  changes: string[];
}
