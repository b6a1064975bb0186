// What a village (or township) sees of its 民主评议 and 公示: the steps it holds for a form in a
// campaign, its submissions waiting on the level those steps come before — each with its gate
// and the steps it has finished — and the meetings, notices and objections recorded there.
// Also which forms of the open campaigns have such steps, and one submission's own.
import { gateOf, reviewChain, stepGate, stepsAt, stepStates, type ApprovalStep } from '@engine';
import type { DeliberationBoard, DeliberationStepSet, SubmissionDeliberation } from '@engine/contract';
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { notFound, Problem } from '../problem';
import type { UserRecord } from '../store/records';
import { visibleSubmission } from '../submissions/access';
import { gateFor, stepsOfSubmission } from './gateFor';

const MOST_SUBMISSIONS = 500;

export async function stepSets(deps: Deps): Promise<DeliberationStepSet[]> {
  const out: DeliberationStepSet[] = [];
  for (const campaign of await deps.store.listCampaigns()) {
    if (campaign.status !== 'open') continue;
    for (const [formId, steps] of Object.entries(campaign.approvalSteps ?? {})) {
      if (steps.length === 0) continue;
      const form = await deps.store.getForm(formId);
      out.push({ campaignId: campaign.id, campaignTitle: campaign.title, formId, formTitle: form?.title ?? formId, steps });
    }
  }
  return out;
}

export async function board(deps: Deps, user: UserRecord, query: { campaignId: string; formId: string; division: string }): Promise<DeliberationBoard> {
  if (!covers(queryScope(user), query.division)) throw new Problem('forbidden', `行政区划 ${query.division} 不在您的范围内`);
  const campaign = await deps.store.getCampaign(query.campaignId);
  if (!campaign) throw notFound('活动');
  const all: ApprovalStep[] = campaign.approvalSteps?.[query.formId] ?? [];
  const held = all.filter((s) => (s.divisionDigits ?? 12) === query.division.length);
  const [division, form, page, records] = await Promise.all([
    deps.store.getDivision(query.division),
    deps.store.getForm(query.formId),
    deps.store.listSubmissions({ scope: [query.division], campaignId: campaign.id, formId: query.formId, status: 'submitted', sort: 'submittedAt', order: 'asc' },
      { page: 1, pageSize: MOST_SUBMISSIONS }),
    deps.store.listDeliberations({ campaignId: campaign.id, formId: query.formId, division: query.division }),
  ]);
  const now = deps.clock.now();
  const submissions: DeliberationBoard['submissions'] = [];
  for (const record of page.items) {
    const definition = (await deps.forms.get(record.formId, record.formVersion))!.record.definition;
    const levels = reviewChain(definition, record.data).levels;
    const here = stepsAt(all, levels, record.reviewLevel).filter((s) => held.includes(s));
    if (here.length === 0) continue;
    const states = stepStates(records.filter((r) => r.submissionIds.includes(record.id)), record.id, record.submittedAt);
    submissions.push({
      id: record.id, revision: record.revision, headName: record.headName, divisionCode: record.divisionCode, submittedAt: record.submittedAt,
      waitingOn: levels[record.reviewLevel]?.title ?? '审核',
      gate: gateOf(all, levels, record.reviewLevel, states, now),
      done: here.filter((s) => stepGate(s, states.get(s.id), now).open).map((s) => s.id),
    });
  }
  return {
    campaignId: campaign.id, campaignTitle: campaign.title, formId: query.formId, formTitle: form?.title ?? query.formId,
    division: { code: query.division, name: division?.name ?? query.division }, steps: held, submissions, records,
  };
}

export async function submissionDeliberation(deps: Deps, user: UserRecord, id: string): Promise<SubmissionDeliberation> {
  const record = await visibleSubmission(deps, user, id);
  const definition = (await deps.forms.get(record.formId, record.formVersion))!.record.definition;
  const steps = await stepsOfSubmission(deps, record);
  const gate = record.status === 'submitted' ? await gateFor(deps, record, reviewChain(definition, record.data).levels, steps) : { open: true };
  const records = steps.length ? await deps.store.listDeliberations({ submissionId: record.id }) : [];
  return { steps, gate, records };
}
