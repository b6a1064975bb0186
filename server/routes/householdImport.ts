// The household registry imported from a spreadsheet (administrators): the template (XLSX or
// CSV), and the upload (XLSX, ODS, XLS or CSV, whichever application saved it) — the file
// itself as the request body, read on the server, every row checked and reported with its
// sheet row before anything is written (?dryRun=1 stops there),
// then every household written at once, all or nothing. With `Accept: application/x-ndjson` the
// answer is a stream of progress lines ending in the result, so the page can show progress on
// a large file; otherwise one JSON answer (422 listing every problem). A file that cannot be
// read at all is a 400 before any line is sent. Files up to 20 MB (the API's 1 MB limit does not
// apply here): the limit is kept at the door with the others (app.ts), before anything reads the
// body, as a JSON screen may.
import { createRoute, z } from '@hono/zod-openapi';
import type { ImportProgress, ImportResult } from '@engine/contract';
import { ImportResultSchema } from '@engine/contract/admin';
import type { Deps } from '../deps';
import { attachment } from '../export/contentDisposition';
import { importTemplateCsv, importTemplateXlsx } from '../households/importTemplate';
import { readSheet, SheetError, sniffFormat, type Sheet } from '../households/readSheet';
import { runHouseholdImport } from '../households/runHouseholdImport';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { StoreConflict } from '../store/Store';
import { commonErrors, json, ProblemSchema } from './schemas';

export const IMPORT_PATH = '/api/household-import';
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const IMPORT_TOO_LARGE = '文件过大（上限 20 MB）：请分批导入';
const MAX_ROWS = 100_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const XLS = 'application/vnd.ms-excel';
const NDJSON = 'application/x-ndjson';
const file = z.string().openapi({ type: 'string', format: 'binary' });

const template = createRoute({
  method: 'get', path: '/household-import/template', tags: ['农户'], summary: '农户导入模板（管理员）',
  request: { query: z.object({ format: z.enum(['xlsx', 'csv'], { error: '应为 xlsx 或 csv' }).default('xlsx') }) },
  responses: { 200: { description: '模板文件：每位家庭成员一行，同一户主证件号码的各行为一户', content: { [XLSX]: { schema: file }, 'text/csv': { schema: file } } }, ...commonErrors },
});

const upload = createRoute({
  method: 'post', path: '/household-import', tags: ['农户'],
  summary: '从表格文件（XLSX、ODS、XLS 或 CSV）导入农户（管理员；先检查每一行，全部正确才写入，全部或一户也不）',
  request: {
    query: z.object({ dryRun: z.enum(['0', '1']).optional().openapi({ description: '1：只检查，不写入' }) }),
    body: { content: { [XLSX]: { schema: file }, [ODS]: { schema: file }, [XLS]: { schema: file }, 'text/csv': { schema: file } }, required: true },
  },
  responses: {
    200: {
      description: '检查通过（试运行）或已导入；Accept: application/x-ndjson 时为逐行的进度 {type: "progress", stage, done, total}，最后一行为结果',
      content: { 'application/json': { schema: ImportResultSchema }, [NDJSON]: { schema: z.string() } },
    },
    ...commonErrors,
    409: json(ProblemSchema, '与同时进行的其他导入冲突，未导入任何数据，可重试'),
    413: json(ProblemSchema, '文件超过 20 MB'),
    422: json(ProblemSchema, 'details.problems 列出每个问题所在的行和列，未导入任何数据'),
  },
});

/** An uploaded spreadsheet read, or a 400 in Chinese (also the warning lists' import). `rowsAre`: what each row holds, for the empty file's message. */
export async function readUpload(bytes: Uint8Array, rowsAre = '每位家庭成员一行'): Promise<Sheet> {
  if (bytes.length === 0) throw new Problem('bad_request', '请求内容不正确：没有收到文件');
  try {
    const sheet = await readSheet(bytes, sniffFormat(bytes));
    if (sheet.rows.length === 0) throw new Problem('bad_request', `文件中没有数据行（第 1 行是表头，从第 2 行起${rowsAre}）`);
    if (sheet.rows.length > MAX_ROWS) throw new Problem('bad_request', `文件有 ${sheet.rows.length} 行，超过 ${MAX_ROWS} 行：请分批导入`);
    return sheet;
  } catch (e) {
    if (e instanceof SheetError) throw new Problem('bad_request', e.message);
    throw e;
  }
}

function refused(result: ImportResult): Problem {
  const errors = result.problems.filter((p) => p.severity === 'error');
  const first = errors[0]!;
  return new Problem('invalid_rows', `共 ${errors.length} 处错误，未导入任何数据。第 ${first.row} 行${first.column ? ` ${first.column}` : ''}：${first.message}`, { problems: result.problems });
}

export function householdImportRoutes(deps: Deps) {
  return createRouter()
    .openapi(template, async (c) => {
      requireUser(c, 'admin');
      const { format } = c.req.valid('query');
      if (format === 'csv') {
        return c.body(importTemplateCsv(), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('农户导入模板.csv', 'household-import-template.csv') });
      }
      const bytes = await importTemplateXlsx();
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': XLSX, 'Content-Disposition': attachment('农户导入模板.xlsx', 'household-import-template.xlsx') });
    })
    .openapi(upload, async (c) => {
      requireUser(c, 'admin');
      const dryRun = c.req.valid('query').dryRun === '1';
      const sheet = await readUpload(new Uint8Array(await c.req.arrayBuffer()));
      if (!(c.req.header('Accept') ?? '').includes(NDJSON)) {
        const result = await runHouseholdImport(deps, sheet, dryRun);
        if (!result.ok) throw refused(result);
        return c.json(result, 200);
      }
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (line: ImportProgress | ImportResult | { type: 'error'; message: string }) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          try {
            send(await runHouseholdImport(deps, sheet, dryRun, send));
          } catch (error) {
            if (error instanceof StoreConflict) {
              send({ type: 'error', message: `导入失败：${error.message}` });
            } else {
              deps.log.error('农户导入失败', error);
              send({ type: 'error', message: '导入失败：服务器出错，未导入任何数据，请稍后重试' });
            }
          }
          controller.close();
        },
      });
      return c.body(body, 200, { 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }) as never;
    });
}
