// Today's date in China (UTC+8, no daylight saving) as forms write it ("2021-11-21"): an officer
// filling at 7 a.m. Beijing time is still "yesterday" in UTC, and the phone's own clock zone may
// be anything.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
