// What the store keeps about a resident's own application (纳入监测申请, 自主申请, issue 17): who
// applied, in which village, the answers as the published form checked them, and where it stands.
// One open application per ID number and county: a second one is merged into it (its answers
// replace the first's, the receipt stays), so a household is one application however often it sends.
import type { FormData } from '@engine';

/**
 * received → verifying (the officer opened the identification form) → included | not_included (with
 * the reason). The store moves it with the application's item in the village's list (linking,
 * closing, the final approval), in the same transaction; a household that applies after a decision
 * starts a new application with its own receipt.
 */
export type ApplicationState = 'received' | 'verifying' | 'included' | 'not_included';

export const OPEN_APPLICATION_STATES: readonly ApplicationState[] = ['received', 'verifying'];

export interface ApplicationRecord {
  id: string;
  /** What the resident keeps: 12 characters of base32 without 0, O, 1, I (receiptNumber.ts). */
  receipt: string;
  /** The county it was sent to (6 digits). */
  county: string;
  /** The village chosen (12 digits). */
  divisionCode: string;
  idNumber: string;
  name: string;
  phone: string;
  formId: string;
  formVersion: number;
  data: FormData;
  state: ApplicationState;
  /** Why it was not included (not_included only). */
  reason: string | null;
  receivedAt: string;
  updatedAt: string;
  /** How many later applications were merged into it. */
  merges: number;
  /** Its item in the village's list of households to verify (重点核查户), whose state its status follows. */
  verificationItemId: string | null;
}

export type NewApplication = Omit<ApplicationRecord, 'state' | 'reason' | 'updatedAt' | 'merges' | 'verificationItemId'>;

export interface SubmittedApplication {
  application: ApplicationRecord;
  /** It went into an open application of the same ID number and county, whose receipt it answers. */
  merged: boolean;
}
