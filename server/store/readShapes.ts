// What the store's area-wide reads take and answer: household states for the officer's lists,
// progress counts, duplicated ID numbers. Shapes only; Store.ts re-exports them, so callers keep
// importing from the contract.
import type { ProgressCounts } from '@engine/contract';
import type { SubmissionStatus } from './records';

/** What listHouseholdStates reads: an area (scope, narrowed to a division) and the forms of some campaigns. */
export interface HouseholdStateQuery {
  scope: string[];
  division?: string;
  campaignIds: string[];
  formIds: string[];
}

/** A submission as a household list shows it: its state, never its data. */
export interface SubmissionGlance {
  id: string;
  formId: string;
  campaignId: string;
  householdId: string | null;
  divisionCode: string;
  headName: string;
  status: SubmissionStatus;
  revision: number;
  returnComment: string | null;
  updatedAt: string;
}

export interface HouseholdGlance {
  id: string;
  divisionCode: string;
  headName: string;
  headIdNumber: string;
  kind: string | null;
  address: string | null;
  memberCount: number;
  /** By last change, oldest first. */
  submissions: SubmissionGlance[];
}

export interface HouseholdStates {
  households: HouseholdGlance[];
  /** Submissions with no registry household (an identification not yet approved), by division, head name, id. */
  unregistered: SubmissionGlance[];
}

export interface DivisionCount {
  divisionCode: string;
  count: number;
}

/** What a progress report counts: a form's submissions in a campaign and, with kinds, the households expected to fill it. */
export interface ProgressQuery {
  scope: string[];
  formId: string;
  campaignId: string;
  division?: string;
  /** The registry kinds expected to fill the form (its appliesTo.kinds); null: nobody is expected. */
  kinds: string[] | null;
}

/**
 * One village and household kind: expected households (of query.kinds; else 0), those with no
 * submission, and submissions by status. Households count where they are registered now;
 * submissions with no household (an identification not yet approved) under kind ''. The counts
 * are the API contract's ProgressCounts (expected, missing, and one per status).
 */
export interface ProgressCount extends ProgressCounts {
  divisionCode: string;
  /** The household's kind in the registry; '' for none. */
  kind: string;
}

export interface DuplicateFilter {
  scope: string[];
  division?: string;
}

export interface DuplicateMember {
  idNumber: string;
  /** Every household registering the number, in scope or not, by division code, head name, id. */
  holders: { householdId: string; divisionCode: string; headName: string; headIdNumber: string; memberName: string; relation: string | null }[];
}
