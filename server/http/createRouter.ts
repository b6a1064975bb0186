// Every resource's sub-app is an OpenAPIHono with the same validation hook, so its routes are
// documented in /api/openapi.json and its bad requests answered alike.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { validationHook } from './validationHook';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
}
