// The reviewers' reports, one definition for both stores: counts per village (GROUP BY over the
// covering indexes of the reports migrations), the households still missing a form, and member
// ID numbers held by two households; and the folding of their rows into the answers. Each store
// runs the statements its own way (sqlite/ and postgres/ reports.ts). Nothing here loads rows to
// count them.
import { sql, type ExpressionBuilder } from 'kysely';
import type { DivisionCount, DuplicateFilter, DuplicateMember, ProgressCount, ProgressQuery, SubmissionFilter } from '../Store';
import type { HouseholdCondition } from './householdFilter';
import { inArea } from './inScope';
import type { QueryDialect } from './QueryDialect';
import type { StoreTables } from './StoreTables';
import { submissionFilter } from './submissionFilter';

export function countByDivisionQuery(dialect: QueryDialect, filter: SubmissionFilter) {
  return dialect.db.selectFrom('submissions')
    .select((eb) => ['division_code', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .where(submissionFilter(dialect, filter)).groupBy('division_code').orderBy('division_code');
}

export const divisionCounts = (rows: { division_code: string; n: number }[]): DivisionCount[] =>
  rows.map((r) => ({ divisionCode: r.division_code, count: r.n }));

const STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;

/** How many of the joined submissions have each status (a literal each: one pass, no parameter). */
function statusCounts<DB extends { s: StoreTables['submissions'] }, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) {
  const s = eb as unknown as ExpressionBuilder<{ s: StoreTables['submissions'] }, 's'>;
  return STATUSES.map((status) => s.cast<number>(s.fn.countAll().filterWhere('s.status', '=', sql.lit(status)), 'integer').as(status));
}

/**
 * One pass over the area's households (index order: village, kind), each joined to its
 * submissions of the form in the campaign: a household with none joins one empty row, so it
 * counts as missing.
 */
export function progressQuery(dialect: QueryDialect, query: ProgressQuery) {
  return dialect.db.selectFrom('households as h')
    .leftJoin('submissions as s', (join) => join.onRef('s.household_id', '=', 'h.id')
      .on('s.form_id', '=', query.formId).on('s.campaign_id', '=', query.campaignId))
    .select((eb) => [
      'h.division_code', eb.fn.coalesce('h.kind', sql.lit('')).as('kind'),
      eb.cast<number>(eb.fn.count('h.id').distinct(), 'integer').as('households'),
      eb.cast<number>(eb.fn.countAll().filterWhere('s.household_id', 'is', null), 'integer').as('unfilled'),
      ...statusCounts(eb),
    ])
    .where((eb) => inArea(eb, eb.ref('h.division_code'), query)).groupBy(['h.division_code', 'h.kind']);
}

/** The submissions of the form in the campaign that have no household, per village. */
export function unregisteredProgressQuery(dialect: QueryDialect, query: ProgressQuery) {
  return dialect.db.selectFrom('submissions as s').select((eb) => ['s.division_code', ...statusCounts(eb)])
    .where((eb) => eb.and([
      eb('s.form_id', '=', query.formId), eb('s.campaign_id', '=', query.campaignId), eb('s.household_id', 'is', null),
      inArea(eb, eb.ref('s.division_code'), query),
    ]))
    .groupBy('s.division_code');
}

type StatusCounts = Record<typeof STATUSES[number], number>;

const byCode = (a: ProgressCount, b: ProgressCount) =>
  (a.divisionCode === b.divisionCode ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.divisionCode < b.divisionCode ? -1 : 1);

/** Households of the expected kinds count as expected (and missing when unfilled); others only when they filled something. */
export function progressCounts(
  query: ProgressQuery, rows: ({ division_code: string; kind: string; households: number; unfilled: number } & StatusCounts)[],
  unregistered: ({ division_code: string } & StatusCounts)[],
): ProgressCount[] {
  const expected = new Set(query.kinds ?? []);
  const out: ProgressCount[] = [];
  for (const r of rows) {
    const counted = expected.has(r.kind);
    if (!counted && r.unfilled === r.households) continue;
    out.push({
      divisionCode: r.division_code, kind: r.kind, expected: counted ? r.households : 0, missing: counted ? r.unfilled : 0,
      draft: r.draft, submitted: r.submitted, returned: r.returned, approved: r.approved,
    });
  }
  for (const r of unregistered) {
    out.push({ divisionCode: r.division_code, kind: '', expected: 0, missing: 0, draft: r.draft, submitted: r.submitted, returned: r.returned, approved: r.approved });
  }
  return out.sort(byCode);
}

/** Expected households (of query.kinds, at least one) in the area with no submission of the form in the campaign. */
export function missingHouseholds(query: ProgressQuery): HouseholdCondition {
  return (eb) => eb.and([
    inArea(eb, eb.ref('h.division_code'), query),
    eb('h.kind', 'in', query.kinds ?? []),
    eb.not(eb.exists(eb.selectFrom('submissions as s').select(sql.lit(1).as('one')).whereRef('s.household_id', '=', 'h.id')
      .where('s.form_id', '=', query.formId).where('s.campaign_id', '=', query.campaignId))),
  ]);
}

/** One pass over the area's members: those whose number another household holds too (few). */
export function repeatedMembersQuery(dialect: QueryDialect, filter: DuplicateFilter) {
  return dialect.db.selectFrom('households as h').innerJoin('household_members as m', 'm.household_id', 'h.id')
    .select(['m.id_number', 'h.division_code'])
    .where((eb) => eb.and([
      inArea(eb, eb.ref('h.division_code'), filter),
      eb('m.id_number', '<>', sql.lit('')),
      eb.exists(eb.selectFrom('household_members as o').select(sql.lit(1).as('one'))
        .whereRef('o.id_number', '=', 'm.id_number').whereRef('o.household_id', '<>', 'm.household_id')),
    ]));
}

/** Every holder of the chosen numbers (one page of them). */
export function holdersQuery(dialect: QueryDialect, chosen: string[]) {
  return dialect.db.selectFrom('household_members as m').innerJoin('households as h', 'h.id', 'm.household_id')
    .select((eb) => [
      'm.id_number', 'm.household_id', 'h.division_code', 'h.head_name', 'h.head_id_number', 'm.name',
      dialect.jsonString(eb.ref('m.attributes'), 'relation').as('relation'),
    ])
    .where('m.id_number', 'in', chosen)
    .orderBy('m.id_number').orderBy('h.division_code').orderBy('h.head_name').orderBy('h.id').orderBy('m.position');
}

export function duplicateMembers(
  chosen: string[],
  holders: { id_number: string; household_id: string; division_code: string; head_name: string; head_id_number: string; name: string; relation: string | null }[],
): DuplicateMember[] {
  const items = new Map<string, DuplicateMember>(chosen.map((n) => [n, { idNumber: n, holders: [] }]));
  for (const r of holders) {
    items.get(r.id_number)!.holders.push({
      householdId: r.household_id, divisionCode: r.division_code, headName: r.head_name, headIdNumber: r.head_id_number,
      memberName: r.name, relation: r.relation,
    });
  }
  return [...items.values()];
}
