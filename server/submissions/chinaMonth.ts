// Dates as the campaigns count them: China Standard Time (UTC+8), whatever the server's zone.
const OFFSET = 8 * 3_600_000;

/** "2021-11" for an instant, in China time. */
export function chinaMonth(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 7);
}

/** "2021-11-20" for an instant, in China time. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 10);
}
