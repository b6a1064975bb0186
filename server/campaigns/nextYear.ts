// Next year's campaign from this year's: every date parameter (income period, reference date, a
// year-month) moved by one year, and every parameter and the description marked to be confirmed
// (待确认) by an administrator before the campaign may open — last year's income line or
// description must never pass into the new year unread. Values the request gives are its own
// and need no confirmation.
import type { ParameterDeclaration } from '@engine';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** The same date a year later (29 February becomes 28 February); a year-month a year later; anything else unchanged. */
export function aYearLater(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const date = DATE.exec(value);
  if (date) {
    const year = Number(date[1]) + 1;
    const month = Number(date[2]);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${date[2]}-${String(Math.min(Number(date[3]), lastDay)).padStart(2, '0')}`;
  }
  const month = MONTH.exec(value);
  return month ? `${Number(month[1]) + 1}-${month[2]}` : value;
}

/** Whether a parameter holds a date: declared as one, or written as one. */
function isDate(name: string, value: unknown, declarations: Record<string, ParameterDeclaration>): boolean {
  const type = declarations[name]?.type;
  if (type === 'date' || type === 'year-month') return true;
  return type === undefined && typeof value === 'string' && (DATE.test(value) || MONTH.test(value));
}

export interface NextYear {
  parameters: Record<string, unknown>;
  /** What an administrator must confirm: 'description' and 'parameters.<name>'. */
  unconfirmed: string[];
}

export function nextYear(
  source: { parameters: Record<string, unknown> },
  declarations: Record<string, ParameterDeclaration>,
  given: { parameters?: Record<string, unknown>; description?: string },
): NextYear {
  const moved = Object.fromEntries(Object.entries(source.parameters).map(([name, value]) => [name, isDate(name, value, declarations) ? aYearLater(value) : value]));
  const parameters = { ...moved, ...(given.parameters ?? {}) };
  const unconfirmed = [
    ...(given.description === undefined ? ['description'] : []),
    // By name: the same order whatever order the store keeps a campaign's parameters in.
    ...Object.keys(moved).filter((name) => !Object.hasOwn(given.parameters ?? {}, name)).sort().map((name) => `parameters.${name}`),
  ];
  return { parameters, unconfirmed };
}
