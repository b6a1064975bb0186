// GET /api/health: the server is up and its database answers.
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { json } from './schemas';

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['系统'],
  summary: '健康检查',
  responses: { 200: json(z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() }), '服务与数据库正常') },
});

export function healthRoutes(deps: Deps) {
  return createRouter().openapi(route, async (c) => {
    await deps.store.ping();
    return c.json({ status: 'ok' as const, database: 'ok' as const, time: deps.clock.now().toISOString() }, 200);
  });
}
