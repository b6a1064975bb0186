// A submission as the phone keeps it: the data being filled, what the server last acknowledged
// (its revision and status), and what is still to send. The id is the client-made UUID the
// server stores, so sending it twice stores nothing twice.
import type { FormData, Issue } from '@engine';
import type { CampaignOfSubmission, CampaignSummary, FieldNote, MoveNotice, SubmissionStatus } from '../api/types';
import type { QueueState } from './queueState';

export type PendingAction = 'save' | 'submit';

/** The server's copy when it differs from the phone's (a 409 on the revision): shown beside mine. */
export interface TheirCopy {
  revision: number;
  status: SubmissionStatus;
  data: FormData;
  returnComment: string | null;
  updatedAt: string;
  /** Who changed it last, as the history names them. */
  updatedBy: string | null;
}

export interface LocalDraft {
  id: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  campaignId: string | null;
  /**
   * The draft's own campaign as it was read (title, year, parameters): the form is labelled and
   * computed with it, whatever other campaigns are open or closed since (absent in drafts kept before it).
   * Read from the server, it also says whether it is open and the version of the form it serves now.
   */
  campaign?: (CampaignSummary & Partial<Pick<CampaignOfSubmission, 'status' | 'formVersion'>>) | null;
  householdId: string | null;
  /** householdId, or "new:<division>" for an identification: IndexedDB cannot index null. */
  householdKey: string;
  headName: string;
  divisionCode: string;
  data: FormData;
  /** The registry values the form was pre-filled with (the fields to verify). */
  prefill: FormData;
  /** Pre-filled fields the officer confirmed (核实无误). */
  confirmed: string[];
  /** The officer's explanations of warnings (核实说明), by rule id (absent in drafts kept before them). */
  explanations?: Record<string, string>;
  /** The last move of the submission to a new version, as the server told it (absent: none). */
  moveNotice?: MoveNotice | null;
  /** The reviewer's notes on fields when the submission was returned (absent: none). */
  fieldNotes?: FieldNote[];
  serverRevision: number | null;
  serverStatus: SubmissionStatus | null;
  returnComment: string | null;
  /** What is still to be sent; null when the server has everything. */
  pending: PendingAction | null;
  /** Where the pending action stands in the queue (absent on drafts kept before it existed: waiting). */
  queueState?: QueueState | null;
  /** Failed attempts in a row (a server error or a cut connection), for the back-off. */
  attempts?: number;
  /** When the next attempt is due, after a failed one. */
  nextAttemptAt?: string | null;
  /** The server's differing copy, while the officer chooses between it and theirs. */
  theirs?: TheirCopy | null;
  /** The last refusal or trouble in sending, in Chinese. */
  problem: string | null;
  /** The server's issues from its last refusal (a 422). */
  serverIssues: Issue[];
  /** Another submission of this household and campaign already exists (one per household). */
  duplicateOf: string | null;
  updatedAt: string;
  syncedAt: string | null;
  /**
   * Who the draft belongs to on a phone shared by several users: the one signed in when it was
   * kept here first (absent in drafts kept before owners: everyone's). Only they see it and send it.
   */
  owner?: DraftOwner | null;
}

export interface DraftOwner {
  id: string;
  displayName: string;
}

export function householdKeyOf(householdId: string | null, divisionCode: string): string {
  return householdId ?? `new:${divisionCode}`;
}
