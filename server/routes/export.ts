// Export of a form's submissions as CSV or XLSX, with the list's own filters and scope (a user
// exports exactly what they may list), streamed batch by batch from the store to the client.
// Everything that can fail as a Problem (session, form, parameters, the count) happens before
// the first byte; a failure mid-stream is logged and cuts the download short.
import { chinaDate } from '@engine';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import { SubmissionListQuerySchema } from '@engine/contract/submissions';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { attachment } from '../export/contentDisposition';
import { csvExport } from '../export/csvExport';
import { planExport } from '../export/planExport';
import { xlsxExport } from '../export/xlsxExport';
import { zipExport } from '../export/zipExport';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { notFound, Problem } from '../problem';
import { commonErrors, json, ProblemSchema } from './schemas';
import { toFilter } from './submissionQuery';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP = 'application/zip';
const file = z.string().openapi({ type: 'string', format: 'binary' });

const ExportQuery = SubmissionListQuerySchema.omit({ page: true, pageSize: true, sort: true, order: true }).extend({
  format: z.enum(['csv', 'xlsx', 'zip'], { error: '应为 csv、xlsx 或 zip' }).openapi({ description: 'xlsx（给人看）：主表一张工作表，每个表格（如家庭成员）各一张，文本原样、数字为数值；csv（给系统）：UTF-8（带 BOM），开头为 0 或 12 位以上的数字（证件号码、代码、电话）写作 ="…"，表格软件打开时保持原样；zip（含文件）：xlsx 加上每户的照片和签字，按 村/户主姓名-证件号码/ 分文件夹，文件名与表中“文件名 链接”列一致' }),
  table: z.string().max(100).optional().openapi({ description: '仅 CSV：导出该表格（如 members）的各行，而不是主表' }),
  lang: z.string().regex(/^[a-z]{2,3}$/, { error: '应为语言代码（如 en）' }).optional().openapi({ description: '表头和选项名称的语言：默认 zh（中文）；en 时固定列、状态、是/否为英文，字段名和选项取表单的该语言翻译（未翻译的仍为中文）' }),
});

const exportRoute = createRoute({
  method: 'get', path: '/forms/{formId}/export', tags: ['导出'], summary: '导出提交（CSV 或 XLSX，筛选与列表相同，流式下载）',
  request: { params: z.object({ formId: z.string() }), query: ExportQuery },
  responses: {
    200: {
      description: '导出文件：固定列（提交编号、状态、行政区划、户主、版本、时间、填报人）后接表单各字段；代码型选项导出代码与名称两列',
      headers: z.object({
        'Content-Disposition': z.string().openapi({ description: "attachment; filename=\"…\"; filename*=UTF-8''…（中文文件名）" }),
        'X-Export-Rows': z.string().openapi({ description: '导出的提交数（主表行数），供显示进度' }),
      }),
      content: { [CSV]: { schema: file }, [XLSX]: { schema: file }, [ZIP]: { schema: file } },
    },
    ...commonErrors,
    404: json(ProblemSchema, '表单不存在'),
  },
});

export function exportRoutes(deps: Deps) {
  const onError = (error: unknown) => deps.log.error('导出中断', error);
  return createRouter().openapi(exportRoute, async (c) => {
    const user = requireUser(c);
    const { formId } = c.req.valid('param');
    const query = c.req.valid('query');
    const form = await deps.store.getForm(formId);
    if (!form) throw notFound('表单');
    const filter = toFilter(formId, queryScope(user), query);
    const plan = await planExport(deps, form, filter, { linkBase: new URL(c.req.url).origin, ...(query.lang ? { language: query.lang } : {}) });
    const table = query.table === undefined ? null : plan.tables.find((t) => t.key === query.table);
    if (table === undefined) {
      const known = plan.tables.map((t) => `${t.key}（${t.title}）`).join('、') || '无';
      throw new Problem('bad_request', `请求字段 table 不正确：表单中没有表格 ${query.table}（可选：${known}）`, [{ field: 'table', message: `没有表格 ${query.table}` }]);
    }
    const { total } = await deps.store.listSubmissions(filter, { page: 1, pageSize: 1 });

    const date = chinaDate(deps.clock.now());
    const name = [plan.title, ...(table && query.format === 'csv' ? [table.title] : []), date].join('-');
    const asciiName = [formId, ...(table && query.format === 'csv' ? [table.key] : []), date].join('-');
    const workbook = () => xlsxExport([plan.main, ...plan.tables.map((t) => t.sheet)], onError);
    const open = async (reference: string) => (await deps.store.openAttachment(reference))?.bytes ?? null;
    const body = query.format === 'csv'
      ? csvExport(table ? table.sheet : plan.main, onError)
      : query.format === 'zip' ? zipExport({ workbookName: `${name}.xlsx`, workbook: workbook(), plan, open, at: deps.clock.now() }, onError) : workbook();
    const extension = query.format;
    return c.body(Readable.toWeb(body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream, 200, {
      'Content-Type': query.format === 'csv' ? CSV : query.format === 'zip' ? ZIP : XLSX,
      'Content-Disposition': attachment(`${name}.${extension}`, `${asciiName}.${extension}`),
      'X-Export-Rows': String(total),
      'Cache-Control': 'no-store',
    });
  });
}
