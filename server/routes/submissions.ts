// Submissions: create (idempotent by client UUID), read with history, update with revision, move
// an open one to the version its campaign serves now, review, and list a form's submissions
// within the user's scope.
import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateSubmissionSchema, MoveSubmissionSchema, ReviewSchema, SubmissionDetailSchema, SubmissionListQuerySchema, SubmissionPageSchema,
  SubmissionSchema, UpdateSubmissionSchema,
} from '@engine/contract/submissions';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { notFound, Problem } from '../problem';
import type { SubmissionRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { requireFiller, visibleSubmission } from '../submissions/access';
import { moveSubmission } from '../submissions/moveSubmission';
import { requestLanguage } from '../http/requestLanguage';
import { createSubmission } from '../submissions/createSubmission';
import { submissionDetail } from '../fill/reads';
import { presentSubmission } from '../submissions/present';
import { reviewSubmission } from '../submissions/reviewSubmission';
import { updateSubmission } from '../submissions/updateSubmission';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';
import { toFilter } from './submissionQuery';

const id = z.object({ id: z.string().uuid('应为 UUID') });
const conflict = { 409: json(ProblemSchema, '冲突：同一编号不同内容、版本过期或该户已有此表'), 422: json(ProblemSchema, '数据有误：errors 列出每个字段的提示（默认中文；请求头 Accept-Language: en 时为英文，字段名取表单的英文翻译）') };

const create = createRoute({
  method: 'post', path: '/forms/{formId}/submissions', tags: ['提交'], summary: '新建提交（草稿或正式提交）',
  request: {
    params: z.object({ formId: z.string() }),
    ...jsonBody(CreateSubmissionSchema),
  },
  responses: { 201: json(SubmissionSchema, '已保存'), ...commonErrors, 404: json(ProblemSchema, '表单或农户不存在'), ...conflict },
});

const read = createRoute({
  method: 'get', path: '/submissions/{id}', tags: ['提交'], summary: '读取提交（含历史与更正）',
  request: { params: id },
  responses: { 200: json(SubmissionDetailSchema, '提交（含历史与更正）'), ...commonErrors, 404: json(ProblemSchema, '不存在或不在范围内') },
});

const update = createRoute({
  method: 'put', path: '/submissions/{id}', tags: ['提交'], summary: '修改提交（带 revision）',
  request: { params: id, ...jsonBody(UpdateSubmissionSchema) },
  responses: { 200: json(SubmissionSchema, '已保存'), ...commonErrors, 404: json(ProblemSchema, '不存在'), ...conflict },
});

const move = createRoute({
  method: 'post', path: '/submissions/{id}/move', tags: ['提交'],
  summary: '把草稿或被退回的表迁移到其活动现用的表单版本（答案按字段编码带过去；删除字段的答案保存在历史中）',
  request: { params: id, ...jsonBody(MoveSubmissionSchema) },
  responses: {
    200: json(SubmissionSchema, '已迁移：moveNotice 列出变更（删除、转换、需重新填写、新增必填）'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '已被修改、已提交或已是活动现用的版本'),
  },
});

const review = createRoute({
  method: 'post', path: '/submissions/{id}/review', tags: ['审核'], summary: '审核：通过或退回（带审核员看到的 revision）',
  request: {
    params: id,
    ...jsonBody(ReviewSchema),
  },
  responses: {
    200: json(SubmissionSchema, '已审核'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '未记录：此表在您看到之后已被修改或审核（stale_revision，消息说明是谁、做了什么、现在的状态），已审核通过或未提交，或要建立的农户已由另一份表建立（conflict）'),
    422: conflict[422],
  },
});

const list = createRoute({
  method: 'get', path: '/forms/{formId}/submissions', tags: ['提交'], summary: '某表的提交列表（本人范围及下级）',
  request: { params: z.object({ formId: z.string() }), query: SubmissionListQuerySchema },
  responses: { 200: json(SubmissionPageSchema, '一页提交'), ...commonErrors },
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
      const outcome = await createSubmission(deps, user, c.req.valid('param').formId, c.req.valid('json'), requestLanguage(c.req.header('accept-language')));
      return c.json(await answer(outcome.record), 201);
    })
    .openapi(read, async (c) => {
      const user = requireUser(c);
      return c.json(await submissionDetail(deps, user, c.req.valid('param').id), 200);
    })
    .openapi(update, async (c) => {
      const user = requireUser(c);
      const record = await updateSubmission(deps, user, c.req.valid('param').id, c.req.valid('json'), requestLanguage(c.req.header('accept-language')));
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
