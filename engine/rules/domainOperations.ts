// The domain operations that rules may use beyond standard JSON-Logic. The very same functions
// are registered with json-logic-js (the reference semantics) and called by the rule compiler,
// so both evaluators agree by construction. Each takes already-evaluated arguments and never
// throws on bad data: it returns null (or 0 for sums and counts) instead.
import { birthDateOf, genderOf } from '../formats/residentId';
import { lookupTable } from '../ownValue';

/** A number from a cell as a spreadsheet reads it: empty or non-numeric counts as 0. */
function cellNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

/** sum(list) or sum(list, column): the total of a list of numbers or of one column of rows. */
function sum(list: unknown, column?: unknown): number {
  if (!Array.isArray(list)) return 0;
  let total = 0;
  const key = typeof column === 'string' ? column : undefined;
  for (const item of list) {
    if (key === undefined) total += cellNumber(item);
    else if (item !== null && typeof item === 'object' && Object.hasOwn(item, key)) {
      total += cellNumber((item as Record<string, unknown>)[key]);
    }
  }
  return total;
}

/** count(list): how many rows a table has (0 when it has none). */
function count(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** round(value, digits): half away from zero, to 0..6 decimals; null for a non-number. */
function round(value: unknown, digits?: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const d = typeof digits === 'number' && Number.isInteger(digits) ? Math.min(Math.max(digits, 0), 6) : 0;
  const factor = 10 ** d;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + scaled * Number.EPSILON) / factor;
  return value < 0 ? -rounded : rounded;
}

const MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

function monthIndex(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = MONTH.exec(value);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return Number(m[1]) * 12 + (month - 1);
}

/** monthsBetween(from, to): whole months from one year-month (or date) to another; null if either is invalid. */
function monthsBetween(from: unknown, to: unknown): number | null {
  const a = monthIndex(from);
  const b = monthIndex(to);
  return a === null || b === null ? null : b - a;
}

/** ageAt(residentId, date): full years of age on that date (YYYY-MM-DD or YYYY-MM); null if unknown. */
function ageAt(residentId: unknown, date: unknown): number | null {
  const birth = typeof residentId === 'string' ? birthDateOf(residentId) : null;
  if (!birth || typeof date !== 'string') return null;
  const m = MONTH.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  let age = year - birth.year;
  if (month < birth.month || (month === birth.month && day < birth.day)) age -= 1;
  return age;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const date = new Date(time);
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) return null;
  return time / 86_400_000;
}

/** daysBetween(from, to): whole days from one date (YYYY-MM-DD) to another; null if either is invalid. */
function daysBetween(from: unknown, to: unknown): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** duplicates(list, column): the values of a column that appear in more than one row (empty cells ignored). */
function duplicates(list: unknown, column?: unknown): unknown[] {
  if (!Array.isArray(list)) return [];
  const key = typeof column === 'string' ? column : undefined;
  const seen = new Set<unknown>();
  const repeated = new Set<unknown>();
  for (const item of list) {
    let value: unknown = item;
    if (key !== undefined) {
      value = item !== null && typeof item === 'object' && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
    }
    if (value === undefined || value === null || value === '' || typeof value === 'object') continue;
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** idGender(residentId): "男" or "女" as the 17th digit says; null for a malformed number. */
function idGender(residentId: unknown): string | null {
  return typeof residentId === 'string' ? genderOf(residentId.slice(0, 18)) : null;
}

/** idBirthDate(residentId): the birth date ("1949-12-31") its 7th to 14th digits give; null for a malformed number. */
function idBirthDate(residentId: unknown): string | null {
  if (typeof residentId !== 'string' || genderOf(residentId.slice(0, 18)) === null) return null;
  const birth = birthDateOf(residentId.slice(0, 18));
  if (!birth) return null;
  return `${birth.year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`;
}

export type DomainOperation = (...args: unknown[]) => unknown;

export const domainOperations: Readonly<Record<string, DomainOperation>> = lookupTable({
  sum: sum as DomainOperation,
  count: count as DomainOperation,
  round: round as DomainOperation,
  monthsBetween: monthsBetween as DomainOperation,
  ageAt: ageAt as DomainOperation,
  daysBetween: daysBetween as DomainOperation,
  duplicates: duplicates as DomainOperation,
  idGender: idGender as DomainOperation,
  idBirthDate: idBirthDate as DomainOperation,
});
