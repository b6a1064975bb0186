// What both stores' household-state reads share, SQL dialect aside: the columns read of a
// submission, the row shape, and the folding of the rows (households in order, each joined to its
// submissions) into the answer. Each store writes its own statements (sqlite/ and postgres/
// householdStates.ts).
import type { HouseholdGlance, SubmissionGlance } from './Store';
import type { SubmissionStatus } from './records';

export interface HouseholdStateRow {
  id: string; division_code: string; head_name: string; head_id_number: string; kind: string | null; address: string | null; member_count: number;
  s_id: string | null; form_id: string; campaign_id: string; s_division: string; s_head: string; status: SubmissionStatus;
  revision: number; return_comment: string | null; updated_at: string;
}

export const SUBMISSION_COLUMNS = `s.id AS s_id, s.form_id, s.campaign_id, s.division_code AS s_division, s.head_name AS s_head, s.status,
  s.revision, s.return_comment, s.updated_at`;

export function glance(r: HouseholdStateRow, householdId: string | null): SubmissionGlance {
  return {
    id: r.s_id!, formId: r.form_id, campaignId: r.campaign_id, householdId, divisionCode: r.s_division, headName: r.s_head,
    status: r.status, revision: r.revision, returnComment: r.return_comment, updatedAt: r.updated_at,
  };
}

/** Rows ordered by household: one household per run of rows, with the submissions the rows joined. */
export function foldHouseholds(rows: HouseholdStateRow[]): HouseholdGlance[] {
  const households: HouseholdGlance[] = [];
  for (const r of rows) {
    let h = households.at(-1);
    if (h?.id !== r.id) {
      h = { id: r.id, divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number, kind: r.kind, address: r.address, memberCount: r.member_count, submissions: [] };
      households.push(h);
    }
    if (r.s_id !== null) h.submissions.push(glance(r, r.id));
  }
  return households;
}
