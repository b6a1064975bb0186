// Times as a reviewer reads them: China time, to the minute ("2021-11-20 17:05").
const CHINA_OFFSET = 8 * 3_600_000;

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at + CHINA_OFFSET).toISOString().slice(0, 16).replace('T', ' ');
}
