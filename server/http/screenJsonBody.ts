// Middleware: a JSON body is screened as text before anything parses it (jsonTextProblem): nested
// deeper than MAX_BODY_DEPTH, carrying the NUL character (\u0000) or half a surrogate pair alone
// ("\ud800"), it is refused with a 400 in Chinese. No form field needs either character; PostgreSQL
// cannot store them in text or jsonb, and SQLite would keep them only to break exports later, so
// they are refused at the door, the same on both stores. Any Content-Type naming JSON is screened,
// whatever its case: the validators accept them all.
import type { MiddlewareHandler } from 'hono';
import { Problem } from '../problem';
import type { AppEnv } from './env';
import { jsonTextProblem, type JsonTextProblem } from './jsonTextProblem';
import { MAX_BODY_DEPTH } from './requestLimits';

const MESSAGES: Record<JsonTextProblem, string> = {
  depth: `请求内容嵌套过深：超过 ${MAX_BODY_DEPTH} 层`,
  nul: '请求内容含有不允许的空字符（\\u0000），请删除后重试',
  surrogate: '请求内容含有不成对的代理字符（如 \\ud800），不是有效的文字，请删除后重试',
};

export function screenJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /json/i.test(c.req.header('content-type') ?? '')) {
      const problem = jsonTextProblem(await c.req.text(), MAX_BODY_DEPTH);
      if (problem) throw new Problem('bad_request', MESSAGES[problem]);
    }
    await next();
  };
}
