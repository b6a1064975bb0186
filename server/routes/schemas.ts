// The HTTP plumbing of route schemas: the errors every route may give, a JSON body or answer.
// What goes over the wire lives in the contract (@engine/contract).
import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from '@engine/contract/common';

// The contract's shared pieces, for the routes that import them from here.
export { calendarDate, divisionCode, ProblemSchema } from '@engine/contract/common';

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
