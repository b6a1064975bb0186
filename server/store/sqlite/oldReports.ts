// The reviewers' reports in SQLite: counts per village (GROUP BY over covering indexes, see the
// reports migration in schema.ts), the households still missing a form, and member ID numbers
// held by two households. Nothing here loads rows to count them.
import type Database from 'better-sqlite3';
import { duplicateNumbers } from '../duplicateNumbers';
import type { DivisionCount, DuplicateFilter, DuplicateMember, Page, Paged, ProgressCount, ProgressQuery, SubmissionFilter } from '../Store';
import type { HouseholdRecord } from '../records';
import { withMembers, type HouseholdRow } from './registry';
import { scopeClause, where, type Clause } from './scopeClause';
import { filterClause } from './oldSubmissions';

export function countByDivision(db: Database.Database, filter: SubmissionFilter): DivisionCount[] {
  const w = filterClause(filter);
  return (db.prepare(`SELECT division_code, COUNT(*) AS n FROM submissions ${w.sql} GROUP BY division_code ORDER BY division_code`)
    .all(...w.params) as { division_code: string; n: number }[]).map((r) => ({ divisionCode: r.division_code, count: r.n }));
}

function householdScope(query: ProgressQuery | DuplicateFilter): Clause[] {
  const clauses = [scopeClause('h.division_code', query.scope)];
  if (query.division) clauses.push(scopeClause('h.division_code', [query.division]));
  return clauses;
}

const byCode = (a: ProgressCount, b: ProgressCount) =>
  (a.divisionCode === b.divisionCode ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.divisionCode < b.divisionCode ? -1 : 1);

interface CountRow { division_code: string; kind: string; households: number; unfilled: number; draft: number; submitted: number; returned: number; approved: number }

const STATUS_SUMS = ['draft', 'submitted', 'returned', 'approved'].map((s) => `COUNT(CASE WHEN s.status = '${s}' THEN 1 END) AS ${s}`).join(', ');

/**
 * One pass over the area's households (index order: village, kind), each joined to its
 * submissions of the form in the campaign: a household with none joins one empty row, so it
 * counts as missing. Then the submissions with no household, per village.
 */
export function summarizeProgress(db: Database.Database, query: ProgressQuery): ProgressCount[] {
  const expected = new Set(query.kinds ?? []);
  const w = where(householdScope(query));
  const rows = db.prepare(`SELECT h.division_code, COALESCE(h.kind, '') AS kind, COUNT(DISTINCT h.id) AS households,
      COUNT(CASE WHEN s.household_id IS NULL THEN 1 END) AS unfilled, ${STATUS_SUMS}
    FROM households h LEFT JOIN submissions s ON s.household_id = h.id AND s.form_id = ? AND s.campaign_id = ?
    ${w.sql} GROUP BY h.division_code, h.kind`).all(query.formId, query.campaignId, ...w.params) as CountRow[];
  const out: ProgressCount[] = [];
  for (const r of rows) {
    const counted = expected.has(r.kind);
    if (!counted && r.unfilled === r.households) continue;
    out.push({
      divisionCode: r.division_code, kind: r.kind, expected: counted ? r.households : 0, missing: counted ? r.unfilled : 0,
      draft: r.draft, submitted: r.submitted, returned: r.returned, approved: r.approved,
    });
  }
  const orphans = where([
    { sql: 's.form_id = ? AND s.campaign_id = ? AND s.household_id IS NULL', params: [query.formId, query.campaignId] },
    scopeClause('s.division_code', query.scope),
    ...(query.division ? [scopeClause('s.division_code', [query.division])] : []),
  ]);
  const unregistered = db.prepare(`SELECT s.division_code, ${STATUS_SUMS} FROM submissions s ${orphans.sql} GROUP BY s.division_code`)
    .all(...orphans.params) as Omit<CountRow, 'kind' | 'households' | 'unfilled'>[];
  for (const r of unregistered) {
    out.push({ divisionCode: r.division_code, kind: '', expected: 0, missing: 0, draft: r.draft, submitted: r.submitted, returned: r.returned, approved: r.approved });
  }
  return out.sort(byCode);
}

function missingClause(query: ProgressQuery): Clause {
  const kinds = query.kinds ?? [];
  return where([
    ...householdScope(query),
    { sql: `h.kind IN (${kinds.map(() => '?').join(', ')})`, params: kinds },
    { sql: 'NOT EXISTS (SELECT 1 FROM submissions s WHERE s.household_id = h.id AND s.form_id = ? AND s.campaign_id = ?)', params: [query.formId, query.campaignId] },
  ]);
}

export function selectMissingHouseholds(db: Database.Database, query: ProgressQuery, page: Page): Paged<HouseholdRecord> {
  if (!query.kinds?.length) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const w = missingClause(query);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM households h ${w.sql}`).get(...w.params) as { n: number }).n;
  // The page's ids from the covering index first, then only those rows.
  const rows = db.prepare(`SELECT h.* FROM households h JOIN (SELECT h.id AS pick FROM households h ${w.sql}
      ORDER BY h.division_code, h.head_name, h.id LIMIT ? OFFSET ?) p ON p.pick = h.id
    ORDER BY h.division_code, h.head_name, h.id`).all(...w.params, page.pageSize, (page.page - 1) * page.pageSize) as HouseholdRow[];
  return { items: withMembers(db, rows), total, page: page.page, pageSize: page.pageSize };
}

export function findDuplicateMembers(db: Database.Database, filter: DuplicateFilter, page: Page): Paged<DuplicateMember> & { byDivision: DivisionCount[] } {
  // One pass over the area's members: those whose number another household holds too (few).
  const w = where([
    ...householdScope(filter),
    { sql: `m.id_number <> '' AND EXISTS (SELECT 1 FROM household_members o WHERE o.id_number = m.id_number AND o.household_id <> m.household_id)`, params: [] },
  ]);
  const found = db.prepare(`SELECT m.id_number, h.division_code FROM households h JOIN household_members m ON m.household_id = h.id ${w.sql}`)
    .all(...w.params) as { id_number: string; division_code: string }[];
  const { chosen, total, byDivision } = duplicateNumbers(found, page);
  const items = new Map<string, DuplicateMember>(chosen.map((n) => [n, { idNumber: n, holders: [] }]));
  if (chosen.length) {
    const holders = db.prepare(`SELECT m.id_number, m.household_id, h.division_code, h.head_name, h.head_id_number, m.name,
        json_extract(m.attributes, '$.relation') AS relation
      FROM household_members m JOIN households h ON h.id = m.household_id
      WHERE m.id_number IN (${chosen.map(() => '?').join(', ')})
      ORDER BY m.id_number, h.division_code, h.head_name, h.id, m.position`).all(...chosen) as
      { id_number: string; household_id: string; division_code: string; head_name: string; head_id_number: string; name: string; relation: unknown }[];
    for (const r of holders) {
      items.get(r.id_number)!.holders.push({
        householdId: r.household_id, divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number,
        memberName: r.name, relation: typeof r.relation === 'string' ? r.relation : null,
      });
    }
  }
  return { items: [...items.values()], total, page: page.page, pageSize: page.pageSize, byDivision };
}
