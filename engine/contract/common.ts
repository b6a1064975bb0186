// The pieces of the API contract that many requests and answers share: the problem every error
// answers with, a submission's status and issues, a page of items, and the request fields that
// name a division or a day. zod schemas (with OpenAPI descriptions in .meta()), read by the
// server's routes and, as types only, by the client (see index.ts).
import { z } from 'zod';

export const ProblemSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Problem' });

export const SubmissionStatusSchema = z.enum(['draft', 'submitted', 'returned', 'approved']);

export const IssueSchema = z
  .object({ path: z.string(), field: z.string(), code: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) })
  .meta({ id: 'Issue' });

/** A page of items, as every list answers: the items and where they are in the whole. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const divisionCode = z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, '应为 2、4、6、9 或 12 位行政区划代码');

/** A page number and size in a query string (the size's default and upper bound vary by list). */
export const paging = (pageSize: number, most = 200) => ({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(most).default(pageSize),
});

/** A day that exists in the calendar, in the years a campaign may count (1900–2100). */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * A date as a filter gives it ("2021-11-20"). Date.parse would turn a 13th month or day 0 into an
 * invalid time (a 500 further on) and 30 February into 2 March: both refused here, naming the field.
 */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期（如 2021-11-20）', abort: true })
  .refine(isCalendarDay, '应为 1900 至 2100 年间存在的日期（如 2021-11-20）');
