// The official division list, for administrators: browse it a level at a time
// (GET /api/division-catalog?parent=, each child marked when already registered) and register a
// province, city, county or township with everything below it in one step
// (POST /api/divisions/import-official). With `Accept: application/x-ndjson` an import answers
// with progress lines ending in the result (a province is tens of thousands of villages).
import { createRoute, z } from '@hono/zod-openapi';
import { DivisionCatalogSchema, OfficialImportResultSchema } from '@engine/contract/divisions';
import type { OfficialImportProgress, OfficialImportResult } from '@engine/contract';
import type { Deps } from '../deps';
import { importOfficial } from '../divisions/importOfficial';
import type { OfficialDivisions } from '../divisions/officialDivisions';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { commonErrors, divisionCode, json, jsonBody, ProblemSchema } from './schemas';

const NDJSON = 'application/x-ndjson';
const catalog = createRoute({
  method: 'get', path: '/division-catalog', tags: ['行政区划'], summary: '国家统计局区划代码：某区划的下一级（管理员）',
  request: { query: z.object({ parent: divisionCode.optional().openapi({ description: '上级代码；不填为全部省份' }) }) },
  responses: {
    200: json(DivisionCatalogSchema, '下一级区划，按代码排列'),
    ...commonErrors,
    404: json(ProblemSchema, '区划代码中没有该上级'),
  },
});

const importRoute = createRoute({
  method: 'post', path: '/divisions/import-official', tags: ['行政区划'],
  summary: '从国家统计局区划代码登记一个省、市、县、乡镇或村及其全部下级和上级（管理员；可重复执行，已登记的不变）',
  request: jsonBody(z.object({ code: divisionCode.meta({ description: '2、4、6、9 或 12 位代码' }) })),
  responses: {
    200: {
      description: '已登记；Accept: application/x-ndjson 时为逐行的进度 {type: "progress", stage, done, total}，最后一行为结果',
      content: { 'application/json': { schema: OfficialImportResultSchema }, [NDJSON]: { schema: z.string() } },
    },
    ...commonErrors,
    404: json(ProblemSchema, '区划代码中没有该代码'),
  },
});

export function officialDivisionRoutes(deps: Deps, official: OfficialDivisions) {
  return createRouter()
    .openapi(catalog, async (c) => {
      requireUser(c, 'admin');
      const parent = c.req.valid('query').parent ?? null;
      const items = official.children(parent);
      if (!items) throw new Problem('not_found', `请求字段 parent 不正确：国家统计局区划代码中没有 ${parent}`);
      const registered = new Set((await deps.store.listDivisions(parent ? [parent] : [''])).map((d) => d.code));
      const mark = <T extends { code: string }>(d: T) => ({ ...d, registered: registered.has(d.code) });
      const head = parent ? official.get(parent) : null;
      return c.json({ source: official.source(), parent: head ? mark(head) : null, items: items.map(mark) }, 200);
    })
    .openapi(importRoute, async (c) => {
      const user = requireUser(c, 'admin');
      const { code } = c.req.valid('json');
      if (!official.get(code)) throw new Problem('not_found', `请求字段 code 不正确：国家统计局区划代码中没有 ${code}`);
      if (!(c.req.header('Accept') ?? '').includes(NDJSON)) {
        return c.json((await importOfficial(deps, official, code, user.id))!, 200);
      }
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (line: OfficialImportProgress | OfficialImportResult | { type: 'error'; message: string }) =>
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          try {
            send((await importOfficial(deps, official, code, user.id, send))!);
          } catch (error) {
            deps.log.error('行政区划导入失败', error);
            send({ type: 'error', message: '导入时服务器出错：已登记的部分保留，再次导入即可补全' });
          }
          controller.close();
        },
      });
      return c.body(body, 200, { 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }) as never;
    });
}
