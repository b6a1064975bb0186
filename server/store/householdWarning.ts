// What the store keeps of a department's warning list (行业部门筛查预警, issue 17): each matched
// row as a warning on the household (visible to its officer and reviewers), and the registered
// people an imported row may be (matched by ID number, or by name within a village).

export interface HouseholdWarningRecord {
  id: string;
  householdId: string;
  divisionCode: string;
  /** The department that sent the list (医保局, 民政局…). */
  department: string;
  /** The list's date (YYYY-MM-DD). */
  listDate: string;
  name: string;
  idNumber: string | null;
  reason: string;
  importedAt: string;
  importedBy: string;
}

/** A registered member: who an imported row may be. */
export interface PersonMatch {
  householdId: string;
  divisionCode: string;
  headName: string;
  name: string;
  idNumber: string;
}

export interface PersonQuery {
  idNumbers: string[];
  /** Names within a village (rows without an ID number). */
  names: { divisionCode: string; name: string }[];
}
