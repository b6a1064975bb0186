// Dates of a 公示: China dates (UTC+8, no daylight saving), the period counted in whole days from
// its first day, and the day it is over (the day after its last).
import { chinaDate } from '../chinaTime';

/** The date `days` days after `date` (YYYY-MM-DD, may be negative). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + days * 86400000).toISOString().slice(0, 10);
}

/** The last day of a notice posted on `startsOn` for `days` days: 2021-10-09 for 7 days ends 2021-10-15. */
export function noticeEndsOn(startsOn: string, days: number): string {
  return addDays(startsOn, days - 1);
}

/** Whether the period ending on `endsOn` is over at `now` (China time: from 00:00 the next day). */
export function periodOver(endsOn: string, now: Date): boolean {
  return chinaDate(now) > endsOn;
}

/** A real calendar date written YYYY-MM-DD. */
export function isChinaDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}
