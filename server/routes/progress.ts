// A form's progress in a campaign, for reviewers (the weekly report per village and township):
// GET /api/forms/:formId/progress (the counts), …/progress/missing (the households still missing,
// a page at a time) and …/progress/export (the same as CSV or XLSX). Scope rules as everywhere:
// only the user's area, narrowed to the divisions the campaign covers.
import { chinaDate } from '@engine';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import { MissingPageSchema, MissingQuerySchema, ProgressAnswerSchema, ProgressQuerySchema } from '@engine/contract/progress';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { attachment } from '../export/contentDisposition';
import { csvExport } from '../export/csvExport';
import { xlsxExport } from '../export/xlsxExport';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { notFound } from '../problem';
import { progressReport, townshipOf } from '../reports/progressReport';
import { campaignScope, progressCampaign } from '../reports/progressScope';
import { kindSheet, missingSheet, summarySheet } from '../reports/progressSheets';
import type { DivisionRecord, UserRecord } from '../store/records';
import type { ProgressQuery } from '../store/Store';
import { commonErrors, json, ProblemSchema } from './schemas';

const params = z.object({ formId: z.string() });
const notFoundResponse = { 404: json(ProblemSchema, '表单不存在或尚未发布') };

const summary = createRoute({
  method: 'get', path: '/forms/{formId}/progress', tags: ['进度'], summary: '填报进度：各村、各乡镇应填户数与草稿、已提交、已退回、已通过、未填户数；按户类型计数',
  request: { params, query: ProgressQuerySchema },
  responses: {
    200: json(ProgressAnswerSchema, '进度'),
    ...commonErrors, ...notFoundResponse,
  },
});

const missing = createRoute({
  method: 'get', path: '/forms/{formId}/progress/missing', tags: ['进度'], summary: '尚未填报此表的应填农户（按村、户主姓名）',
  request: { params, query: MissingQuerySchema },
  responses: {
    200: json(MissingPageSchema, '一页未填农户'),
    ...commonErrors, ...notFoundResponse,
  },
});

const exportRoute = createRoute({
  method: 'get', path: '/forms/{formId}/progress/export', tags: ['进度'], summary: '导出进度（XLSX：进度汇总、按户类型、未填农户三张表；CSV：table 指定的一张）',
  request: {
    params,
    query: ProgressQuerySchema.extend({
      format: z.enum(['csv', 'xlsx'], { error: '应为 csv 或 xlsx' }),
      table: z.enum(['summary', 'kinds', 'missing'], { error: '应为 summary、kinds 或 missing' }).default('summary').openapi({ description: '仅 CSV：summary 进度汇总，kinds 按户类型，missing 未填农户' }),
    }),
  },
  responses: {
    200: { description: '导出文件', content: { 'text/csv; charset=utf-8': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
    ...commonErrors, ...notFoundResponse,
  },
});

interface Prepared {
  title: string;
  campaign: { id: string; title: string; year: number };
  query: ProgressQuery;
  divisions: DivisionRecord[];
}

async function prepare(deps: Deps, user: UserRecord, formId: string, where: { campaign?: string; division?: string }): Promise<Prepared> {
  const form = await deps.store.getForm(formId);
  if (!form || form.latestVersion === null) throw notFound('表单');
  const campaign = await progressCampaign(deps.store, formId, where.campaign);
  // The kinds expected are those of the version the campaign serves.
  const definition = (await deps.forms.get(formId, campaign.formVersions[formId] ?? form.latestVersion))!.record.definition;
  const scope = campaignScope(queryScope(user), campaign);
  const query: ProgressQuery = { scope, formId, campaignId: campaign.id, division: where.division, kinds: definition.appliesTo?.kinds ?? null };
  const prefixes = where.division ? scope.filter((s) => s.startsWith(where.division!) || where.division!.startsWith(s)).map((s) => (s.length > where.division!.length ? s : where.division!)) : scope;
  const divisions = prefixes.length ? await deps.store.listDivisions(prefixes) : [];
  for (const code of new Set(divisions.filter((d) => d.code.length === 12).map((d) => townshipOf(d.code)))) {
    if (!divisions.some((d) => d.code === code)) {
      const township = await deps.store.getDivision(code);
      if (township) divisions.push(township);
    }
  }
  return { title: definition.title, campaign: { id: campaign.id, title: campaign.title, year: campaign.year }, query, divisions };
}

export function progressRoutes(deps: Deps) {
  const onError = (error: unknown) => deps.log.error('进度导出中断', error);
  return createRouter()
    .openapi(summary, async (c) => {
      const user = requireUser(c);
      const { formId } = c.req.valid('param');
      const p = await prepare(deps, user, formId, c.req.valid('query'));
      const report = progressReport(await deps.store.summarizeProgress(p.query), p.divisions, p.query.kinds);
      return c.json({ form: { id: formId, title: p.title }, campaign: p.campaign, ...report }, 200);
    })
    .openapi(missing, async (c) => {
      const user = requireUser(c);
      const { formId } = c.req.valid('param');
      const query = c.req.valid('query');
      const p = await prepare(deps, user, formId, query);
      const page = await deps.store.listMissingHouseholds(p.query, { page: query.page, pageSize: query.pageSize });
      const names = new Map(p.divisions.map((d) => [d.code, d.name]));
      return c.json({
        ...page,
        items: page.items.map((h) => ({
          id: h.id, divisionCode: h.divisionCode, villageName: names.get(h.divisionCode) ?? '', headName: h.headName, headIdNumber: h.headIdNumber,
          kind: h.kind ?? null, phone: h.phone ?? null, address: h.address ?? null, memberCount: h.members.length,
        })),
      }, 200);
    })
    .openapi(exportRoute, async (c) => {
      const user = requireUser(c);
      const { formId } = c.req.valid('param');
      const query = c.req.valid('query');
      const p = await prepare(deps, user, formId, query);
      const report = progressReport(await deps.store.summarizeProgress(p.query), p.divisions, p.query.kinds);
      const names = new Map(p.divisions.map((d) => [d.code, d.name]));
      const sheets = {
        summary: summarySheet(report),
        kinds: kindSheet(report),
        missing: missingSheet((page) => deps.store.listMissingHouseholds(p.query, page), (code) => names.get(code) ?? ''),
      };
      const csv = query.format === 'csv';
      const body = csv ? csvExport(sheets[query.table], onError) : xlsxExport([sheets.summary, sheets.kinds, sheets.missing], onError);
      const date = chinaDate(deps.clock.now());
      const name = `${p.title}-填报进度${csv ? `-${sheets[query.table].title}` : ''}-${date}.${query.format}`;
      const ascii = `${formId}-progress${csv ? `-${query.table}` : ''}-${date}.${query.format}`;
      return c.body(Readable.toWeb(body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream, 200, {
        'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(name, ascii),
        'Cache-Control': 'no-store',
      });
    });
}
