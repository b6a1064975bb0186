// Which submissions a filter selects, and in which order: one definition for both stores (the
// reviewer's table, the export's batches, the counts per village).
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SubmissionFilter } from '../Store';
import { inArea } from './inScope';
import type { QueryDialect } from './QueryDialect';
import type { StoreTables } from './StoreTables';

type Submissions = ExpressionBuilder<StoreTables, 'submissions'>;

export function submissionFilter(dialect: QueryDialect, filter: SubmissionFilter) {
  return (eb: Submissions): Expression<SqlBool> => {
    const conditions = [inArea(eb, eb.ref('division_code'), filter)];
    if (filter.formId) conditions.push(eb('form_id', '=', filter.formId));
    if (filter.campaignId) conditions.push(eb('campaign_id', '=', filter.campaignId));
    if (filter.status) conditions.push(eb('status', '=', filter.status));
    if (filter.reviewLevel !== undefined) conditions.push(eb('review_level', '=', filter.reviewLevel));
    if (filter.householdId) conditions.push(eb('household_id', '=', filter.householdId));
    if (filter.createdBy) conditions.push(eb('created_by', '=', filter.createdBy));
    if (filter.q) conditions.push(eb.or([dialect.contains(eb.ref('head_name'), filter.q), eb('head_id_number', '=', filter.q)]));
    const at = eb.fn.coalesce('submitted_at', 'updated_at');
    if (filter.from) conditions.push(eb(at, '>=', filter.from));
    if (filter.to) conditions.push(eb(at, '<', filter.to));
    // A literal, not a parameter: the partial indexes of warned submissions are chosen by it.
    if (filter.withWarnings) conditions.push(eb('warnings', '<>', sql.lit('[]')));
    return eb.and(conditions);
  };
}

const SORTS = {
  updatedAt: 'updated_at', submittedAt: 'submitted_at', headName: 'head_name', divisionCode: 'division_code', status: 'status',
} as const satisfies Record<NonNullable<SubmissionFilter['sort']>, keyof StoreTables['submissions']>;

/** The sort column, then the id; NULL first ascending and last descending, as SQLite does by itself. */
export function inSubmissionOrder(filter: SubmissionFilter) {
  const ascending = filter.order === 'asc';
  return <O>(qb: SelectQueryBuilder<StoreTables, 'submissions', O>) => qb
    .orderBy(SORTS[filter.sort ?? 'updatedAt'], (ob) => (ascending ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
    .orderBy('id', ascending ? 'asc' : 'desc');
}
