// The household registry: administrators import households (a JSON array, matched by head ID
// number, every row checked first and nothing written unless all are valid); everyone reads the
// households of their area, each with its members and its submissions across forms and years.
import { createRoute, z } from '@hono/zod-openapi';
import { MONITORED_KINDS } from '@engine';
import { HouseholdDetailSchema, HouseholdJsonImportSchema, HouseholdListQuerySchema, HouseholdPageSchema, HouseholdRowsSchema } from '@engine/contract/households';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { householdDetail } from '../fill/reads';
import { checkHouseholdRows } from '../households/householdRows';
import { searchText } from './searchText';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const importRoute = createRoute({
  method: 'post', path: '/households', tags: ['农户'], summary: '导入农户（管理员；按户主证件号码新增或更新，全部正确才写入）',
  request: { query: z.object({ dryRun: z.enum(['0', '1']).optional() }), ...jsonBody(HouseholdRowsSchema) },
  responses: {
    200: json(HouseholdJsonImportSchema, '已导入（或试运行通过）：新建和更新的户数按实际写入计算'),
    ...commonErrors,
    409: json(ProblemSchema, '与同时进行的其他导入或审核冲突，未导入任何数据，可重试'),
    422: json(ProblemSchema, 'details.rows 列出每一行的问题'),
  },
});

const list = createRoute({
  method: 'get', path: '/households', tags: ['农户'], summary: '农户列表（本人范围）',
  request: { query: HouseholdListQuerySchema },
  responses: { 200: json(HouseholdPageSchema, '一页农户'), ...commonErrors },
});

const read = createRoute({
  method: 'get', path: '/households/{id}', tags: ['农户'], summary: '农户详情：成员、各表提交、登记变更历史',
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: json(HouseholdDetailSchema, '农户：成员、各表提交、登记变更历史'), ...commonErrors, 404: json(ProblemSchema, '不存在或不在范围内') },
});

export function householdRoutes(deps: Deps) {
  const { store, clock } = deps;
  return createRouter()
    .openapi(importRoute, async (c) => {
      requireUser(c, 'admin');
      const rows = c.req.valid('json');
      const known = new Set((await store.listDivisions([''])).map((d) => d.code));
      const { households, problems } = checkHouseholdRows(rows, known);
      if (problems.length > 0) {
        throw new Problem('invalid_rows', `共 ${problems.length} 处错误，未导入任何数据。第 ${problems[0]!.row} 行 ${problems[0]!.field}：${problems[0]!.message}`, { rows: problems });
      }
      if (c.req.valid('query').dryRun === '1') {
        const existing = await Promise.all(households.map((h) => store.findHouseholdByHeadId(h.headIdNumber)));
        const updated = existing.filter(Boolean).length;
        return c.json({ created: households.length - updated, updated, ids: [], dryRun: true }, 200);
      }
      // Counted from what the store did: another import of the same households at once made
      // them first, this one updated them.
      const written = await store.upsertHouseholds(households, clock.now().toISOString());
      const created = written.filter((w) => w.created).length;
      return c.json({ created, updated: written.length - created, ids: written.map((w) => w.id), dryRun: false }, 200);
    })
    .openapi(list, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const monitored = q.kind === '监测户';
      const page = await store.listHouseholds(
        { scope: queryScope(user), division: q.division, kind: monitored ? undefined : q.kind, kinds: monitored ? [...MONITORED_KINDS] : undefined, q: searchText(q.q) },
        { page: q.page, pageSize: q.pageSize },
      );
      return c.json({ ...page, items: page.items.map((h) => ({ ...h, memberCount: h.members.length })) }, 200);
    })
    .openapi(read, async (c) => {
      const user = requireUser(c);
      return c.json(await householdDetail(deps, user, c.req.valid('param').id), 200);
    });
}
