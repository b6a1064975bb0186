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
