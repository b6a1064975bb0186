// What the store keeps about a household to verify (重点核查户, issue 17): one list per village,
// fed by applications (自主申请), departments' warning lists (行业部门筛查预警) and officers' own
// findings. Each waits 'open' until the officer's visit ends it: 'included' (the identification
// form it opened was approved) or 'closed' with a reason (不符合, 已是监测对象, …).
import { StoreConflict } from './Store';

export type VerificationSource = 'application' | 'warning' | 'officer';
export type VerificationState = 'open' | 'included' | 'closed';

export const VERIFICATION_SOURCES: readonly VerificationSource[] = ['application', 'warning', 'officer'];
export const VERIFICATION_STATES: readonly VerificationState[] = ['open', 'included', 'closed'];

export interface VerificationItemRecord {
  id: string;
  /** The village (12 digits). */
  divisionCode: string;
  /** The registered household, null when the person is in no registered household. */
  householdId: string | null;
  /** 18-digit 身份证号, null when the source gave none. */
  idNumber: string | null;
  name: string;
  source: VerificationSource;
  /** The application's or the warning's id; null for an officer's own finding. */
  sourceRef: string | null;
  reason: string;
  receivedAt: string;
  state: VerificationState;
  closedReason: string | null;
  /** The identification form's submission opened for it (a phone's draft id until it is sent). */
  submissionId: string | null;
  /** Who added it (an officer's finding, an administrator's import); null for an application. */
  createdBy: string | null;
  updatedAt: string;
  revision: number;
}

export type NewVerificationItem = Omit<VerificationItemRecord, 'state' | 'closedReason' | 'submissionId' | 'updatedAt' | 'revision'>;

export interface VerificationFilter {
  /** The caller's scope: division code prefixes (empty: none visible). */
  scope: string[];
  division?: string;
  state?: VerificationState;
  source?: VerificationSource;
  householdId?: string;
  submissionId?: string;
}

/** How many items of one state and source a filter selects. */
export interface VerificationCount {
  state: VerificationState;
  source: VerificationSource;
  count: number;
  /** The earliest receivedAt among them (how long the oldest waits). */
  oldest: string;
}

/**
 * An item whose identification form is with the reviewers (submitted) or decided (approved) is
 * not closed beside them: the review includes the household or returns the form first.
 */
export function refuseInReview(linkedStatus: string | undefined): void {
  if (linkedStatus === 'submitted' || linkedStatus === 'approved') {
    throw new StoreConflict('in_review', linkedStatus === 'submitted' ? '该户的认定表已提交，正在审核' : '该户的认定表已审核通过');
  }
}
