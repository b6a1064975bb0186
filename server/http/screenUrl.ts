// Middleware: the path's segments and the query's names and values, decoded as the routes read
// them, are refused with a 400 in Chinese when one is longer than MAX_PARAM_LENGTH or holds a
// control character. NUL above all: PostgreSQL cannot hold it in text, so `/api/households/%00`
// reached the database and failed there (500) on every route that looks an id or a filter up;
// no id, code or filter has any use for the others either. Nothing past the door sees them.
import type { MiddlewareHandler } from 'hono';
import { Problem } from '../problem';
import type { AppEnv } from './env';
import { MAX_PARAM_LENGTH } from './requestLimits';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this screen refuses in a URL.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** decodeURIComponent where it can, the text as sent where it cannot (as hono reads params). */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function checkValue(value: string, where: string, field: string): void {
  if (CONTROL.test(value)) {
    throw new Problem('bad_request', `${where}含有不允许的控制字符（如 %00），请检查后重试`, [{ field, message: '含有控制字符' }]);
  }
  if (value.length > MAX_PARAM_LENGTH) {
    throw new Problem('bad_request', `${where}过长：超过 ${MAX_PARAM_LENGTH} 个字符`, [{ field, message: '过长' }]);
  }
}

export function screenUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) checkValue(decoded(segment), '请求路径', 'path');
    for (const [name, values] of Object.entries(c.req.queries())) {
      const known = !CONTROL.test(name) && name.length <= 64;
      checkValue(name, '请求参数名', 'query');
      for (const value of values) checkValue(value, known ? `请求参数 ${name} ` : '请求参数', known ? name : 'query');
    }
    await next();
  };
}
