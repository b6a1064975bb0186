// The officer's household states in SQLite: one pass over the area's households (the village,
// kind, head name index), each joined to its submissions of the campaigns' forms (the household,
// form, campaign index), then the submissions that have no household yet. Two statements
// whatever the number of households.
import type Database from 'better-sqlite3';
import { foldHouseholds, glance, SUBMISSION_COLUMNS, type HouseholdStateRow as Row } from '../householdStateRows';
import type { HouseholdStateQuery, HouseholdStates } from '../Store';
import { scopeClause, where, type Clause } from './scopeClause';


function inList(column: string, values: string[]): Clause {
  return values.length ? { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values } : { sql: '0', params: [] };
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
  const households = foldHouseholds(rows);
  const orphans = where([{ sql: 's.household_id IS NULL', params: [] }, ...join.slice(0, 2), ...area('s.division_code', query)]);
  const unregistered = (db.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions s ${orphans.sql} ORDER BY s.division_code, s.head_name, s.id`)
    .all(...orphans.params) as Row[]).map((r) => glance(r, null));
  return { households, unregistered };
}
