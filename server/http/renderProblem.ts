// app.onError: every error leaves as {error: {code, message}}. A Problem carries its own status;
// hono's HTTPExceptions (malformed JSON, body too large, a body that is not JSON on a JSON route)
// are translated, any other 4xx of theirs as a plain bad request; anything else is a 500 logged
// on the server, with no internals in the answer.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../deps';
import { Problem } from '../problem';
import { StoreConflict } from '../store/Store';

function translate(error: unknown): Problem | null {
  if (error instanceof Problem) return error;
  if (error instanceof StoreConflict) {
    return new Problem(error.kind === 'revision' ? 'stale_revision' : 'conflict', error.message);
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) return new Problem('payload_too_large', '请求内容过大（上限 1 MB）');
    if (error.status === 400 && /json/i.test(error.message)) return new Problem('malformed_json', '请求内容不是有效的 JSON');
    if (error.status === 400) return new Problem('bad_request', '请求不正确');
    if (error.status === 401) return new Problem('unauthenticated', '请先登录');
    if (error.status === 403) return new Problem('forbidden', '没有权限');
    if (error.status === 404) return new Problem('not_found', '资源不存在');
    // zod-openapi's media-type gate: only routes that declare a JSON body have one.
    if (error.status === 415) return new Problem('unsupported_media_type', '请求内容必须是 JSON（Content-Type: application/json）');
    if (error.status < 500) return new Problem('bad_request', '请求不正确');
  }
  if (error instanceof SyntaxError && /JSON/.test(error.message)) return new Problem('malformed_json', '请求内容不是有效的 JSON');
  return null;
}

export function renderProblem(log: Logger) {
  return (error: unknown, c: Context) => {
    const problem = translate(error);
    if (problem) {
      for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
      return c.json(problem.body(), problem.status);
    }
    log.error(`${c.req.method} ${c.req.path} 失败`, error);
    return c.json(new Problem('internal', '服务器内部错误，请稍后重试').body(), 500);
  };
}
