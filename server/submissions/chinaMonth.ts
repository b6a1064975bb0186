// Dates as the campaigns count them: China Standard Time (UTC+8), whatever the server's zone.
const OFFSET = 8 * 3_600_000;

/** "2021-11" for an instant, in China time. */
export function chinaMonth(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 7);
}

/** The instant (UTC ISO) a China-time day begins, `days` after the given date ("2021-11-20"). */
export function chinaDayStart(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000+08:00`) + days * 86_400_000).toISOString();
}

/** "2021-11-20" for an instant, in China time. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 10);
}
