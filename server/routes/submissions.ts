// Submissions: create (idempotent by client UUID), read with history, update with revision, move
// an open one to the version its campaign serves now, review, and list a form's submissions
// within the user's scope.
import { createRoute, z } from '@hono/zod-openapi';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { notFound, Problem } from '../problem';
import type { SubmissionRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { requireFiller, visibleSubmission } from '../submissions/access';
import { moveSubmission } from '../submissions/moveSubmission';
import { createSubmission } from '../submissions/createSubmission';
import { submissionDetail } from '../fill/reads';
import { presentSubmission } from '../submissions/present';
import { reviewSubmission } from '../submissions/reviewSubmission';
import { updateSubmission } from '../submissions/updateSubmission';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';
import { SubmissionListQuery, toFilter } from './submissionQuery';

const Submission = z.object({
  id: z.string(), status: z.string(), revision: z.number(), data: z.record(z.string(), z.unknown()), formVersion: z.number(), campaignId: z.string(),
  campaign: z.object({ id: z.string(), title: z.string(), year: z.number(), status: z.enum(['open', 'closed']), parameters: z.record(z.string(), z.unknown()) }).optional()
    .openapi({ description: '本表所属的活动及其参数：表单按此显示和计算（与其他活动开放或关闭无关）' }),
}).passthrough().openapi('Submission');
const data = z.record(z.string(), z.unknown());
// Checked by the engine (checkExplanations): rule ids of the form's warnings, texts within the length.
const explanations = z.record(z.string(), z.string()).refine((o) => Object.keys(o).length <= 200, '核实说明最多 200 条').optional()
  .openapi({ description: '各条提示的核实说明，按规则编号：{"kind-line": "户主年底务工收入已到账，已核实"}；正式提交时每条成立的提示都须有说明' });
const fieldNotes = z.array(z.object({ path: z.string().max(300), note: z.string().max(2000) })).max(100).optional()
  .openapi({ description: '退回时标注的字段及其意见：[{"path": "/A28", "note": "务工收入偏低，请核实"}]' });
const id = z.object({ id: z.string().uuid('应为 UUID') });
const formVersion = z.number().int().min(1).optional()
  .openapi({ description: '草稿填写所依据的表单版本（手机上的草稿）：活动已采用新版本时，按采用时的选择迁移或保持原版本' });
const conflict = { 409: json(ProblemSchema, '冲突：同一编号不同内容、版本过期或该户已有此表'), 422: json(ProblemSchema, '数据有误：errors 列出每个字段的中文提示') };

const create = createRoute({
  method: 'post', path: '/forms/{formId}/submissions', tags: ['提交'], summary: '新建提交（草稿或正式提交）',
  request: {
    params: z.object({ formId: z.string() }),
    ...jsonBody(z.object({
      id: z.string().uuid('应为客户端生成的 UUID'), householdId: z.string().nullable().optional(), campaignId: z.string().optional(),
      data, submit: z.boolean().default(false), explanations, formVersion,
    })),
  },
  responses: { 201: json(Submission, '已保存'), ...commonErrors, 404: json(ProblemSchema, '表单或农户不存在'), ...conflict },
});

const read = createRoute({
  method: 'get', path: '/submissions/{id}', tags: ['提交'], summary: '读取提交（含历史与更正）',
  request: { params: id },
  responses: { 200: json(Submission, '提交'), ...commonErrors, 404: json(ProblemSchema, '不存在或不在范围内') },
});

const update = createRoute({
  method: 'put', path: '/submissions/{id}', tags: ['提交'], summary: '修改提交（带 revision）',
  request: { params: id, ...jsonBody(z.object({ data, submit: z.boolean().default(false), revision: z.number().int().min(1), explanations, formVersion })) },
  responses: { 200: json(Submission, '已保存'), ...commonErrors, 404: json(ProblemSchema, '不存在'), ...conflict },
});

const move = createRoute({
  method: 'post', path: '/submissions/{id}/move', tags: ['提交'],
  summary: '把草稿或被退回的表迁移到其活动现用的表单版本（答案按字段编码带过去；删除字段的答案保存在历史中）',
  request: { params: id, ...jsonBody(z.object({ revision: z.number().int().min(1).openapi({ description: '看到的版本：此后被修改则 409' }) })) },
  responses: {
    200: json(Submission, '已迁移：moveNotice 列出变更（删除、转换、需重新填写、新增必填）'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '已被修改、已提交或已是活动现用的版本'),
  },
});

const review = createRoute({
  method: 'post', path: '/submissions/{id}/review', tags: ['审核'], summary: '审核：通过或退回（带审核员看到的 revision）',
  request: {
    params: id,
    ...jsonBody(z.object({
      decision: z.enum(['approve', 'return']), comment: z.string().max(2000).optional(),
      revision: z.number().int().min(1).openapi({ description: '审核员看到的版本：此后被修改或已被他人审核则 409，审核不记录' }),
      fieldNotes,
    })),
  },
  responses: {
    200: json(Submission, '已审核'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '未记录：此表在您看到之后已被修改或审核（stale_revision，消息说明是谁、做了什么、现在的状态），已审核通过或未提交，或要建立的农户已由另一份表建立（conflict）'),
    422: conflict[422],
  },
});

const list = createRoute({
  method: 'get', path: '/forms/{formId}/submissions', tags: ['提交'], summary: '某表的提交列表（本人范围及下级）',
  request: { params: z.object({ formId: z.string() }), query: SubmissionListQuery },
  responses: { 200: json(z.object({ items: z.array(Submission), total: z.number(), page: z.number(), pageSize: z.number() }), '一页提交'), ...commonErrors },
});

export function submissionRoutes(deps: Deps) {
  const definitionOf = async (formId: string, version: number) => (await deps.forms.get(formId, version))!.record.definition;
  const campaignOf = (record: { campaignId: string }) => deps.store.getCampaign(record.campaignId);
  /** A write's answer: with its campaign, and with whether it was moved to a new version (moveNotice). */
  const answer = async (record: SubmissionRecord) =>
    presentSubmission(record, await definitionOf(record.formId, record.formVersion), await campaignOf(record), await deps.store.listSubmissionEvents(record.id));
  return createRouter()
    .openapi(create, async (c) => {
      const user = requireUser(c);
      const outcome = await createSubmission(deps, user, c.req.valid('param').formId, c.req.valid('json'));
      return c.json(await answer(outcome.record), 201);
    })
    .openapi(read, async (c) => {
      const user = requireUser(c);
      return c.json(await submissionDetail(deps, user, c.req.valid('param').id), 200);
    })
    .openapi(update, async (c) => {
      const user = requireUser(c);
      const record = await updateSubmission(deps, user, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await answer(record), 200);
    })
    .openapi(move, async (c) => {
      const user = requireUser(c);
      requireFiller(user);
      const record = await visibleSubmission(deps, user, c.req.valid('param').id);
      const { revision } = c.req.valid('json');
      if (record.revision !== revision) throw new Problem('stale_revision', `此表已被修改（当前版本 ${record.revision}），请刷新后再迁移`, { revision: record.revision });
      const served = (await campaignOf(record))?.formVersions[record.formId];
      if (served === undefined || served <= record.formVersion) throw new Problem('conflict', `此表已是活动现用的第 ${record.formVersion} 版，无需迁移`);
      try {
        return c.json(await answer(await moveSubmission(deps, user, record, served)), 200);
      } catch (e) {
        if (e instanceof StoreConflict && e.kind === 'revision') throw new Problem('stale_revision', '此表刚被他人修改，请刷新后再迁移', { revision: record.revision + 1 });
        throw e;
      }
    })
    .openapi(review, async (c) => {
      const user = requireUser(c, 'reviewer', 'admin');
      const record = await reviewSubmission(deps, user, c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentSubmission(record, await definitionOf(record.formId, record.formVersion), await campaignOf(record)), 200);
    })
    .openapi(list, async (c) => {
      const user = requireUser(c);
      const { formId } = c.req.valid('param');
      const form = await deps.store.getForm(formId);
      if (!form) throw notFound('表单');
      const query = c.req.valid('query');
      const page = await deps.store.listSubmissions(toFilter(formId, queryScope(user), query), { page: query.page, pageSize: query.pageSize });
      const items = await Promise.all(page.items.map(async (r) => presentSubmission(r, await definitionOf(r.formId, r.formVersion))));
      return c.json({ ...page, items }, 200);
    });
}
