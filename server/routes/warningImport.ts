// Departments' warning lists (行业部门筛查预警, issue 17): an administrator uploads a department's
// list (XLSX, ODS, XLS or CSV, read as the household import reads its files) with the department
// and the list's date; each row is matched to the registry (by ID number, else by name in its
// village) and the answer says which rows matched, which did not and which are ambiguous
// (?dryRun=1 stops there). Otherwise each matched row becomes a warning on its household and a
// household to verify in its village, all at once. Officers and reviewers read a household's
// warnings.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { HouseholdWarningsSchema, WarningImportQuerySchema, WarningImportResultSchema } from '@engine/contract/warnings';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { visibleHousehold } from '../submissions/access';
import { matchWarnings } from '../warnings/matchWarnings';
import { WarningSheetError, warningRows } from '../warnings/warningRows';
import { readUpload } from './householdImport';
import { commonErrors, json, ProblemSchema } from './schemas';

export const WARNING_IMPORT_PATH = '/api/warning-import';
const file = z.string().openapi({ type: 'string', format: 'binary' });

const upload = createRoute({
  method: 'post', path: '/warning-import', tags: ['重点核查户'],
  summary: '导入行业部门的预警名单（管理员；按身份证号或村内姓名匹配登记农户，匹配的每行成为该户的预警并加入该村重点核查户）',
  request: {
    query: WarningImportQuerySchema,
    body: {
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: file }, 'application/vnd.oasis.opendocument.spreadsheet': { schema: file },
        'application/vnd.ms-excel': { schema: file }, 'text/csv': { schema: file },
      },
      required: true,
    },
  },
  responses: { 200: json(WarningImportResultSchema, '每行的匹配结果；非试运行时已写入匹配的行'), ...commonErrors, 413: json(ProblemSchema, '文件超过 20 MB') },
});

const ofHousehold = createRoute({
  method: 'get', path: '/households/{id}/warnings', tags: ['农户'], summary: '农户的行业部门预警（最新名单在前）',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 200: json(HouseholdWarningsSchema, '预警'), ...commonErrors, 404: json(ProblemSchema, '不存在或不在范围内') },
});

export function warningImportRoutes(deps: Deps) {
  const { store, clock } = deps;
  return createRouter()
    .openapi(upload, async (c) => {
      const user = requireUser(c, 'admin');
      const query = c.req.valid('query');
      const sheet = await readUpload(new Uint8Array(await c.req.arrayBuffer()), '每人一行');
      let rows: ReturnType<typeof warningRows>;
      try {
        rows = warningRows(sheet);
      } catch (e) {
        if (e instanceof WarningSheetError) throw new Problem('bad_request', e.message);
        throw e;
      }
      const villages = (await store.listDivisions([''])).filter((d) => d.code.length === 12);
      const matches = await matchWarnings(store, rows, villages);
      const matched = matches.filter((m) => m.outcome === 'matched');
      const dryRun = query.dryRun === '1';
      if (!dryRun && matched.length > 0) {
        const at = clock.now().toISOString();
        await store.addHouseholdWarnings(matched.map((m) => ({
          id: randomUUID(), householdId: m.householdId!, divisionCode: m.divisionCode!, department: query.department, listDate: query.date,
          name: m.name, idNumber: m.idNumber, reason: m.reason || '（名单未写原因）', importedAt: at, importedBy: user.id,
        })));
      }
      const count = (outcome: string) => matches.filter((m) => m.outcome === outcome).length;
      return c.json({
        department: query.department, date: query.date, dryRun, matched: matched.length, unmatched: count('unmatched'), ambiguous: count('ambiguous'),
        written: dryRun ? 0 : matched.length, rows: matches,
      }, 200);
    })
    .openapi(ofHousehold, async (c) => {
      const user = requireUser(c);
      const household = await visibleHousehold(deps, user, c.req.valid('param').id);
      const items = await store.listHouseholdWarnings(household.id);
      return c.json({ items: items.map(({ importedBy: _, ...w }) => w) }, 200);
    });
}
