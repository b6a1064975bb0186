// The reviewers' reports in SQLite: the shared statements (queries/reportQueries.ts) run
// synchronously; the missing households' page is read through its ids first.
import type Database from 'better-sqlite3';
import { duplicateNumbers } from '../duplicateNumbers';
import { inHouseholdOrder } from '../queries/householdFilter';
import {
  countByDivisionQuery, divisionCounts, duplicateMembers, holdersQuery, missingHouseholds, progressCounts, progressQuery, repeatedMembersQuery,
  unregisteredProgressQuery,
} from '../queries/reportQueries';
import type { DivisionCount, DuplicateFilter, DuplicateMember, Page, Paged, ProgressCount, ProgressQuery, SubmissionFilter } from '../Store';
import type { HouseholdRecord } from '../records';
import { withMembers, type HouseholdRow } from './registry';
import { all, get, sqliteQueries as q } from './sqliteQueries';

export function countByDivision(db: Database.Database, filter: SubmissionFilter): DivisionCount[] {
  return divisionCounts(all(db, countByDivisionQuery(q, filter)));
}

export function summarizeProgress(db: Database.Database, query: ProgressQuery): ProgressCount[] {
  return progressCounts(query, all(db, progressQuery(q, query)), all(db, unregisteredProgressQuery(q, query)));
}

export function selectMissingHouseholds(db: Database.Database, query: ProgressQuery, page: Page): Paged<HouseholdRecord> {
  if (!query.kinds?.length) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const missing = missingHouseholds(query);
  const total = get(db, q.db.selectFrom('households as h').select((eb) => eb.fn.countAll<number>().as('n')).where(missing))!.n;
  // The page's ids from the covering index first, then only those rows.
  const ids = q.db.selectFrom('households as h').select('h.id').where(missing)
    .$call(inHouseholdOrder).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const rows = all(db, q.db.selectFrom('households as h').innerJoin(ids.as('p'), 'p.id', 'h.id').selectAll('h')
    .$call(inHouseholdOrder)) as HouseholdRow[];
  return { items: withMembers(db, rows), total, page: page.page, pageSize: page.pageSize };
}

export function findDuplicateMembers(db: Database.Database, filter: DuplicateFilter, page: Page): Paged<DuplicateMember> & { byDivision: DivisionCount[] } {
  const { chosen, total, byDivision } = duplicateNumbers(all(db, repeatedMembersQuery(q, filter)), page);
  const holders = chosen.length ? all(db, holdersQuery(q, chosen)) : [];
  return { items: duplicateMembers(chosen, holders), total, page: page.page, pageSize: page.pageSize, byDivision };
}
