// What the server's API returns, as the client reads it (see GET /api/openapi.json).
import type { FormDefinition, Household, Issue, Member } from '@engine';

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

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface HouseholdSummary extends Household {
  id: string;
  memberCount: number;
  members: Member[];
}

export interface HouseholdSubmission {
  id: string;
  formId: string;
  formTitle: string;
  formVersion: number;
  campaignId: string;
  campaignTitle: string;
  status: SubmissionStatus;
  statusLabel: string;
  returnComment: string | null;
  updatedAt: string;
  submittedAt: string | null;
  revision: number;
}

export interface HouseholdDetail extends HouseholdSummary {
  divisionName: string | null;
  submissions: HouseholdSubmission[];
  history: { at: string; changes: string[] }[];
}

/** A reviewer's note on one field of a returned submission (JSON Pointer and text). */
export interface FieldNote {
  path: string;
  note: string;
}

export interface Submission {
  id: string;
  formId: string;
  formVersion: number;
  campaignId: string;
  householdId: string | null;
  divisionCode: string;
  headName: string;
  headIdNumber: string;
  status: SubmissionStatus;
  statusLabel: string;
  waitingOn: string | null;
  /** Set when the data calls for a final approval at a set level (review.escalations): why, and which level. */
  escalation?: { reason: string; levelTitle: string } | null;
  reviewLevel: number;
  data: Record<string, unknown>;
  errors: Issue[];
  warnings: Issue[];
  revision: number;
  returnComment: string | null;
  /** The officer's explanations of the warnings (核实说明), by rule id. */
  explanations: Record<string, string>;
  /** The reviewer's notes on fields at the last return (cleared at approval). */
  fieldNotes: FieldNote[];
  /** Its own campaign, with the parameters it is computed with (absent from older servers). */
  campaign?: CampaignSummary;
  /** Its last move to a new version, while open and not submitted since. */
  moveNotice?: MoveNotice | null;
  createdBy: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}

/** What a move to a new version changed, for the officer (each item at a field, a JSON Pointer). */
export interface MoveNotice {
  fromVersion: number;
  toVersion: number;
  at: string;
  username: string;
  items: { field: string; note?: string; from?: unknown; to?: unknown }[];
}

export interface SubmissionEvent {
  id: number;
  at: string;
  username: string;
  action: string;
  status: SubmissionStatus;
  level: number | null;
  comment: string | null;
  changes: { field: string; from?: unknown; to?: unknown; note?: string }[];
  /** On a submit: the explanations sent with it (absent from servers before them). */
  explanations?: Record<string, string>;
  /** On a return: the reviewer's notes on fields. */
  fieldNotes?: FieldNote[];
}

export interface SubmissionDetail extends Submission {
  history: SubmissionEvent[];
  corrections: { field: string; title: string; registryValue: unknown; value: unknown }[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// The reviewer's pages (the table, review, progress, data quality).

export interface ReviewRow {
  id: string;
  formVersion: number;
  campaignId: string;
  householdId: string | null;
  divisionCode: string;
  villageName: string;
  headName: string;
  headIdNumber: string;
  status: SubmissionStatus;
  statusLabel: string;
  reviewLevel: number;
  /** The title of the review level it waits on, while submitted. */
  waitingOn: string | null;
  /** This user may approve or return it now. */
  canReview: boolean;
  /** Set when its data sends the final approval to a set level (review.escalations). */
  escalation?: { reason: string; levelTitle: string } | null;
  returnComment: string | null;
  revision: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  keyValues: Record<string, string | number | null>;
  errorCount: number;
  warningCount: number;
  /** Its warnings, and the officer's explanations by rule id (a batch approval lists them). */
  warnings?: { path: string; code: string; message: string }[];
  explanations?: Record<string, string>;
}

export interface ReviewLevelInfo {
  id: string;
  title: string;
  divisionDigits: number;
}

export interface DivisionCount {
  divisionCode: string;
  count: number;
}

export interface ReviewRowsPage extends Paged<ReviewRow> {
  columns: { key: string; title: string }[];
  levels: ReviewLevelInfo[];
  /** The level this reviewer acts at; null for an administrator (any level). */
  myLevel: number | null;
  byDivision: DivisionCount[];
}

export interface ReviewCampaign extends CampaignSummary {
  forms: string[];
  status: 'open' | 'closed';
}

export interface ApprovalResult {
  id: string;
  outcome: 'approved' | 'refused';
  status?: SubmissionStatus;
  waitingOn?: string | null;
  revision?: number;
  code?: string;
  message?: string;
}

export interface ApprovalsAnswer {
  approved: number;
  refused: number;
  results: ApprovalResult[];
}

export interface ProgressCounts {
  expected: number;
  missing: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

export interface VillageProgress extends ProgressCounts {
  code: string;
  name: string;
}

export interface ProgressReport {
  form: { id: string; title: string };
  campaign: { id: string; title: string; year: number };
  /** Kinds expected to fill the form; null: none (only what was filled is counted). */
  kinds: string[] | null;
  townships: (VillageProgress & { villages: VillageProgress[] })[];
  total: ProgressCounts;
  byKind: (ProgressCounts & { kind: string })[];
}

export interface MissingHousehold {
  id: string;
  divisionCode: string;
  villageName: string;
  headName: string;
  headIdNumber: string;
  kind: string | null;
  phone: string | null;
  address: string | null;
  memberCount: number;
}

export interface VillageCount {
  code: string;
  name: string;
  count: number;
}

export interface WarnedSubmission {
  id: string;
  formId: string;
  formTitle: string;
  formVersion: number;
  campaignId: string;
  divisionCode: string;
  villageName: string;
  householdId: string | null;
  headName: string;
  headIdNumber: string;
  status: SubmissionStatus;
  statusLabel: string;
  warnings: { path: string; field: string; message: string }[];
}

/** A household registering a duplicated ID number; outside the user's area only its division is shown. */
export interface DuplicateHolder {
  inScope: boolean;
  divisionCode: string;
  villageName: string;
  householdId?: string;
  headName?: string;
  headIdNumber?: string;
  memberName?: string;
  relation?: string | null;
}

export interface DuplicateNumber {
  idNumber: string;
  holders: DuplicateHolder[];
}

export interface QualityAnswer<T> extends Paged<T> {
  villages: VillageCount[];
}

export type * from './adminTypes';
