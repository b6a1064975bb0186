// The reviewers' reports in PostgreSQL: the shared statements (queries/reportQueries.ts), run on
// the pool or in the snapshot the store opens; the missing households' page comes with its
// members (pageOfHouseholds).
import { duplicateNumbers } from '../duplicateNumbers';
import {
  countByDivisionQuery, divisionCounts, duplicateMembers, holdersQuery, missingHouseholds, progressCounts, progressQuery, repeatedMembersQuery,
  unregisteredProgressQuery,
} from '../queries/reportQueries';
import type { DivisionCount, DuplicateFilter, DuplicateMember, Page, Paged, ProgressCount, ProgressQuery, SubmissionFilter } from '../Store';
import type { HouseholdRecord } from '../records';
import type { Db } from './openPool';
import { postgresQueries as q, rows } from './postgresQueries';
import { pageOfHouseholds } from './registry';

export async function countByDivision(db: Db, filter: SubmissionFilter): Promise<DivisionCount[]> {
  return divisionCounts(await rows(db, countByDivisionQuery(q, filter)));
}

export async function summarizeProgress(db: Db, query: ProgressQuery): Promise<ProgressCount[]> {
  return progressCounts(query, await rows(db, progressQuery(q, query)), await rows(db, unregisteredProgressQuery(q, query)));
}

export async function selectMissingHouseholds(db: Db, query: ProgressQuery, page: Page): Promise<Paged<HouseholdRecord>> {
  if (!query.kinds?.length) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  return pageOfHouseholds(db, missingHouseholds(query), page);
}

export async function findDuplicateMembers(db: Db, filter: DuplicateFilter, page: Page): Promise<Paged<DuplicateMember> & { byDivision: DivisionCount[] }> {
  const { chosen, total, byDivision } = duplicateNumbers(await rows(db, repeatedMembersQuery(q, filter)), page);
  const holders = chosen.length ? await rows(db, holdersQuery(q, chosen)) : [];
  return { items: duplicateMembers(chosen, holders), total, page: page.page, pageSize: page.pageSize, byDivision };
}
