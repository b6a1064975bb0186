// GET /api/fill: everything a fill page reads, in one answer instead of four requests one after
// another — the submission (when it is on the server), the form version it is filled on, the
// campaigns (the draft's own and their parameters) and the household. Each part is what its own
// route answers (server/fill/reads.ts), so the phone keeps them under those routes' paths and
// finds them there with no signal.
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { formVersionAnswer, householdDetail, submissionDetail, visibleCampaigns } from '../fill/reads';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { commonErrors, json, ProblemSchema } from './schemas';

const part = z.record(z.string(), z.unknown());
const FillData = z.object({
  submission: part.nullable().openapi({ description: '同 GET /api/submissions/{id}；未给 submission 时为 null' }),
  form: part.openapi({ description: '同 GET /api/forms/{formId}/versions/{version}' }),
  campaigns: z.object({ items: z.array(part) }).openapi({ description: '同 GET /api/campaigns' }),
  household: part.nullable().openapi({ description: '同 GET /api/households/{id}；不属于农户的表为 null' }),
}).openapi('FillData');

const route = createRoute({
  method: 'get', path: '/fill', tags: ['提交'],
  summary: '填表页所需的全部内容，一次读取：提交（在服务器上时）、其表单版本、活动、农户',
  request: {
    query: z.object({
      submission: z.string().uuid('submission 应为提交的 UUID').optional().openapi({ description: '服务器上的提交：表单版本与农户取自它' }),
      form: z.string().max(64).optional().openapi({ description: '未给 submission 时：表单编号' }),
      version: z.coerce.number().int().min(1).max(1_000_000).optional().openapi({ description: '未给 submission 时：表单版本' }),
      household: z.string().max(64).optional().openapi({ description: '未给 submission 时：农户编号（可无）' }),
    }),
  },
  responses: { 200: json(FillData, '填表页的数据'), ...commonErrors, 404: json(ProblemSchema, '提交、表单版本或农户不存在或不在范围内') },
});

export function fillRoutes(deps: Deps) {
  return createRouter().openapi(route, async (c) => {
    const user = requireUser(c);
    const query = c.req.valid('query');
    const submission = query.submission ? await submissionDetail(deps, user, query.submission) : null;
    const formId = submission?.formId ?? query.form;
    const version = submission?.formVersion ?? query.version;
    if (formId === undefined) throw new Problem('bad_request', '缺少参数 form（表单编号）或 submission（提交编号）');
    if (version === undefined) throw new Problem('bad_request', '缺少参数 version（表单版本）');
    const householdId = submission ? submission.householdId : query.household;
    const [form, campaigns, household] = await Promise.all([
      formVersionAnswer(deps, formId, version),
      visibleCampaigns(deps, user),
      householdId ? householdDetail(deps, user, householdId) : null,
    ]);
    return c.json({ submission, form, campaigns, household }, 200);
  });
}
