// The officer's household states in SQLite: one pass over the area's households (the village,
// kind, head name index), each joined to its submissions of the campaigns' forms (the household,
// form, campaign index), then the submissions that have no household yet. Two statements
// whatever the number of households.
import type Database from 'better-sqlite3';
import type { HouseholdGlance, HouseholdStateQuery, HouseholdStates, SubmissionGlance } from '../Store';
import type { SubmissionStatus } from '../records';
import { scopeClause, where, type Clause } from './scopeClause';

interface Row {
  id: string; division_code: string; head_name: string; head_id_number: string; kind: string | null; address: string | null; member_count: number;
  s_id: string | null; form_id: string; campaign_id: string; s_division: string; s_head: string; status: SubmissionStatus;
  revision: number; return_comment: string | null; updated_at: string;
}

const SUBMISSION_COLUMNS = `s.id AS s_id, s.form_id, s.campaign_id, s.division_code AS s_division, s.head_name AS s_head, s.status,
  s.revision, s.return_comment, s.updated_at`;

function inList(column: string, values: string[]): Clause {
  return values.length ? { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values } : { sql: '0', params: [] };
}

function glance(r: Row, householdId: string | null): SubmissionGlance {
  return {
    id: r.s_id!, formId: r.form_id, campaignId: r.campaign_id, householdId, divisionCode: r.s_division, headName: r.s_head,
    status: r.status, revision: r.revision, returnComment: r.return_comment, updatedAt: r.updated_at,
  };
}

function area(column: string, query: HouseholdStateQuery): Clause[] {
  return [scopeClause(column, query.scope), ...(query.division ? [scopeClause(column, [query.division])] : [])];
}

export function selectHouseholdStates(db: Database.Database, query: HouseholdStateQuery): HouseholdStates {
  // The submission's own division is in scope too: one moved with its household may have left it.
  const join = [inList('s.form_id', query.formIds), inList('s.campaign_id', query.campaignIds), scopeClause('s.division_code', query.scope)];
  const w = where(area('h.division_code', query));
  const rows = db.prepare(`SELECT h.id, h.division_code, h.head_name, h.head_id_number, h.kind, h.address,
      (SELECT COUNT(*) FROM household_members m WHERE m.household_id = h.id) AS member_count, ${SUBMISSION_COLUMNS}
    FROM households h LEFT JOIN submissions s ON s.household_id = h.id AND ${join.map((c) => c.sql).join(' AND ')}
    ${w.sql} ORDER BY h.division_code, h.head_name, h.id, s.updated_at, s.id`).all(...join.flatMap((c) => c.params), ...w.params) as Row[];
  const households: HouseholdGlance[] = [];
  for (const r of rows) {
    let h = households.at(-1);
    if (h?.id !== r.id) {
      h = { id: r.id, divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number, kind: r.kind, address: r.address, memberCount: r.member_count, submissions: [] };
      households.push(h);
    }
    if (r.s_id !== null) h.submissions.push(glance(r, r.id));
  }
  const orphans = where([{ sql: 's.household_id IS NULL', params: [] }, ...join.slice(0, 2), ...area('s.division_code', query)]);
  const unregistered = (db.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions s ${orphans.sql} ORDER BY s.division_code, s.head_name, s.id`)
    .all(...orphans.params) as Row[]).map((r) => glance(r, null));
  return { households, unregistered };
}
