// The registered divisions, administered: household counts per division for the registered tree,
// the history of changes, removing a division registered by mistake (never one that holds
// households, submissions or users: 422 naming them), the adjustment sheet to download (the
// registered divisions under a code, ready to edit) and to upload — checked row by row and
// reported with each problem's row and column before anything is written (?dryRun=1 stops
// there), then applied all at once: new divisions, new names, villages merged.
import { createRoute, z } from '@hono/zod-openapi';
import type { AdjustmentResult } from '@engine/contract';
import { AdjustmentResultSchema } from '@engine/contract/admin';
import { DivisionChangesSchema, DivisionRemovedSchema, HouseholdCountsSchema } from '@engine/contract/divisions';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { divisionSheetCsv, divisionSheetXlsx } from '../divisions/divisionSheet';
import type { OfficialDivisions } from '../divisions/officialDivisions';
import { runDivisionAdjustment } from '../divisions/runDivisionAdjustment';
import { attachment } from '../export/contentDisposition';
import { readSheet, SheetError, sniffFormat, type Sheet } from '../households/readSheet';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { notFound, Problem } from '../problem';
import { DivisionInUse } from '../store/Store';
import { commonErrors, divisionCode, json, ProblemSchema } from './schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 20_000;
const file = z.string().openapi({ type: 'string', format: 'binary' });
const under = divisionCode.optional().openapi({ description: '只看该区划及其下级' });

const counts = createRoute({
  method: 'get', path: '/divisions/household-counts', tags: ['行政区划'], summary: '本人范围内各村的农户数',
  request: { query: z.object({ under }) },
  responses: { 200: json(HouseholdCountsSchema, '有农户的村，按代码排列'), ...commonErrors },
});

const changes = createRoute({
  method: 'get', path: '/divisions/changes', tags: ['行政区划'], summary: '行政区划的导入和调整记录（管理员）',
  request: { query: z.object({ under }) },
  responses: { 200: json(DivisionChangesSchema, '先发生的在前'), ...commonErrors },
});

const remove = createRoute({
  method: 'delete', path: '/divisions/{code}', tags: ['行政区划'], summary: '删除误登记的区划及其全部下级（管理员；有农户、提交或用户的不能删除）',
  request: { params: z.object({ code: divisionCode }) },
  responses: {
    200: json(DivisionRemovedSchema, '已删除'),
    ...commonErrors,
    404: json(ProblemSchema, '区划未登记'),
    422: json(ProblemSchema, '区划仍有农户、提交或用户（division_in_use），未删除'),
  },
});

const sheet = createRoute({
  method: 'get', path: '/divisions/adjustments/sheet', tags: ['行政区划'], summary: '行政区划调整表：已登记的区划，每个一行（管理员）',
  request: { query: z.object({ under, format: z.enum(['xlsx', 'csv'], { error: '应为 xlsx 或 csv' }).default('xlsx') }) },
  responses: { 200: { description: '列：代码、名称、上级代码、并入', content: { [XLSX]: { schema: file }, 'text/csv': { schema: file } } }, ...commonErrors },
});

const upload = createRoute({
  method: 'post', path: '/divisions/adjustments', tags: ['行政区划'],
  summary: '按调整表（XLSX 或 CSV）新增、改名、合并行政区划（管理员；先检查每一行，全部正确才调整，全部或都不）',
  request: {
    query: z.object({ dryRun: z.enum(['0', '1']).optional().openapi({ description: '1：只检查，不调整' }) }),
    body: { content: { [XLSX]: { schema: file }, 'text/csv': { schema: file } }, required: true },
  },
  responses: {
    200: json(AdjustmentResultSchema, '检查通过（试运行）或已调整'),
    ...commonErrors,
    422: json(ProblemSchema, 'details.problems 列出每个问题所在的行和列，未做任何调整'),
  },
});

async function readUpload(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length === 0) throw new Problem('bad_request', '请求内容不正确：没有收到文件');
  try {
    const read = await readSheet(bytes, sniffFormat(bytes));
    if (read.rows.length === 0) throw new Problem('bad_request', '文件中没有数据行（第 1 行是表头，从第 2 行起每个区划一行）');
    if (read.rows.length > MAX_ROWS) throw new Problem('bad_request', `文件有 ${read.rows.length} 行，超过 ${MAX_ROWS} 行：请按县分批调整`);
    return read;
  } catch (e) {
    if (e instanceof SheetError) throw new Problem('bad_request', e.message);
    throw e;
  }
}

