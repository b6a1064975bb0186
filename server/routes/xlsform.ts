// Forms written in a spreadsheet (XLSForm; README "Writing a form in Excel"), for administrators.
// Export: any version or the draft as a workbook a person can read and edit. Import: the
// workbook is read (a file that is not one, or too big, is a 400), converted by the engine with
// every problem at its sheet, row and column, checked by the definition checker, and the form's
// saved test cases run on it under each open campaign using the form; a dry run stops there with
// the report. Otherwise, only when all of that passes, the definition becomes the form's draft
// (a new form is created), to be published as any draft: a new version comes only from a
// publication, which checks again.
import { createRoute, z } from '@hono/zod-openapi';
import type { CaseOutcome, XlsformImport } from '@engine/contract';
import { XlsformImportSchema } from '@engine/contract/xlsform';
import type { FormCase, FormDefinition } from '@engine';
import { exportWorkbook } from '@engine/xlsform/definition/exportWorkbook';
import { importWorkbook } from '@engine/xlsform/definition/importWorkbook';
import type { SheetBook } from '@engine/xlsform/definition/workbook';
import type { Deps } from '../deps';
import { attachment } from '../export/contentDisposition';
import { runFormCases } from '../forms/checkPublication';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import { StoreConflict } from '../store/Store';
import { readWorkbook, WorkbookFileError } from '../xlsform/readWorkbook';
import { writeWorkbook } from '../xlsform/writeWorkbook';
import { commonErrors, json, ProblemSchema } from './schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = z.string().openapi({ type: 'string', format: 'binary' });
const formId = z.object({ formId: z.string() });

const exportRoute = createRoute({
  method: 'get', path: '/forms/{formId}/xlsform', tags: ['表单管理'], summary: '下载为 Excel（XLSForm 工作簿）',
  request: {
    params: formId,
    query: z.object({
      version: z.union([z.literal('draft'), z.coerce.number().int().min(1)]).optional()
        .openapi({ description: '版本号或 draft；默认：有草稿时为草稿，否则为最新发布的版本' }),
    }),
  },
  responses: { 200: { description: 'XLSForm 工作簿', content: { [XLSX]: { schema: file } } }, ...commonErrors, 404: json(ProblemSchema, '表单或版本不存在') },
});

const importRoute = createRoute({
  method: 'post', path: '/forms/{formId}/xlsform', tags: ['表单管理'],
  summary: '从 Excel 导入（XLSForm 工作簿）：检查后保存为草稿',
  request: {
    params: formId,
    query: z.object({
      dryRun: z.enum(['0', '1']).optional().openapi({ description: '1：只检查并报告，不保存' }),
      revision: z.coerce.number().int().min(0).optional().openapi({ description: '保存到已有表单时：草稿的 revision（与保存草稿相同）' }),
      title: z.string().max(200).optional().openapi({ description: '工作簿没有 form_title 时的标题（如文件名）' }),
    }),
    body: { content: { [XLSX]: { schema: file } }, required: true },
  },
  responses: {
    200: json(XlsformImportSchema, '试导入的报告，或已保存为草稿'),
    201: json(XlsformImportSchema, '新表单：已创建并保存为草稿'),
    ...commonErrors,
    409: json(ProblemSchema, '草稿已被他人修改（code 为 stale_revision），未保存'),
    413: json(ProblemSchema, '文件过大'),
    422: json(ProblemSchema, '不能导入：details 中 problems 列出每处问题的工作表、行和列，cases 列出测试用例的结果；未保存'),
  },
});

export function xlsformRoutes(deps: Deps) {
  const { store, clock } = deps;
  const openCampaigns = async (id: string) => (await store.listCampaigns()).filter((c) => c.status === 'open' && c.forms.includes(id));
  return createRouter()
    .openapi(exportRoute, async (c) => {
      requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const form = await store.getForm(id);
      if (!form) throw notFound('表单');
      let definition: FormDefinition | null = null;
      if (version === 'draft' || (version === undefined && form.draft)) definition = form.draft;
      else {
        const n = version ?? form.latestVersion;
        definition = n === null ? null : (await deps.forms.get(id, n))?.record.definition ?? null;
      }
      if (!definition) throw notFound(version === 'draft' ? '草稿' : `表单 ${id} 的${version ? `第 ${version} 版` : '已发布版本'}`);
      const { book } = exportWorkbook(definition);
      const bytes = await writeWorkbook(book, definition.title);
      return c.body(bytes as never, 200, { 'Content-Type': XLSX, 'Content-Disposition': attachment(`${definition.title}.xlsx`, `${id}.xlsx`) }) as never;
    })
    .openapi(importRoute, async (c) => {
      requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      const { dryRun: dry, revision, title } = c.req.valid('query');
      const dryRun = dry === '1';
      let book: SheetBook;
      try {
        book = await readWorkbook(new Uint8Array(await c.req.arrayBuffer()));
      } catch (e) {
        if (e instanceof WorkbookFileError) throw new Problem('bad_request', e.message);
        throw e;
      }
      const imported = importWorkbook(book, { formId: id, ...(title ? { title } : {}) });
      const form = await store.getForm(id);
      let cases: CaseOutcome[] = [];
      if (imported.definition) {
        const saved = ((form ? await store.getFormCases(id) : null) ?? []) as FormCase[];
        cases = runFormCases(imported.definition, saved, await openCampaigns(id));
      }
      const ok = imported.definition !== null && cases.every((o) => o.passed);
      const report: XlsformImport = {
        dryRun, ok, saved: false, problems: imported.problems, summary: imported.summary, cases, definition: imported.definition, revision: null,
      };
      if (dryRun) return c.json(report, 200);
      if (!ok) {
        const errors = imported.problems.filter((p) => p.severity === 'error');
        const failed = cases.filter((o) => !o.passed);
        const first = errors[0];
        const message = first
          ? `共 ${errors.length} 处错误，未导入：${first.sheet} 工作表${first.row ? `第 ${first.row} 行` : ''}${first.column ? ` ${first.column} 列` : ''}：${first.message}`
          : `有 ${failed.length} 个测试用例未通过，未导入：“${failed[0]!.name}”：${failed[0]!.failures[0] ?? ''}`;
        throw new Problem('invalid_definition', message, { problems: imported.problems, cases });
      }
      const definition = imported.definition!;
      const at = clock.now().toISOString();
      if (!form) {
        try {
          await store.createForm({ id, title: definition.title, createdAt: at });
        } catch (e) {
          if (e instanceof StoreConflict) throw new Problem('conflict', `表单编号 ${id} 已存在，请重试`);
          throw e;
        }
        const saved = await store.saveDraft(id, definition, at, 0);
        return c.json({ ...report, saved: true, revision: saved }, 201);
      }
      if (revision === undefined) throw new Problem('bad_request', '请求字段 revision 不正确：保存到已有表单须写明草稿的 revision（GET /api/forms/{formId}/draft 的回答中）');
      if (form.draftRevision !== revision) throw staleRevision('草稿', form.draftRevision);
      let saved: number | null;
      try {
        saved = await store.saveDraft(id, definition, at, revision);
      } catch (e) {
        if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
        throw staleRevision('草稿', revision + 1);
      }
      if (saved === null) throw notFound('表单');
      return c.json({ ...report, saved: true, revision: saved }, 200);
    });
}
