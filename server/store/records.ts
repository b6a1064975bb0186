// The records the store keeps, as the rest of the server sees them: plain objects, JSON columns
// already parsed, times as ISO strings. Both stores (SQLite, PostgreSQL) produce exactly these.
import type { ApprovalStep, FormData, FormDefinition, Household, Issue } from '@engine';

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
  /** 1 when created, one more at each change by an administrator: a change states the revision it saw. */
  revision: number;
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

export type DivisionAction = 'import' | 'add' | 'rename' | 'merge' | 'remove';

/** One change to the registered divisions, kept for good (行政区划调整的记录). */
export interface DivisionChange {
  id: number;
  at: string;
  userId: string;
  action: DivisionAction;
  code: string;
  /** The name after the change (the name it had, for a merge or a removal). */
  name: string;
  /** A rename's previous name. */
  previousName: string | null;
  /** A merge's target village. */
  targetCode: string | null;
  /** Households a merge moved to the target; divisions an import added. */
  count: number | null;
  note: string | null;
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
  /**
   * The published version of each of its forms the campaign serves, by form id: new submissions
   * are filled with it. A form listed without one serves its latest version from when it is
   * listed (the store fills it in); a new version reaches the campaign only when it adopts it.
   */
  formVersions: Record<string, number>;
  /**
   * What an administrator has still to confirm after a clone from last year: 'description' and
   * 'parameters.<name>' (待确认). The campaign cannot be opened while any is left.
   */
  unconfirmed: string[];
  /** 民主评议 and 公示 steps of each form's approval chain, by form id (issue 17). */
  approvalSteps: Record<string, ApprovalStep[]>;
}

/**
 * A campaign as created or changed: the store keeps its revision; `formVersions` absent or
 * missing a listed form: the form's latest version; `unconfirmed` absent: [] when created, kept when changed.
 */
export type CampaignFields = Omit<CampaignRecord, 'revision' | 'formVersions' | 'unconfirmed' | 'approvalSteps'>
  & Partial<Pick<CampaignRecord, 'formVersions' | 'unconfirmed' | 'approvalSteps'>>;

/** A campaign's adoption of a form's version, kept for good (who, when, from which version to which). */
export interface AdoptionRecord {
  id: number;
  campaignId: string;
  formId: string;
  /** The version served before (null: none). */
  fromVersion: number | null;
  toVersion: number;
  at: string;
  userId: string;
  username: string;
  /** Whether open drafts and returned submissions were to move with it. */
  moveOpen: boolean;
}

/** One campaign adopting a version (see Store.adoptVersion and Publication.adopt). */
export interface Adoption {
  campaignId: string;
  at: string;
  userId: string;
  username: string;
  moveOpen: boolean;
}

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
  /** The officer's explanation of each warning that holds (核实说明), by rule id. */
  explanations: { [ruleId: string]: string };
  /** The reviewer's notes on fields at the last return; cleared at approval, as returnComment. */
  fieldNotes: FieldNote[];
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}

/** A reviewer's note on one field (a JSON Pointer into the data) of a returned submission. */
export interface FieldNote {
  path: string;
  note: string;
}

export type SubmissionAction = 'create' | 'save' | 'submit' | 'approve' | 'return' | 'apply' | 'move' | 'deliberate';

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
  /** A submit's explanations of its warnings (read back as {} on other events). */
  explanations?: { [ruleId: string]: string };
  /** A return's notes on fields (read back as [] on other events). */
  fieldNotes?: FieldNote[];
}

export interface HouseholdEvent {
  id: number;
  householdId: string;
  at: string;
  userId: string;
  submissionId: string | null;
  changes: string[];
}
