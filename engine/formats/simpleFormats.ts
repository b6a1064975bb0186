// The small domain formats: mainland mobile numbers, telephone numbers, statistical division
// codes and year-months. Each explains itself in Chinese, null meaning valid.
import { PROVINCE_CODES } from './residentId';

/** Mainland mobile: 11 digits starting 13-19. */
export function explainMobilePhone(value: string): string | null {
  if (!/^\d+$/.test(value)) return '只能由数字组成';
  if (value.length !== 11) return `应为 11 位手机号码（现为 ${value.length} 位）`;
  if (!/^1[3-9]/.test(value)) return '应以 13-19 开头';
  return null;
}

/** A mobile number or a landline (area code optional: 023-78865441, 78865441). */
export function explainPhone(value: string): string | null {
  if (/^1\d{10}$/.test(value)) return explainMobilePhone(value);
  if (/^(0\d{2,3}-?)?\d{7,8}$/.test(value)) return null;
  return '应为 11 位手机号码或固定电话（如 023-78865441）';
}

/**
 * Statistical division code (统计用区划代码), 2+2+2+3+3 digits: a province (2), city (4),
 * county (6), township (9) or village (12).
 */
export function explainDivisionCode(value: string): string | null {
  if (!/^\d+$/.test(value)) return '只能由数字组成';
  if (![2, 4, 6, 9, 12].includes(value.length)) return `应为 2、4、6、9 或 12 位（现为 ${value.length} 位）`;
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return `前两位 ${value.slice(0, 2)} 不是有效的省级代码`;
  return null;
}

/** Year-month as YYYY-MM, 1900-01 to 2100-12. */
export function explainYearMonth(value: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return '格式应为 年-月（如 2021-09）';
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `月份 ${m[2]} 无效`;
  if (year < 1900 || year > 2100) return `年份 ${m[1]} 不在 1900-2100 之间`;
  return null;
}
