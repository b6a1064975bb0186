// Which verification items (重点核查户) a filter selects, their order (the longest waiting first)
// and their counts by state and source: one definition for both stores.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { VerificationFilter, VerificationItemRecord, VerificationSource, VerificationState } from '../verificationItem';
import { inArea } from './inScope';
import type { QueryDialect } from './QueryDialect';
import type { StoreTables, VerificationItemsTable } from './StoreTables';

type Eb = ExpressionBuilder<StoreTables, 'verification_items'>;

export function verificationFilter(filter: VerificationFilter): (eb: Eb) => Expression<SqlBool> {
  return (eb) => {
    const conditions = [inArea(eb, eb.ref('verification_items.division_code'), filter)];
    if (filter.state) conditions.push(eb('state', '=', filter.state));
    if (filter.source) conditions.push(eb('source', '=', filter.source));
    if (filter.householdId) conditions.push(eb('household_id', '=', filter.householdId));
    if (filter.submissionId) conditions.push(eb('submission_id', '=', filter.submissionId));
    return eb.and(conditions);
  };
}

export function verificationPageQuery(q: QueryDialect, filter: VerificationFilter, page: { page: number; pageSize: number }) {
  return q.db.selectFrom('verification_items').selectAll().where(verificationFilter(filter))
    .orderBy('received_at').orderBy('id').limit(page.pageSize).offset((page.page - 1) * page.pageSize);
}

export function verificationCountQuery(q: QueryDialect, filter: VerificationFilter) {
  return q.db.selectFrom('verification_items').where(verificationFilter(filter))
    .select((eb) => ['state', 'source', eb.cast<number>(eb.fn.countAll(), 'integer').as('count'), eb.fn.min('received_at').as('oldest')])
    .groupBy(['state', 'source']).orderBy('state').orderBy('source');
}

export function verificationByIdQuery(q: QueryDialect, id: string) {
  return q.db.selectFrom('verification_items').selectAll().where('id', '=', id);
}

/** A row as both dialects hand it back, as the record. */
export function toVerificationItem(r: VerificationItemsTable): VerificationItemRecord {
  return {
    id: r.id, divisionCode: r.division_code, householdId: r.household_id, idNumber: r.id_number, name: r.name,
    source: r.source as VerificationSource, sourceRef: r.source_ref, reason: r.reason, receivedAt: r.received_at,
    state: r.state as VerificationState, closedReason: r.closed_reason, submissionId: r.submission_id, createdBy: r.created_by,
    updatedAt: r.updated_at, revision: r.revision,
  };
}
