// The store's part for 民主评议 and 公示 (issue 17), one of the interfaces the Store is made of:
// what villages record for the approval chain's steps, each record linked to the submissions it
// concerns. A record's write also writes one event on each submission it concerns, at the
// revision the recorder saw, in the same transaction: the submission's revision moves, so an
// approval decided on the gate as it was before (a concurrent one) is refused by its own
// compare-and-set and can never pass a gate the record just closed.
import type { DeliberationRecord } from '@engine';
import type { SubmissionEvent } from './records';

/** A submission a record concerns: written at the revision the recorder saw, with its event. */
export interface DeliberationTouch {
  id: string;
  expectedRevision: number;
  event: Omit<SubmissionEvent, 'id'>;
}

export interface DeliberationWrite {
  /** The record as it is to be stored (its revision is the store's). */
  record: Omit<DeliberationRecord, 'revision'>;
  /** null: a new record (StoreConflict('exists') when the id is taken); else compare-and-set on its revision. */
  expectedRevision: number | null;
  touches: DeliberationTouch[];
}

export interface DeliberationFilter {
  /** The records concerning this submission. */
  submissionId?: string;
  campaignId?: string;
  formId?: string;
  /** Records of divisions starting with this code. */
  division?: string;
  kind?: DeliberationRecord['kind'];
}

export interface DeliberationStore {
  /**
   * Writes the record and one event on each submission it touches (revision + 1), all or nothing.
   * StoreConflict('revision') when a submission or the record moved from the revision stated.
   */
  saveDeliberation(write: DeliberationWrite): Promise<DeliberationRecord>;
  getDeliberation(id: string): Promise<DeliberationRecord | null>;
  /** The records a filter selects, oldest first. */
  listDeliberations(filter: DeliberationFilter): Promise<DeliberationRecord[]>;
}
