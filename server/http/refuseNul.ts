// Middleware: a JSON body carrying the NUL character (\u0000) is refused with a 400 naming it.
// No form field needs it, PostgreSQL cannot store it in text or JSON, and SQLite would keep it
// only to break exports later, so it is refused at the door, the same on both stores.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { Problem } from '../problem';

/** An escaped \u0000 that is not itself an escaped backslash followed by "u0000". */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;

export function refuseNul(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && type.includes('json')) {
      const text = await c.req.text();
      const suspect = text.includes('\u0000') || text.includes('\\u0000') || text.includes('\\U0000');
      if (suspect && (text.includes('\u0000') || ESCAPED_NUL.test(text))) {
        throw new Problem('bad_request', '请求内容含有不允许的空字符（\\u0000），请删除后重试');
      }
    }
    await next();
  };
}
