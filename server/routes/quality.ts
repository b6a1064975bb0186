// Data quality at a glance (数据清洗), so a village can be told exactly what to fix:
// GET /api/quality/warnings — submissions whose evaluation left warnings (a household kind that
// does not match its income…), with each message, counted per village; GET /api/quality/duplicates
// — member ID numbers registered in two or more households, with every household holding them,
// counted per village. Households outside the user's area show only their division, never a name.
import { createRoute, z } from '@hono/zod-openapi';
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { pageNames } from '../review/pageNames';
import type { DivisionCount, SubmissionFilter } from '../store/Store';
import { STATUS_LABELS } from '../submissions/present';
import { commonErrors, divisionCode, json } from './schemas';

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const Village = z.object({ code: z.string(), name: z.string(), count: z.number() });

const warnings = createRoute({
  method: 'get', path: '/quality/warnings', tags: ['数据质量'], summary: '有提示（警告）的提交：按村计数，逐户列出提示内容',
  request: {
    query: z.object({
      form: z.string().max(100).optional().openapi({ description: '表单编号；不填：所有表' }),
      campaign: z.string().max(100).optional(),
      division: divisionCode.optional(),
      ...paging,
    }),
  },
  responses: {
    200: json(z.object({ villages: z.array(Village), items: z.array(z.object({ id: z.string() }).passthrough()), total: z.number(), page: z.number(), pageSize: z.number() }), '一页有提示的提交'),
    ...commonErrors,
  },
});

const duplicates = createRoute({
  method: 'get', path: '/quality/duplicates', tags: ['数据质量'], summary: '同一证件号码登记在两户或多户：按村计数，列出每户',
  request: { query: z.object({ division: divisionCode.optional(), ...paging }) },
  responses: {
    200: json(z.object({ villages: z.array(Village), items: z.array(z.object({ idNumber: z.string() }).passthrough()), total: z.number(), page: z.number(), pageSize: z.number() }), '一页重复的证件号码'),
    ...commonErrors,
  },
});

export function qualityRoutes(deps: Deps) {
  const { store } = deps;
  const villagesOf = async (counts: DivisionCount[]) => {
    const names = await pageNames(store, counts.map((c) => c.divisionCode), []);
    return counts.map((c) => ({ code: c.divisionCode, name: names.division(c.divisionCode), count: c.count }));
  };
  return createRouter()
    .openapi(warnings, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const filter: SubmissionFilter = {
        scope: queryScope(user), formId: q.form, campaignId: q.campaign, division: q.division, withWarnings: true, sort: 'divisionCode', order: 'asc',
      };
      const page = await store.listSubmissions(filter, { page: q.page, pageSize: q.pageSize });
      const names = await pageNames(store, page.items.map((s) => s.divisionCode), []);
      const titles = new Map((await store.listForms()).map((f) => [f.id, f.title]));
      const items = page.items.map((s) => ({
        id: s.id, formId: s.formId, formTitle: titles.get(s.formId) ?? s.formId, formVersion: s.formVersion, campaignId: s.campaignId,
        divisionCode: s.divisionCode, villageName: names.division(s.divisionCode), householdId: s.householdId, headName: s.headName,
        headIdNumber: s.headIdNumber, status: s.status, statusLabel: STATUS_LABELS[s.status],
        warnings: s.warnings.map((w) => ({ path: w.path, field: w.field, message: w.message })),
      }));
      return c.json({ villages: await villagesOf(await store.countSubmissionsByDivision(filter)), ...page, items }, 200);
    })
    .openapi(duplicates, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const scope = queryScope(user);
      const filter = { scope, division: q.division };
      const { byDivision, ...page } = await store.findDuplicateMembers(filter, { page: q.page, pageSize: q.pageSize });
      const names = await pageNames(store, page.items.flatMap((d) => d.holders.map((h) => h.divisionCode)), []);
      const items = page.items.map((d) => ({
        idNumber: d.idNumber,
        holders: d.holders.map((h) => (covers(scope, h.divisionCode)
          ? { ...h, villageName: names.division(h.divisionCode), inScope: true }
          : { divisionCode: h.divisionCode, villageName: names.division(h.divisionCode), inScope: false })),
      }));
      return c.json({ villages: await villagesOf(byDivision), ...page, items }, 200);
    });
}
