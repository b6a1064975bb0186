// A 民主评议 / 公示 record as both stores keep it: one row (the body as JSON) and its links to the
// submissions it concerns. Shared by server/store/sqlite/deliberations.ts and postgres/deliberations.ts.
import type { DeliberationRecord } from '@engine';
import type { DeliberationFilter } from './DeliberationStore';

export interface DeliberationRow {
  id: string; kind: string; campaign_id: string; form_id: string; step_id: string; division_code: string;
  body: unknown; recorded_by: string; recorded_at: string; revision: number;
}

export function toDeliberation(row: DeliberationRow, body: unknown, submissionIds: string[]): DeliberationRecord {
  return {
    id: row.id, kind: row.kind, campaignId: row.campaign_id, formId: row.form_id, stepId: row.step_id, divisionCode: row.division_code,
    body, submissionIds: [...submissionIds].sort(), recordedBy: row.recorded_by, recordedAt: row.recorded_at, revision: row.revision,
  } as DeliberationRecord;
}

/** The filter's conditions and their values, `?`-placeholders numbered by `place`. */
export function deliberationWhere(filter: DeliberationFilter, place: (i: number) => string): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(place(values.length)));
  };
  if (filter.submissionId !== undefined) add((p) => `d.id IN (SELECT deliberation_id FROM deliberation_links WHERE submission_id = ${p})`, filter.submissionId);
  if (filter.campaignId !== undefined) add((p) => `d.campaign_id = ${p}`, filter.campaignId);
  if (filter.formId !== undefined) add((p) => `d.form_id = ${p}`, filter.formId);
  if (filter.kind !== undefined) add((p) => `d.kind = ${p}`, filter.kind);
  // Division codes are digits only: no LIKE wildcard can come in through them.
  if (filter.division !== undefined) add((p) => `d.division_code LIKE ${p}`, `${filter.division.replace(/\D/g, '')}%`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

/** Touched submissions in id order: two writers lock them in the same order. */
export const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
