// Data quality at a glance (数据清洗), so a village can be told exactly what to fix:
// GET /api/quality/warnings — submissions whose evaluation left warnings (a household kind that
// does not match its income…), with each message, counted per village; GET /api/quality/duplicates
// — member ID numbers registered in two or more households, with every household holding them,
// counted per village. Households outside the user's area show only their division, never a name.
import { createRoute } from '@hono/zod-openapi';
import { DuplicatesAnswerSchema, DuplicatesQuerySchema, WarningsAnswerSchema, WarningsQuerySchema } from '@engine/contract/progress';
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { pageNames } from '../review/pageNames';
import type { DivisionCount, SubmissionFilter } from '../store/Store';
import { STATUS_LABELS } from '../submissions/present';
import { commonErrors, json } from './schemas';

const warnings = createRoute({
  method: 'get', path: '/quality/warnings', tags: ['数据质量'], summary: '有提示（警告）的提交：按村计数，逐户列出提示内容',
  request: { query: WarningsQuerySchema },
  responses: {
    200: json(WarningsAnswerSchema, '一页有提示的提交'),
    ...commonErrors,
  },
});

const duplicates = createRoute({
  method: 'get', path: '/quality/duplicates', tags: ['数据质量'], summary: '同一证件号码登记在两户或多户：按村计数，列出每户',
  request: { query: DuplicatesQuerySchema },
  responses: {
    200: json(DuplicatesAnswerSchema, '一页重复的证件号码'),
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
          ? { ...h, villageName: names.division(h.divisionCode), inScope: true as const }
          : { divisionCode: h.divisionCode, villageName: names.division(h.divisionCode), inScope: false as const })),
      }));
      return c.json({ villages: await villagesOf(byDivision), ...page, items }, 200);
    });
}
