// What GET /api/households/states answers (see server/routes/householdStates.ts): the forms of the
// open campaigns with the kinds expected to fill them, each household of the area with the state
// of its submissions, and the identifications that have no household yet.
import type { SubmissionStatus } from '../api/types';

export interface StateForm {
  campaignId: string;
  campaignTitle: string;
  year: number;
  formId: string;
  formTitle: string;
  /** The household kinds expected to fill it; null: filled only where something happened. */
  kinds: string[] | null;
  /** Division codes the campaign covers; empty: everywhere. */
  divisions: string[];
}

export interface SubmissionState {
  id: string;
  formId: string;
  campaignId: string;
  status: SubmissionStatus;
  revision: number;
  returnComment: string | null;
  updatedAt: string;
}

export interface HouseholdState {
  id: string;
  divisionCode: string;
  headName: string;
  headIdNumber: string;
  kind: string | null;
  address: string | null;
  memberCount: number;
  submissions: SubmissionState[];
}

export interface HouseholdStates {
  forms: StateForm[];
  households: HouseholdState[];
  unregistered: (SubmissionState & { divisionCode: string; headName: string })[];
  at: string;
}

export const statesPath = (division?: string) => (division ? `/api/households/states?division=${division}` : '/api/households/states');
