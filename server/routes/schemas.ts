// The HTTP plumbing of route schemas: the errors every route may give, a JSON body or answer, and
// the account as its routes answer it. What goes over the wire lives in the contract (@engine/contract).
import { z } from '@hono/zod-openapi';
import { ProblemSchema } from '@engine/contract/common';

// The contract's shared pieces, for the routes that import them from here.
export { calendarDate, divisionCode, ProblemSchema } from '@engine/contract/common';

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
