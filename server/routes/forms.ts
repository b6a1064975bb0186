// Forms and their versions. Everyone signed in reads the published forms of open campaigns in
// their area; administrators create forms, save the next version's draft (checked by the engine's
// definition checker: 422 with every problem), keep the form's test cases, and publish the draft
// as a new, never-changing version — only when the checker, the campaigns' parameters and every
// test case agree (checkPublication), with the list of what changed.
//
// A new version reaches only the open campaigns that adopt it: those the publication names
// (`adopt`), else those with no submission of the form yet (adoptionChoices.ts); the dry run lists
// every open campaign with its version, its submissions and whether it adopts by default, for the
// publish dialog. Each adoption is recorded with the publication, in its transaction.
//
// Several administrators may work on one form: the draft carries a revision (`revision`, one more
// at each save and at each publication). A save states the revision it was made from, a
// publication the revision it was shown (the dry run answers it); either is refused with 409 if
// the draft has changed since, so a publication never wipes a draft saved while it ran and one
// draft published twice at once makes one version.
import { createRoute, z } from '@hono/zod-openapi';
import type { FormCampaign, FormSummary, PublishRequest, UnpublishedForm } from '@engine/contract';
import { PublishCheckSchema, PublishedSchema } from '@engine/contract/admin';
import {
  CreatedFormSchema, DraftSchema, FormListSchema, FormVersionListSchema, FormVersionSchema, LatestFormSchema, NewFormSchema, PublishSchema,
  SavedDraftSchema, SaveDraftSchema,
} from '@engine/contract/forms';
import { checkDefinition, hasAttachmentFields, type FormCase } from '@engine';
import { adoptingCampaigns, adoptionChoices } from '../campaigns/adoptionChoices';
import { moveOpenSubmissions } from '../campaigns/moveOpenSubmissions';
import type { Deps } from '../deps';
import { formVersionAnswer, presentFormVersion } from '../fill/reads';
import { checkPublication, refuseDefinitionProblems } from '../forms/checkPublication';
import { schemaHash } from '../forms/FormVersions';
import { FormCasesSchema } from '../forms/formCaseShape';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import type { CampaignRecord, UserRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const formId = z.object({ formId: z.string() });
const invalid = { 422: json(ProblemSchema, '定义有误：details.problems 列出每处问题及其位置') };

const refuseProblems = (definition: unknown): void => void refuseDefinitionProblems(definition);

function openCampaignsFor(campaigns: CampaignRecord[], formId: string, user: UserRecord): CampaignRecord[] {
  return campaigns.filter((c) => c.status === 'open' && c.forms.includes(formId) && (
    user.role === 'admin' || c.divisions.length === 0
    || user.scope.some((s) => c.divisions.some((d) => s.startsWith(d) || d.startsWith(s)))));
}

/** A campaign as a form's filler needs it: its parameters and the version of this form it serves. */
const campaignSummary = (formId: string) => (c: CampaignRecord): FormCampaign => ({
  id: c.id, title: c.title, year: c.year, parameters: c.parameters, formVersion: c.formVersions[formId] ?? null,
});

const listForms = createRoute({
  method: 'get', path: '/forms', tags: ['表单'], summary: '可填报的已发布表单',
  request: { query: z.object({ all: z.enum(['0', '1']).optional().openapi({ description: '管理员：1 表示也列出尚未发布的表单' }) }) },
  responses: { 200: json(FormListSchema, '表单列表'), ...commonErrors },
});
const getForm = createRoute({
  method: 'get', path: '/forms/{formId}', tags: ['表单'], summary: '最新发布版本',
  request: { params: formId },
  responses: { 200: json(LatestFormSchema, '定义与版本，及本人范围内使用此表的开放活动'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const listVersions = createRoute({
  method: 'get', path: '/forms/{formId}/versions', tags: ['表单'], summary: '版本历史（每版的变更说明）',
  request: { params: formId },
  responses: { 200: json(FormVersionListSchema, '版本列表'), ...commonErrors },
});
const getVersion = createRoute({
  method: 'get', path: '/forms/{formId}/versions/{version}', tags: ['表单'], summary: '某个已发布版本',
  request: { params: z.object({ formId: z.string(), version: z.coerce.number().int().min(1) }) },
  responses: { 200: json(FormVersionSchema, '该版本的定义'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const createForm = createRoute({
  method: 'post', path: '/forms', tags: ['表单管理'], summary: '新建表单（保存为草稿）',
  request: jsonBody(NewFormSchema),
  responses: { 201: json(CreatedFormSchema, '已创建草稿'), ...commonErrors, 409: json(ProblemSchema, '编号已存在'), ...invalid },
});
const staleDraft = { 409: json(ProblemSchema, '草稿已被他人修改或发布：code 为 stale_revision（details.revision 为当前版本）或 conflict，未作任何修改') };
const getDraft = createRoute({
  method: 'get', path: '/forms/{formId}/draft', tags: ['表单管理'], summary: '下一版本的草稿',
  request: { params: formId },
  responses: {
    200: json(DraftSchema, '草稿及其问题'),
    ...commonErrors,
  },
});
const putDraft = createRoute({
  method: 'put', path: '/forms/{formId}/draft', tags: ['表单管理'], summary: '保存下一版本的草稿（带草稿的 revision）',
  request: { params: formId, ...jsonBody(SaveDraftSchema) },
  responses: {
    200: json(SavedDraftSchema, '已保存（revision 加一）'),
    ...commonErrors, ...invalid, ...staleDraft,
  },
});
const publish = createRoute({
  method: 'post', path: '/forms/{formId}/publish', tags: ['表单管理'],
  summary: '发布草稿为新版本（先检查定义、各开放活动的参数，并在每个活动的参数下运行全部测试用例）',
  request: {
    params: formId,
    query: z.object({ dryRun: z.enum(['0', '1']).optional().openapi({ description: '1：只检查并列出变更，不发布' }) }),
    body: {
      content: {
        'application/json': { schema: PublishSchema },
      },
      required: false,
    },
  },
  responses: {
    201: json(PublishedSchema, '已发布'),
    200: json(PublishCheckSchema, '试发布：可以发布'),
    ...commonErrors, 409: json(ProblemSchema, '没有草稿，或草稿已被他人修改或发布（未发布）'),
    422: json(ProblemSchema, '不能发布：details.problems 列出定义或活动参数的问题，details.cases 列出每个测试用例的结果'),
  },
});
const casesBody = z.object({ cases: FormCasesSchema });
const getCases = createRoute({
  method: 'get', path: '/forms/{formId}/cases', tags: ['表单管理'], summary: '表单的测试用例（下次发布时运行）',
  request: { params: formId },
  responses: { 200: json(casesBody, '测试用例'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const putCases = createRoute({
  method: 'put', path: '/forms/{formId}/cases', tags: ['表单管理'], summary: '保存表单的测试用例',
  request: { params: formId, ...jsonBody(casesBody) },
  responses: { 200: json(casesBody, '已保存'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const getVersionCases = createRoute({
  method: 'get', path: '/forms/{formId}/versions/{version}/cases', tags: ['表单管理'], summary: '某个版本发布时的测试用例',
  request: { params: z.object({ formId: z.string(), version: z.coerce.number().int().min(1) }) },
  responses: { 200: json(z.object({ cases: z.array(z.unknown()) }), '测试用例（该版本发布时没有保存用例则为空）'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});

const javascript = (description: string) => ({ description, content: { 'text/javascript': { schema: z.string() } } });
const getValidators = createRoute({
  method: 'get', path: '/forms/{formId}/versions/{version}/validators.js', tags: ['表单'],
  summary: '某个已发布版本的校验函数（预编译的 JavaScript 模块，浏览器无需在运行时编译代码）',
  description: 'ajv 生成的独立代码：`export default function (require)`，以引擎的 validatorRequire 调用，得到 `{ form, rjsf }`。版本发布后不变，可长期缓存。',
  request: { params: z.object({ formId: z.string(), version: z.coerce.number().int().min(1) }) },
  responses: { 200: javascript('校验模块'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const postDraftValidators = createRoute({
  method: 'post', path: '/forms/{formId}/draft/validators', tags: ['表单管理'],
  summary: '为表单设计器的预览生成草稿 schema 的校验模块',
  request: { params: formId, ...jsonBody(z.object({ schema: z.record(z.string(), z.unknown()) })) },
  responses: {
    200: json(z.object({ url: z.string().openapi({ description: '模块地址：GET 取得（本服务器保存最近 50 个）' }) }), '已生成'),
    ...commonErrors, 422: json(ProblemSchema, 'schema 无效：details.problems 列出问题'),
  },
});
const getDraftValidators = createRoute({
  method: 'get', path: '/forms/{formId}/draft/validators/{hash}', tags: ['表单管理'],
  summary: '草稿 schema 的校验模块（由 POST 生成；不在本服务器上且不是已保存草稿的 schema 时 404，重新 POST 即可）',
  request: { params: z.object({ formId: z.string(), hash: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制') }) },
  responses: { 200: javascript('校验模块'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const MODULE_HEADERS = { 'Content-Type': 'text/javascript; charset=utf-8' };

export function formRoutes(deps: Deps) {
  const { store, clock } = deps;
  /** What happened to a draft since the revision a request was made from: published, or saved again. */
  const draftChanged = async (id: string, fallback: number): Promise<Problem> => {
    const form = await store.getForm(id);
    const current = form?.draftRevision ?? fallback;
    if (form && form.draft === null && form.latestVersion !== null) {
      const published = await store.getFormVersion(id, form.latestVersion);
      return new Problem('stale_revision', `该草稿已由 ${published?.publishedBy ?? '他人'} 发布为第 ${form.latestVersion} 版，请刷新后查看`, { revision: current });
    }
    return staleRevision('草稿', current);
  };
  const latest = async (id: string) => {
    const form = await store.getForm(id);
    if (!form || form.latestVersion === null) return null;
    return (await deps.forms.get(id, form.latestVersion))!.record;
  };
  return createRouter()
    .openapi(listForms, async (c) => {
      const user = requireUser(c);
      const campaigns = await store.listCampaigns();
      const items: (FormSummary | UnpublishedForm)[] = [];
      const all = user.role === 'admin' && c.req.valid('query').all === '1';
      for (const form of await store.listForms()) {
        const open = openCampaignsFor(campaigns, form.id, user);
        if (all && form.latestVersion === null) {
          items.push({ id: form.id, title: form.title, version: null, description: form.draft?.description ?? '', hasDraft: form.draft !== null, draftUpdatedAt: form.draftUpdatedAt, campaigns: [] });
          continue;
        }
        if (form.latestVersion === null || (open.length === 0 && user.role !== 'admin')) continue;
        const { record, compiled } = (await deps.forms.get(form.id, form.latestVersion))!;
        const definition = record.definition;
        items.push({
          id: form.id, title: form.title, version: form.latestVersion, description: definition.description ?? '',
          createsHousehold: definition.createsHousehold === true,
          forHousehold: definition.createsHousehold !== true || (definition.registry?.prefill?.length ?? 0) > 0,
          hasFiles: hasAttachmentFields(compiled.index),
          campaigns: open.map(campaignSummary(form.id)),
          ...(user.role === 'admin' ? { hasDraft: form.draft !== null, draftUpdatedAt: form.draftUpdatedAt } : {}),
        });
      }
      return c.json({ items }, 200);
    })
    .openapi(getForm, async (c) => {
      const user = requireUser(c);
      const { formId: id } = c.req.valid('param');
      const record = await latest(id);
      if (!record) throw notFound('表单');
      const campaigns = openCampaignsFor(await store.listCampaigns(), id, user).map(campaignSummary(id));
      return c.json({ ...presentFormVersion(record), campaigns }, 200);
    })
    .openapi(listVersions, async (c) => {
      requireUser(c);
      return c.json({ items: await store.listFormVersions(c.req.valid('param').formId) }, 200);
    })
    .openapi(getVersion, async (c) => {
      requireUser(c);
      const { formId: id, version } = c.req.valid('param');
      return c.json(await formVersionAnswer(deps, id, version), 200);
    })
    .openapi(getValidators, async (c) => {
      requireUser(c);
      const { formId: id, version } = c.req.valid('param');
      const code = await deps.forms.validatorModule(id, version);
      if (code === null) throw notFound(`表单 ${id} 的第 ${version} 版`);
      // A published version never changes: the phone keeps its module as long as it likes.
      return c.body(code, 200, { ...MODULE_HEADERS, 'Cache-Control': 'private, max-age=31536000, immutable' }) as never;
    })
    .openapi(postDraftValidators, async (c) => {
      requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      const { schema } = c.req.valid('json');
      let hash: string;
      try {
        hash = deps.forms.draftValidatorModule(schema, id);
      } catch (e) {
        const message = `JSON Schema 无效：${(e as Error).message}`;
        throw new Problem('invalid_definition', `表单定义有 1 处错误：/schema ${message}`, { problems: [{ path: '/schema', message, severity: 'error' }] });
      }
      return c.json({ url: `/api/forms/${encodeURIComponent(id)}/draft/validators/${hash}` }, 200);
    })
    .openapi(getDraftValidators, async (c) => {
      requireUser(c, 'admin');
      const { formId: id, hash } = c.req.valid('param');
      let code = deps.forms.keptDraftModule(hash);
      // Another server made it: the saved draft's schema is made again here.
      const draft = code === null ? (await store.getForm(id))?.draft ?? null : null;
      if (draft && schemaHash(draft.schema) === hash) code = deps.forms.keptDraftModule(deps.forms.draftValidatorModule(draft.schema, id));
      if (code === null) throw notFound('草稿的校验模块');
      return c.body(code, 200, { ...MODULE_HEADERS, 'Cache-Control': 'private, max-age=3600' }) as never;
    })
    .openapi(createForm, async (c) => {
      requireUser(c, 'admin');
      const { definition: def } = c.req.valid('json');
      refuseProblems(def);
      const at = clock.now().toISOString();
      try {
        await store.createForm({ id: def.id, title: def.title, createdAt: at });
      } catch (e) {
        if (e instanceof StoreConflict) throw new Problem('conflict', `表单编号 ${def.id} 已存在，请修改草稿而不是新建`);
        throw e;
      }
      const revision = await store.saveDraft(def.id, def, at, 0);
      if (revision === null) throw notFound('表单');
      return c.json({ id: def.id, title: def.title, version: null, draft: def, revision }, 201);
    })
    .openapi(getDraft, async (c) => {
      requireUser(c, 'admin');
      const form = await store.getForm(c.req.valid('param').formId);
      if (!form) throw notFound('表单');
      return c.json({
        definition: form.draft, problems: form.draft ? checkDefinition(form.draft) : [], revision: form.draftRevision,
      }, 200);
    })
    .openapi(putDraft, async (c) => {
      requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      const { definition, revision } = c.req.valid('json');
      const form = await store.getForm(id);
      if (!form) throw notFound('表单');
      if (definition.id !== id) throw new Problem('bad_request', `请求字段 definition.id 不正确：应为 ${id}`);
      if (form.draftRevision !== revision) throw await draftChanged(id, form.draftRevision);
      refuseProblems(definition);
      let saved: number | null;
      try {
        saved = await store.saveDraft(id, definition, clock.now().toISOString(), revision);
      } catch (e) {
        if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
        throw await draftChanged(id, revision + 1);
      }
      if (saved === null) throw notFound('表单');
      return c.json({ definition, problems: checkDefinition(definition), revision: saved }, 200);
    })
    .openapi(publish, async (c) => {
      const admin = requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      const dryRun = c.req.valid('query').dryRun === '1';
      const { revision, adopt, moveOpen } = (c.req.valid('json') as PublishRequest | undefined) ?? {};
      if (!dryRun && revision === undefined) throw new Problem('bad_request', '请求字段 revision 不正确：发布须写明所发布草稿的版本（草稿或试发布的回答中的 revision）');
      const form = await store.getForm(id);
      if (!form) throw notFound('表单');
      if (revision !== undefined && form.draftRevision !== revision) throw await draftChanged(id, form.draftRevision);
      if (!form.draft) throw new Problem('conflict', '没有待发布的草稿');
      const previous = await latest(id);
      const cases = (await store.getFormCases(id)) ?? [];
      const choices = await adoptionChoices(store, id);
      const adopting = adoptingCampaigns(choices, await store.listCampaigns(), adopt);
      const outcome = checkPublication(form.draft, previous?.definition ?? null, cases, adopting);
      if (dryRun) return c.json({ version: null, dryRun: true as const, revision: form.draftRevision, ...outcome, choices }, 200);
      let version: number;
      const at = clock.now().toISOString();
      try {
        version = await store.publishVersion({
          formId: id, definition: form.draft, by: admin.username, at, changes: outcome.changes, cases, draftRevision: revision,
          adopt: adopting.map((campaign) => ({ campaignId: campaign.id, at, userId: admin.id, username: admin.username, moveOpen: moveOpen === true })),
        });
      } catch (e) {
        if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
        throw await draftChanged(id, form.draftRevision + 1);
      }
      let moved = 0;
      if (moveOpen) for (const campaign of adopting) moved += (await moveOpenSubmissions(deps, admin, campaign.id, id, version)).moved;
      // The draft is cleared by the publication, which is one more revision of it.
      return c.json({ version, changes: outcome.changes, cases: outcome.cases, revision: form.draftRevision + 1, adopted: adopting.map((x) => x.id), moved }, 201);
    })
    .openapi(getCases, async (c) => {
      requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      if (!(await store.getForm(id))) throw notFound('表单');
      return c.json({ cases: ((await store.getFormCases(id)) ?? []) as z.infer<typeof casesBody>['cases'] }, 200);
    })
    .openapi(putCases, async (c) => {
      requireUser(c, 'admin');
      const { formId: id } = c.req.valid('param');
      const { cases } = c.req.valid('json');
      if (!(await store.getForm(id))) throw notFound('表单');
      await store.saveFormCases(id, cases as FormCase[]);
      return c.json({ cases }, 200);
    })
    .openapi(getVersionCases, async (c) => {
      requireUser(c, 'admin');
      const { formId: id, version } = c.req.valid('param');
      if (!(await store.getFormVersion(id, version))) throw notFound(`表单 ${id} 的第 ${version} 版`);
      return c.json({ cases: (await store.getVersionCases(id, version)) ?? [] }, 200);
    });
}
