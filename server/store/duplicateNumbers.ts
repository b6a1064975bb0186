// The pure part of finding a person registered in two households, shared by both stores (their
// SQL finds the members; this groups them): each repeated ID number placed under the first
// village that holds it, numbers ordered by that village then by number, one page of them chosen,
// and how many such members each village holds.
import type { Page } from './Store';

export interface RepeatedMemberRow {
  id_number: string;
  division_code: string;
}

export interface DuplicateNumbers {
  /** The ID numbers of the page, in order. */
  chosen: string[];
  total: number;
  byDivision: { divisionCode: string; count: number }[];
}

export function duplicateNumbers(found: RepeatedMemberRow[], page: Page): DuplicateNumbers {
  const first = new Map<string, string>();
  const perDivision = new Map<string, number>();
  for (const r of found) {
    const seen = first.get(r.id_number);
    if (seen === undefined || r.division_code < seen) first.set(r.id_number, r.division_code);
    perDivision.set(r.division_code, (perDivision.get(r.division_code) ?? 0) + 1);
  }
  const numbers = [...first.keys()].sort((a, b) => {
    const x = first.get(a)!;
    const y = first.get(b)!;
    return x === y ? (a < b ? -1 : 1) : x < y ? -1 : 1;
  });
  return {
    chosen: numbers.slice((page.page - 1) * page.pageSize, page.page * page.pageSize),
    total: numbers.length,
    byDivision: [...perDivision].sort(([a], [b]) => (a < b ? -1 : 1)).map(([divisionCode, count]) => ({ divisionCode, count })),
  };
}
