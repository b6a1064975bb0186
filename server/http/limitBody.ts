// Middleware: a body over the limit is refused (413) before it is read. A declared Content-Length
// is checked as a header, and the body is left to be read once, straight from the socket, by the
// handler that needs it. Hono's bodyLimit asks first for the request's web stream, which makes
// @hono/node-server build a whole Request and stream for every request, GETs included: about a
// tenth of a submission's time. A chunked body, whose size only reading tells, goes through it.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';

export function limitBody(maxSize: number, onError: (c: Context) => never): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize, onError });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > maxSize) onError(c);
      return next();
    }
    return streamed(c, next);
  };
}
