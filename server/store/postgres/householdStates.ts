// The officer's household states in PostgreSQL, answering exactly as the SQLite store does: one
// pass over the area's households, each joined to its submissions of the campaigns' forms, then
// the submissions that have no household yet. Two statements whatever the number of households.
import type { HouseholdGlance, HouseholdStateQuery, HouseholdStates, SubmissionGlance } from '../Store';
import type { SubmissionStatus } from '../records';
import type { Db } from './openPool';
import { Params, scopeClause, where } from './scopeClause';

interface Row {
  id: string; division_code: string; head_name: string; head_id_number: string; kind: string | null; address: string | null; member_count: number;
  s_id: string | null; form_id: string; campaign_id: string; s_division: string; s_head: string; status: SubmissionStatus;
  revision: number; return_comment: string | null; updated_at: string;
}

const SUBMISSION_COLUMNS = `s.id AS s_id, s.form_id, s.campaign_id, s.division_code AS s_division, s.head_name AS s_head, s.status,
  s.revision, s.return_comment, s.updated_at`;

function glance(r: Row, householdId: string | null): SubmissionGlance {
  return {
    id: r.s_id!, formId: r.form_id, campaignId: r.campaign_id, householdId, divisionCode: r.s_division, headName: r.s_head,
    status: r.status, revision: r.revision, returnComment: r.return_comment, updatedAt: r.updated_at,
  };
}

function area(column: string, query: HouseholdStateQuery, params: Params): string[] {
  return [scopeClause(column, query.scope, params), ...(query.division ? [scopeClause(column, [query.division], params)] : [])];
}

const forms = (query: HouseholdStateQuery, params: Params) =>
  [`s.form_id = ANY(${params.add(query.formIds)}::text[])`, `s.campaign_id = ANY(${params.add(query.campaignIds)}::text[])`];

/** Run in one snapshot (see snapshot()): the households and the unregistered agree. */
export async function selectHouseholdStates(db: Db, query: HouseholdStateQuery): Promise<HouseholdStates> {
  const params = new Params();
  // The submission's own division is in scope too: one moved with its household may have left it.
  const join = [...forms(query, params), scopeClause('s.division_code', query.scope, params)].join(' AND ');
  const w = where(area('h.division_code', query, params));
  const rows = (await db.query<Row>(`SELECT h.id, h.division_code, h.head_name, h.head_id_number, h.kind, h.address,
      (SELECT COUNT(*)::int FROM household_members m WHERE m.household_id = h.id) AS member_count, ${SUBMISSION_COLUMNS}
    FROM households h LEFT JOIN submissions s ON s.household_id = h.id AND ${join}
    ${w} ORDER BY h.division_code, h.head_name, h.id, s.updated_at, s.id`, params.values)).rows;
  const households: HouseholdGlance[] = [];
  for (const r of rows) {
    let h = households.at(-1);
    if (h?.id !== r.id) {
      h = { id: r.id, divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number, kind: r.kind, address: r.address, memberCount: r.member_count, submissions: [] };
      households.push(h);
    }
    if (r.s_id !== null) h.submissions.push(glance(r, r.id));
  }
  const p = new Params();
  const orphans = where(['s.household_id IS NULL', ...forms(query, p), ...area('s.division_code', query, p)]);
  const unregistered = (await db.query<Row>(`SELECT ${SUBMISSION_COLUMNS} FROM submissions s ${orphans}
    ORDER BY s.division_code, s.head_name, s.id`, p.values)).rows.map((r) => glance(r, null));
  return { households, unregistered };
}
