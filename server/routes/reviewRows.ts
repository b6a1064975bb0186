// GET /api/forms/:formId/review-rows: the reviewer's table of a form's submissions, with the
// list's own filters (so the export holds exactly these rows), each row light (no data): village
// and officer by name, what it waits on and whether this user may act on it now, key values.
// Also the table's key columns, the level this reviewer acts at (for a "waiting on me" filter) and
// the count per village under the other filters (for the division tree).
import { createRoute, z } from '@hono/zod-openapi';
import { ReviewRowsPageSchema } from '@engine/contract/review';
import { SubmissionListQuerySchema } from '@engine/contract/submissions';
import { allReviewLevels } from '@engine';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { notFound } from '../problem';
import { keyFields } from '../review/keyFields';
import { reviewerLevel } from '../review/mayReview';
import { pageNames } from '../review/pageNames';
import { reviewRow } from '../review/reviewRow';
import { commonErrors, json, ProblemSchema } from './schemas';
import { toFilter } from './submissionQuery';

const rows = createRoute({
  method: 'get', path: '/forms/{formId}/review-rows', tags: ['审核'], summary: '审核表格：某表的提交（本人范围及下级），每行含村名、填报人、等待的审核级别、关键指标',
  request: { params: z.object({ formId: z.string() }), query: SubmissionListQuerySchema },
  responses: {
    200: json(ReviewRowsPageSchema, '一页表格行'),
    ...commonErrors,
    404: json(ProblemSchema, '表单不存在或尚未发布'),
  },
});

export function reviewRowRoutes(deps: Deps) {
  return createRouter().openapi(rows, async (c) => {
    const user = requireUser(c);
    const { formId } = c.req.valid('param');
    const form = await deps.store.getForm(formId);
    if (!form || form.latestVersion === null) throw notFound('表单');
    const latest = (await deps.forms.get(formId, form.latestVersion))!.compiled;
    const columns = keyFields(latest.definition, latest.index);
    const query = c.req.valid('query');
    const filter = toFilter(formId, queryScope(user), query);
    const page = await deps.store.listSubmissions(filter, { page: query.page, pageSize: query.pageSize });
    const names = await pageNames(deps.store, page.items.map((r) => r.divisionCode), page.items.map((r) => r.createdBy));
    const items = [];
    for (const record of page.items) {
      const version = (await deps.forms.get(record.formId, record.formVersion))!.compiled;
      items.push(reviewRow(user, record, version, columns, names));
    }
    const levels = allReviewLevels(latest.definition).map(({ id, title, divisionDigits }) => ({ id, title, divisionDigits }));
    const byDivision = await deps.store.countSubmissionsByDivision({ ...filter, division: undefined });
    return c.json({ ...page, items, columns, levels, myLevel: reviewerLevel(user, latest.definition), byDivision }, 200);
  });
}
