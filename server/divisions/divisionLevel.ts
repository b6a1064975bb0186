// A division's level read from its code: the statistical codes nest (province 2 digits, city 2,
// county 2, township 3, village 3), so a code's length says its level and its prefixes its
// ancestors. Stored codes are these prefixes, not zero-padded to 12 digits.

import type { DivisionLevel } from '@engine/contract';

export type { DivisionLevel };

const LEVELS: Record<number, DivisionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };
const LENGTHS = [2, 4, 6, 9, 12];

export const LEVEL_NAMES: Record<DivisionLevel, string> = { province: '省', city: '市', county: '县', township: '乡', village: '村' };

export function divisionLevel(code: string): DivisionLevel | null {
  return /^\d+$/.test(code) ? LEVELS[code.length] ?? null : null;
}

/** The parent's code (null for a province or a code of no level). */
export function parentCodeOf(code: string): string | null {
  const i = LENGTHS.indexOf(code.length);
  return i > 0 ? code.slice(0, LENGTHS[i - 1]) : null;
}

/** The codes above `code`, province first. */
export function ancestorCodes(code: string): string[] {
  return LENGTHS.filter((n) => n < code.length).map((n) => code.slice(0, n));
}
