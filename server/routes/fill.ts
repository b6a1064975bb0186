// GET /api/fill: everything a fill page reads, in one answer instead of four requests one after
// another — the submission (when it is on the server), the form version it is filled on, the
// campaigns (the draft's own and their parameters) and the household. Each part is what its own
// route answers (server/fill/reads.ts), so the phone keeps them under those routes' paths and
// finds them there with no signal.
import { createRoute } from '@hono/zod-openapi';
import { FillDataSchema, FillQuerySchema } from '@engine/contract/fill';
import type { Deps } from '../deps';
import { formVersionAnswer, householdDetail, submissionDetail, visibleCampaigns } from '../fill/reads';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { commonErrors, json, ProblemSchema } from './schemas';

const route = createRoute({
  method: 'get', path: '/fill', tags: ['提交'],
  summary: '填表页所需的全部内容，一次读取：提交（在服务器上时）、其表单版本、活动、农户',
  request: { query: FillQuerySchema },
  responses: { 200: json(FillDataSchema, '填表页的数据'), ...commonErrors, 404: json(ProblemSchema, '提交、表单版本或农户不存在或不在范围内') },
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
