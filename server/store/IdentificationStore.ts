// The store's part for the identification pipeline (issue 17), one of the interfaces the Store is
// made of: each village's list of households to verify, departments' warning lists and
// residents' own applications.
import type { ApplicationRecord, NewApplication, SubmittedApplication } from './applicationRecord';
import type { HouseholdWarningRecord, PersonMatch, PersonQuery } from './householdWarning';
import type { Page, Paged } from './Store';
import type { NewVerificationItem, VerificationCount, VerificationFilter, VerificationItemRecord } from './verificationItem';

export interface IdentificationStore {
  // households to verify (重点核查户, issue 17): one list per village
  /**
   * Adds an open item. One open item per application or warning (source + sourceRef): when one is
   * open already, that one is answered and nothing is written (its id is not `item.id`).
   * StoreConflict('exists') when the id is taken.
   */
  addVerificationItem(item: NewVerificationItem): Promise<VerificationItemRecord>;
  /** A page of the items a filter selects, the longest waiting first. */
  listVerificationItems(filter: VerificationFilter, page: Page): Promise<Paged<VerificationItemRecord>>;
  /** How many items a filter selects, per state and source, with the oldest's receivedAt. */
  countVerificationItems(filter: VerificationFilter): Promise<VerificationCount[]>;
  getVerificationItem(id: string): Promise<VerificationItemRecord | null>;
  /**
   * Compare-and-set: closes an open item with its reason (revision + 1); StoreConflict('revision')
   * when the revision moved or the item is no longer open. Null when there is no such item. The
   * application it came from becomes 'not_included' with the reason, in the same transaction.
   * (An item becomes 'included' only with the final approval of its submission: approveWithEffects.)
   */
  closeVerificationItem(id: string, reason: string, expectedRevision: number, at: string): Promise<VerificationItemRecord | null>;
  /**
   * Links an open item to the identification form's submission opened for it (StoreConflict('revision')
   * when not open); the application it came from becomes 'verifying'.
   */
  linkVerificationItem(id: string, submissionId: string, at: string): Promise<VerificationItemRecord | null>;

  // departments' warning lists (行业部门筛查预警, issue 17)
  /** Registered members with one of the ID numbers, or of the name in the village, with their household. */
  findPersons(query: PersonQuery): Promise<PersonMatch[]>;
  /** All or nothing: each warning on its household, and for each an open verification item (source 'warning'). */
  addHouseholdWarnings(warnings: HouseholdWarningRecord[]): Promise<void>;
  /** A household's warnings, the latest list first. */
  listHouseholdWarnings(householdId: string): Promise<HouseholdWarningRecord[]>;
  // residents' own applications (纳入监测申请, issue 17)
  /**
   * Stores an application, or, when the same ID number has an open application ('received' or
   * 'verifying': its item not yet closed or included) in the county, merges it into that one (its answers replace the earlier ones; receipt and receivedAt stay).
   * Two sent at once, on one server or two, end as one. StoreConflict('exists') when the id or receipt is taken.
   */
  submitApplication(application: NewApplication): Promise<SubmittedApplication>;
  getApplicationByReceipt(receipt: string): Promise<ApplicationRecord | null>;
  /** The application's item in its village's list of households to verify, whose state its status follows from then on. */
  linkApplicationItem(id: string, verificationItemId: string): Promise<void>;
}