/** The scope narrowed to `under`: `under` itself when the scope covers it, else the scope's codes within it. */
function narrow(scope: string[], under: string | undefined): string[] {
  if (!under) return scope;
  return scope.some((s) => under.startsWith(s)) ? [under] : scope.filter((s) => s.startsWith(under));
}

function refused(result: AdjustmentResult): Problem {
  const errors = result.problems.filter((p) => p.severity === 'error');
  const first = errors[0]!;
  return new Problem('invalid_rows', `共 ${errors.length} 处错误，未做任何调整。第 ${first.row} 行${first.column ? ` ${first.column}` : ''}：${first.message}`, { problems: result.problems });
}

export function divisionAdjustmentRoutes(deps: Deps, official: OfficialDivisions) {
  const { store } = deps;
  return createRouter()
    .openapi(counts, async (c) => {
      const user = requireUser(c);
      return c.json({ items: await store.countHouseholdsByDivision(narrow(queryScope(user), c.req.valid('query').under)) }, 200);
    })
    .openapi(changes, async (c) => {
      requireUser(c, 'admin');
      return c.json({ items: await store.listDivisionChanges([c.req.valid('query').under ?? '']) }, 200);
    })
    .openapi(remove, async (c) => {
      const admin = requireUser(c, 'admin');
      const { code } = c.req.valid('param');
      const division = await store.getDivision(code);
      if (!division) throw notFound(`行政区划 ${code} `);
      const label = `${division.name}（${code}）`;
      const users = (await store.listUsers()).filter((u) => u.role !== 'admin' && u.scope.some((s) => s.startsWith(code))).map((u) => u.username);
      const households = (await store.countHouseholdsByDivision([code])).reduce((n, d) => n + d.count, 0);
      const inUse = (held: string, details: Record<string, unknown>) => new Problem('division_in_use',
        `${label}${[held ? `仍有 ${held}` : '', users.length ? `是用户 ${users.join('、')} 的工作范围` : ''].filter(Boolean).join('，')}，不能删除：两村合并请用调整表的“并入”列，用户的范围请在“用户”页修改`,
        { code, ...details, users });
      if (users.length > 0 || households > 0) throw inUse(households ? `${households} 户农户` : '', { households });
      const removed = (await store.listDivisions([code])).length;
      try {
        await store.adjustDivisions({ at: deps.clock.now().toISOString(), userId: admin.id, upserts: [], merges: [], removals: [code] });
      } catch (e) {
        // Between the count and the removal, or submissions with no household yet (identifications).
        if (!(e instanceof DivisionInUse)) throw e;
        throw inUse([e.households ? `${e.households} 户农户` : '', e.submissions ? `${e.submissions} 份提交` : ''].filter(Boolean).join('、'),
          { households: e.households, submissions: e.submissions });
      }
      return c.json({ code, name: division.name, removed }, 200);
    })
    .openapi(sheet, async (c) => {
      requireUser(c, 'admin');
      const { under: code, format } = c.req.valid('query');
      const divisions = await store.listDivisions([code ?? '']);
      const base = `行政区划调整表${code ? `-${code}` : ''}`;
      if (format === 'csv') {
        return c.body(divisionSheetCsv(divisions), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`${base}.csv`, 'divisions.csv') });
      }
      const bytes = await divisionSheetXlsx(divisions);
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': XLSX, 'Content-Disposition': attachment(`${base}.xlsx`, 'divisions.xlsx') });
    })
    .openapi(upload, async (c) => {
      const admin = requireUser(c, 'admin');
      const dryRun = c.req.valid('query').dryRun === '1';
      const read = await readUpload(new Uint8Array(await c.req.arrayBuffer()));
      const result = await runDivisionAdjustment(deps, official, read, dryRun, admin.id);
      if (!result.ok) throw refused(result);
      return c.json(result, 200);
    });
}
