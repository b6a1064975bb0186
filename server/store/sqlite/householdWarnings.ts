// Departments' warnings in SQLite: who a row may be (read here), and the warnings of one import
// written with their verification items on the writer thread, all in its one transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HouseholdWarningRecord, PersonMatch, PersonQuery } from '../householdWarning';
import { personQuery, warningsOfHouseholdQuery } from '../queries/personQueries';
import { toWarning, warningItem, warningValues } from '../warningItem';
import { all, sqliteQueries as q } from './sqliteQueries';
import { insertItem } from './verificationItems';

type Db = Database.Database;

export function selectPersons(db: Db, query: PersonQuery): PersonMatch[] {
  if (query.idNumbers.length === 0 && query.names.length === 0) return [];
  return all(db, personQuery(q, query));
}

export function selectWarnings(db: Db, householdId: string): HouseholdWarningRecord[] {
  return all(db, warningsOfHouseholdQuery(q, householdId)).map(toWarning);
}

export function insertWarnings(db: Db, warnings: HouseholdWarningRecord[]): void {
  const insert = db.prepare(`INSERT INTO household_warnings (id, household_id, division_code, department, list_date, name, id_number, reason,
    imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const w of warnings) {
    insert.run(...warningValues(w));
    insertItem(db, warningItem(w, randomUUID()));
  }
}
