// The reviewers' reports in PostgreSQL, answering exactly as the SQLite store does: counts per
// village (GROUP BY over covering indexes, see the reports migration in schema.ts), the
// households still missing a form, and member ID numbers held by two households. Nothing here
// loads rows to count them.
import { duplicateNumbers } from '../duplicateNumbers';
import type { DivisionCount, DuplicateFilter, DuplicateMember, Page, Paged, ProgressCount, ProgressQuery, SubmissionFilter } from '../Store';
import type { HouseholdRecord } from '../records';
import type { Db } from './openPool';
import { pageOfHouseholds } from './registry';
import { Params, scopeClause, where } from './scopeClause';
import { filterClause } from './submissions';

export async function countByDivision(db: Db, filter: SubmissionFilter): Promise<DivisionCount[]> {
  const params = new Params();
  const w = filterClause(filter, params);
  const rows = (await db.query<{ division_code: string; n: number }>(
    `SELECT division_code, COUNT(*)::int AS n FROM submissions ${w} GROUP BY division_code ORDER BY division_code`, params.values)).rows;
  return rows.map((r) => ({ divisionCode: r.division_code, count: r.n }));
}

function householdScope(query: ProgressQuery | DuplicateFilter, params: Params): string[] {
  const conditions = [scopeClause('h.division_code', query.scope, params)];
  if (query.division) conditions.push(scopeClause('h.division_code', [query.division], params));
  return conditions;
}

const byCode = (a: ProgressCount, b: ProgressCount) =>
  (a.divisionCode === b.divisionCode ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.divisionCode < b.divisionCode ? -1 : 1);

interface CountRow { division_code: string; kind: string; households: number; unfilled: number; draft: number; submitted: number; returned: number; approved: number }

const STATUS_SUMS = ['draft', 'submitted', 'returned', 'approved'].map((s) => `COUNT(*) FILTER (WHERE s.status = '${s}')::int AS ${s}`).join(', ');

/**
 * One pass over the area's households, each joined to its submissions of the form in the
 * campaign: a household with none joins one empty row, so it counts as missing. Then the
 * submissions with no household, per village. As the SQLite store.
 */
export async function summarizeProgress(db: Db, query: ProgressQuery): Promise<ProgressCount[]> {
  const expected = new Set(query.kinds ?? []);
  const params = new Params();
  const join = `s.household_id = h.id AND s.form_id = ${params.add(query.formId)} AND s.campaign_id = ${params.add(query.campaignId)}`;
  const w = where(householdScope(query, params));
  const rows = (await db.query<CountRow>(`SELECT h.division_code, COALESCE(h.kind, '') AS kind, COUNT(DISTINCT h.id)::int AS households,
      COUNT(*) FILTER (WHERE s.household_id IS NULL)::int AS unfilled, ${STATUS_SUMS}
    FROM households h LEFT JOIN submissions s ON ${join} ${w} GROUP BY h.division_code, h.kind`, params.values)).rows;
  const out: ProgressCount[] = [];
  for (const r of rows) {
    const counted = expected.has(r.kind);
    if (!counted && r.unfilled === r.households) continue;
    out.push({
      divisionCode: r.division_code, kind: r.kind, expected: counted ? r.households : 0, missing: counted ? r.unfilled : 0,
      draft: r.draft, submitted: r.submitted, returned: r.returned, approved: r.approved,
    });
  }
  const p = new Params();
  const orphans = where([
    `s.form_id = ${p.add(query.formId)} AND s.campaign_id = ${p.add(query.campaignId)} AND s.household_id IS NULL`,
    scopeClause('s.division_code', query.scope, p),
    ...(query.division ? [scopeClause('s.division_code', [query.division], p)] : []),
  ]);
  const unregistered = (await db.query<Omit<CountRow, 'kind' | 'households' | 'unfilled'>>(
    `SELECT s.division_code, ${STATUS_SUMS} FROM submissions s ${orphans} GROUP BY s.division_code`, p.values)).rows;
  for (const r of unregistered) {
    out.push({ divisionCode: r.division_code, kind: '', expected: 0, missing: 0, draft: r.draft, submitted: r.submitted, returned: r.returned, approved: r.approved });
  }
  return out.sort(byCode);
}

function missingClause(query: ProgressQuery, params: Params): string {
  return where([
    ...householdScope(query, params),
    `h.kind IN (${(query.kinds ?? []).map((k) => params.add(k)).join(', ')})`,
    `NOT EXISTS (SELECT 1 FROM submissions s WHERE s.household_id = h.id AND s.form_id = ${params.add(query.formId)} AND s.campaign_id = ${params.add(query.campaignId)})`,
  ]);
}

export async function selectMissingHouseholds(db: Db, query: ProgressQuery, page: Page): Promise<Paged<HouseholdRecord>> {
  if (!query.kinds?.length) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const params = new Params();
  return pageOfHouseholds(db, missingClause(query, params), params, page);
}

export async function findDuplicateMembers(db: Db, filter: DuplicateFilter, page: Page): Promise<Paged<DuplicateMember> & { byDivision: DivisionCount[] }> {
  // One pass over the area's members: those whose number another household holds too (few).
  const params = new Params();
  const w = where([
    ...householdScope(filter, params),
    `m.id_number <> '' AND EXISTS (SELECT 1 FROM household_members o WHERE o.id_number = m.id_number AND o.household_id <> m.household_id)`,
  ]);
  const found = (await db.query<{ id_number: string; division_code: string }>(
    `SELECT m.id_number, h.division_code FROM households h JOIN household_members m ON m.household_id = h.id ${w}`, params.values)).rows;
  const { chosen, total, byDivision } = duplicateNumbers(found, page);
  const items = new Map<string, DuplicateMember>(chosen.map((n) => [n, { idNumber: n, holders: [] }]));
  if (chosen.length) {
    const holders = (await db.query<{ id_number: string; household_id: string; division_code: string; head_name: string; head_id_number: string; name: string; relation: string | null }>(
      `SELECT m.id_number, m.household_id, h.division_code, h.head_name, h.head_id_number, m.name,
         CASE WHEN jsonb_typeof(m.attributes->'relation') = 'string' THEN m.attributes->>'relation' END AS relation
       FROM household_members m JOIN households h ON h.id = m.household_id
       WHERE m.id_number = ANY($1::text[])
       ORDER BY m.id_number, h.division_code, h.head_name, h.id, m.position`, [chosen])).rows;
    for (const r of holders) {
      items.get(r.id_number)!.holders.push({
        householdId: r.household_id, divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number,
        memberName: r.name, relation: r.relation,
      });
    }
  }
  return { items: [...items.values()], total, page: page.page, pageSize: page.pageSize, byDivision };
}
