// What GET /api/households/states answers (the contract's HouseholdStates; server/routes/householdStates.ts): the forms of the
// open campaigns with the kinds expected to fill them, each household of the area with the state
// of its submissions, and the identifications that have no household yet.
export type { HouseholdState, HouseholdStates, StateForm, SubmissionState } from '@engine/contract';

export const statesPath = (division?: string) => (division ? `/api/households/states?division=${division}` : '/api/households/states');
