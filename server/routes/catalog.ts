// Read-only catalogues the client needs: campaigns (with their parameters and forms) and the
// divisions of the user's area (the client builds the township > village tree from parent codes).
import { createRoute } from '@hono/zod-openapi';
import { CampaignListSchema } from '@engine/contract/campaigns';
import { DivisionListSchema } from '@engine/contract/divisions';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { visibleCampaigns } from '../fill/reads';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { commonErrors, json } from './schemas';

const campaigns = createRoute({
  method: 'get', path: '/campaigns', tags: ['活动'], summary: '活动列表（管理员和审核员看到全部，含已关闭的往年活动；信息员看到开放中的）',
  responses: { 200: json(CampaignListSchema, '活动'), ...commonErrors },
});

const divisions = createRoute({
  method: 'get', path: '/divisions', tags: ['行政区划'], summary: '本人范围内的行政区划',
  responses: { 200: json(DivisionListSchema, '行政区划（含上级，供显示路径）'), ...commonErrors },
});

export function catalogRoutes(deps: Deps) {
  return createRouter()
    .openapi(campaigns, async (c) => {
      return c.json(await visibleCampaigns(deps, requireUser(c)), 200);
    })
    .openapi(divisions, async (c) => {
      const user = requireUser(c);
      const scope = queryScope(user);
      const inScope = await deps.store.listDivisions(scope);
      const ancestors = [];
      for (const code of new Set(scope.flatMap((s) => [2, 4, 6, 9].filter((n) => n < s.length).map((n) => s.slice(0, n))))) {
        const d = await deps.store.getDivision(code);
        if (d) ancestors.push(d);
      }
      return c.json({ items: [...ancestors, ...inScope] }, 200);
    });
}
