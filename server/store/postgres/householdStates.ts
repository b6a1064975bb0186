// The officer's household states in PostgreSQL, answering exactly as the SQLite store does: one
// pass over the area's households, each joined to its submissions of the campaigns' forms, then
// the submissions that have no household yet. Two statements whatever the number of households.
import { foldHouseholds, glance, SUBMISSION_COLUMNS, type HouseholdStateRow as Row } from '../householdStateRows';
import type { HouseholdStateQuery, HouseholdStates } from '../Store';
import type { Db } from './openPool';
import { Params, scopeClause, where } from './scopeClause';


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
  const households = foldHouseholds(rows);
  const p = new Params();
  const orphans = where(['s.household_id IS NULL', ...forms(query, p), ...area('s.division_code', query, p)]);
  const unregistered = (await db.query<Row>(`SELECT ${SUBMISSION_COLUMNS} FROM submissions s ${orphans}
    ORDER BY s.division_code, s.head_name, s.id`, p.values)).rows.map((r) => glance(r, null));
  return { households, unregistered };
}
