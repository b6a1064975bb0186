// How a request that fails its zod schema is answered: 400 with the field named in Chinese
// ("请求字段 password：..."), the same problem shape as every other error.
import type { Context } from 'hono';
import { Problem } from '../problem';

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

export function problemFromIssues(issues: ZodLikeIssue[], target: string): Problem {
  const details = issues.map((i) => ({ field: i.path.map(String).join('.') || target, message: i.message }));
  const first = details[0];
  const message = first ? `请求字段 ${first.field} 不正确：${first.message}` : '请求内容不正确';
  return new Problem('bad_request', message, details);
}

export function validationHook(
  result: { success: boolean; error?: { issues: ZodLikeIssue[] }; target?: string },
  _c: Context,
): void {
  if (!result.success) throw problemFromIssues(result.error?.issues ?? [], result.target ?? 'body');
}
