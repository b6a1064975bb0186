// Request and response schemas shared by several routes (zod with OpenAPI metadata).
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Problem');

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable().openapi({ description: '联系电话：表单的填表人联系电话以此预填' }),
    role: z.enum(['admin', 'reviewer', 'officer']),
    scope: z.array(z.string()),
    disabled: z.boolean(),
    createdAt: z.string(),
    revision: z.number().openapi({ description: '修改账号时带回（PATCH /api/users/{id}）' }),
  })
  .openapi('User');

export const IssueSchema = z
  .object({ path: z.string(), field: z.string(), code: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) })
  .openapi('Issue');

/** Responses every authenticated route may give. */
export const commonErrors = {
  400: { description: '请求不正确', content: { 'application/json': { schema: ProblemSchema } } },
  401: { description: '未登录', content: { 'application/json': { schema: ProblemSchema } } },
  403: { description: '没有权限', content: { 'application/json': { schema: ProblemSchema } } },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const divisionCode = z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, '应为 2、4、6、9 或 12 位行政区划代码');

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
