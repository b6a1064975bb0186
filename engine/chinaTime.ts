// Time as the campaigns count it: China Standard Time (UTC+8, no daylight saving), whatever the
// zone of the server or the phone. An officer filling at 7 a.m. Beijing time is still "yesterday"
// in UTC; a month, a day or a printed time is China's.

export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** China's wall clock at an instant, ISO-shaped with no zone: "2021-11-20T17:05:09.000". */
function chinaClock(at: Date | number): string {
  return new Date((typeof at === 'number' ? at : at.getTime()) + CHINA_OFFSET_MS).toISOString().slice(0, 23);
}

/** "2021-11-20" for an instant. */
export function chinaDate(at: Date): string {
  return chinaClock(at).slice(0, 10);
}

/** "2021-11" for an instant. */
export function chinaMonth(at: Date): string {
  return chinaClock(at).slice(0, 7);
}

/** "2021-11-20 17:05" (`seconds`: "2021-11-20 17:05:09") for an ISO instant; one that is no date is given back as it is. */
export function chinaTimeText(iso: string, { seconds = false } = {}): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return chinaClock(at).slice(0, seconds ? 19 : 16).replace('T', ' ');
}

/** The instant (UTC ISO) a China-time day begins, `days` after the given date ("2021-11-20"). */
export function chinaDayStart(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000+08:00`) + days * 86_400_000).toISOString();
}
