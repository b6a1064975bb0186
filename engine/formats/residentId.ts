// The 18-digit resident identity number of GB 11643-1999: six-digit division code, birth date
// YYYYMMDD, three-digit sequence (odd for men), and a check digit over the first 17 (ISO 7064
// MOD 11-2). `explainResidentId` says in Chinese what is wrong so an officer can fix it.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/**
 * Province-level codes (first two digits) that exist in GB/T 2260, and the 81 香港, 82 澳门 and
 * 83 台湾 that the residence permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证)
 * carry in place of a division (issued since 2018 under the same GB 11643 number rules).
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

/** The check digit the first 17 digits call for. */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function calendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

/** The birth date an 18-digit number encodes, or null when it is not a real calendar date. */
export function birthDateOf(id: string): BirthDate | null {
  if (id.length < 14 || !/^\d{8}$/.test(id.slice(6, 14))) return null;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  return calendarDate(year, month, day) ? { year, month, day } : null;
}

/** "男" or "女" from the sequence digit, null for a malformed number. */
export function genderOf(id: string): '男' | '女' | null {
  if (!SHAPE.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}

let todayCache: { until: number; date: BirthDate } | null = null;

/** Today's date, worked out at most once a minute (every ID number checked asks for it). */
function today(): BirthDate {
  const now = Date.now();
  if (!todayCache || now > todayCache.until) {
    const d = new Date(now);
    todayCache = { until: now + 60_000, date: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() } };
  }
  return todayCache.date;
}

function compareDates(a: BirthDate, b: BirthDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * An ID number (resident ID, or a disability certificate number that starts with one) with its
 * check character as stored: a lower-case x after 17 digits becomes X, as officers and
 * spreadsheets often type it. Anything else is returned unchanged, for the check to explain.
 */
export function normalizeIdNumber(value: string): string {
  if (value.length >= 18 && value.charCodeAt(17) === 120 /* x */ && /^\d{17}x(?:\d\d)?$/.test(value)) {
    return `${value.slice(0, 17)}X${value.slice(18)}`;
  }
  return value;
}

/** Why the value is not a valid resident ID number (Chinese), or null when it is valid. */
export function explainResidentId(value: string): string | null {
  const id = value;
  if (/^\d{17}x$/.test(id)) return '末位字母应为大写 X';
  if (!SHAPE.test(id)) {
    return /^[\dXx]*$/.test(value) ? `应为 18 位（现为 ${value.length} 位）` : '只能由数字和末位 X 组成';
  }
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return `前两位 ${id.slice(0, 2)} 不是有效的省级行政区划代码`;
  const birth = birthDateOf(id);
  if (!birth) return `出生日期 ${id.slice(6, 14)} 不是有效日期`;
  if (birth.year < 1900) return `出生日期 ${id.slice(6, 14)} 早于 1900 年`;
  if (compareDates(birth, today()) > 0) return `出生日期 ${id.slice(6, 14)} 晚于今天`;
  const expected = residentIdCheckDigit(id);
  if (id[17] !== expected) return `校验位错误（第 18 位应为 ${expected}）`;
  return null;
}

export function isResidentId(value: string): boolean {
  return explainResidentId(value) === null;
}
