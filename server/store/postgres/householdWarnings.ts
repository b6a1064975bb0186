// Departments' warnings in PostgreSQL: who a row may be, and the warnings of one import written
// with their verification items in one transaction.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { HouseholdWarningRecord, PersonMatch, PersonQuery } from '../householdWarning';
import { personQuery, warningsOfHouseholdQuery } from '../queries/personQueries';
import type { VerificationItemsTable } from '../queries/StoreTables';
import { toWarning, warningItem, warningValues } from '../warningItem';
import type { Db } from './openPool';
import { postgresQueries as q, rows } from './postgresQueries';
import { transaction } from './transaction';

export async function selectPersons(db: Db, query: PersonQuery): Promise<PersonMatch[]> {
  if (query.idNumbers.length === 0 && query.names.length === 0) return [];
  return rows(db, personQuery(q, query));
}

export async function selectWarnings(db: Db, householdId: string): Promise<HouseholdWarningRecord[]> {
  return (await rows(db, warningsOfHouseholdQuery(q, householdId))).map(toWarning);
}

export function insertWarnings(pool: pg.Pool, warnings: HouseholdWarningRecord[]): Promise<void> {
  return transaction(pool, async (db) => {
    for (const w of warnings) {
      await db.query(`INSERT INTO household_warnings (id, household_id, division_code, department, list_date, name, id_number, reason,
        imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, warningValues(w));
      const item = warningItem(w, randomUUID());
      // A new warning's id: no open item refers to it yet.
      await db.query<VerificationItemsTable>(`INSERT INTO verification_items (id, division_code, household_id, id_number, name, source, source_ref,
        reason, received_at, state, closed_reason, submission_id, created_by, updated_at, revision)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', NULL, NULL, $10, $9, 1)`,
      [item.id, item.divisionCode, item.householdId, item.idNumber, item.name, item.source, item.sourceRef, item.reason, item.receivedAt, item.createdBy]);
    }
  });
}
