// POST /api/approvals: a reviewer approves many submissions at once (from the table). Each item
// is checked and applied as a single review at the revision the reviewer saw; the answer lists
// every item's outcome (approved, with its new state; or refused, with the Chinese reason), and
// one refused item never stops the others.
import { createRoute } from '@hono/zod-openapi';
import { ApprovalsAnswerSchema, ApprovalsSchema } from '@engine/contract/review';
import type { ApprovalResult } from '@engine/contract';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { approveMany } from '../review/approveMany';
import { presentSubmission } from '../submissions/present';
import { commonErrors, json, jsonBody } from './schemas';

const approve = createRoute({
  method: 'post', path: '/approvals', tags: ['审核'], summary: '批量审核通过（每份按单份审核的规则检查，逐份报告结果）',
  request: jsonBody(ApprovalsSchema),
  responses: {
    200: json(ApprovalsAnswerSchema, '每份的结果（通过或拒绝及原因）'),
    ...commonErrors,
  },
});

export function approvalRoutes(deps: Deps) {
  return createRouter().openapi(approve, async (c) => {
    const user = requireUser(c, 'reviewer', 'admin');
    const { items, comment } = c.req.valid('json');
    const outcomes = await approveMany(deps, user, items, comment);
    const results: ApprovalResult[] = [];
    for (const o of outcomes) {
      if (o.outcome === 'refused') {
        results.push(o);
        continue;
      }
      const definition = (await deps.forms.get(o.record.formId, o.record.formVersion))!.record.definition;
      const shown = presentSubmission(o.record, definition);
      results.push({ id: o.id, outcome: o.outcome, status: shown.status, waitingOn: shown.waitingOn, revision: shown.revision });
    }
    const approved = results.filter((r) => r.outcome === 'approved').length;
    return c.json({ approved, refused: results.length - approved, results }, 200);
  });
}
