// The tables the shared query definitions read, as Kysely sees them: column names and the values
// both dialects hand back alike. JSON columns are `unknown` here (text in SQLite, parsed jsonb in
// PostgreSQL): each store reads those into its records itself.
export interface HouseholdsTable {
  id: string; division_code: string; head_name: string; head_id_number: string; phone: string | null; address: string | null;
  kind: string | null; identified_month: string | null; risk_eliminated_month: string | null; risk_elimination_method: string | null;
  main_risk: string | null; removed_members: unknown; revision: number; created_at: string; updated_at: string;
}

export interface HouseholdMembersTable { household_id: string; position: number; name: string; id_number: string; attributes: unknown }

export interface SubmissionsTable {
  id: string; form_id: string; form_version: number; campaign_id: string; household_id: string | null; division_code: string;
  head_name: string; head_id_number: string; status: string; review_level: number; data: unknown; errors: unknown; warnings: unknown;
  prefill: unknown; request_hash: string; revision: number; return_comment: string | null; unique_key: string | null;
  explanations: unknown; field_notes: unknown; created_by: string; updated_by: string; created_at: string; updated_at: string;
  submitted_at: string | null; approved_at: string | null;
}

export interface VerificationItemsTable {
  id: string; division_code: string; household_id: string | null; id_number: string | null; name: string; source: string;
  source_ref: string | null; reason: string; received_at: string; state: string; closed_reason: string | null;
  submission_id: string | null; created_by: string | null; updated_at: string; revision: number;
}

export interface HouseholdWarningsTable {
  id: string; household_id: string; division_code: string; department: string; list_date: string; name: string;
  id_number: string | null; reason: string; imported_at: string; imported_by: string;
}

export interface StoreTables {
  household_warnings: HouseholdWarningsTable;
  households: HouseholdsTable;
  verification_items: VerificationItemsTable;
  household_members: HouseholdMembersTable;
  submissions: SubmissionsTable;
}
