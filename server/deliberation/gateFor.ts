// The gate of a submission's 民主评议 and 公示 steps as the server enforces it: the campaign's steps
// for the form, the records concerning the submission since its latest submit, the server's
// clock. An approval (single or batch, reviewSubmission) asks before it writes; the records'
// writes move the submission's revision, so the approval's compare-and-set refuses it when one
// was recorded meanwhile.
import { gateOf, stepsAt, stepStates, type ApprovalStep, type Gate, type ReviewLevel, type StepState } from '@engine';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { CampaignRecord, SubmissionRecord } from '../store/records';

/** The steps the submission's campaign sets for its form. */
export function stepsIn(campaign: CampaignRecord | null, record: SubmissionRecord): ApprovalStep[] {
  return campaign?.approvalSteps?.[record.formId] ?? [];
}

export async function stepsOfSubmission(deps: Pick<Deps, 'store'>, record: SubmissionRecord): Promise<ApprovalStep[]> {
  return stepsIn(await deps.store.getCampaign(record.campaignId), record);
}

/** Each step's state for the submission: the records since its latest submit. */
export async function statesOf(deps: Pick<Deps, 'store'>, record: SubmissionRecord): Promise<Map<string, StepState>> {
  const records = await deps.store.listDeliberations({ submissionId: record.id });
  return stepStates(records, record.id, record.submittedAt);
}

/** The gate of `steps` (the submission's, as its campaign sets them) at the level the submission waits on. */
export async function gateFor(deps: Pick<Deps, 'store' | 'clock'>, record: SubmissionRecord, levels: readonly ReviewLevel[], steps: ApprovalStep[]): Promise<Gate> {
  if (stepsAt(steps, levels, record.reviewLevel).length === 0) return { open: true };
  return gateOf(steps, levels, record.reviewLevel, await statesOf(deps, record), deps.clock.now());
}

/** 409 with the gate's reason when the level the submission waits on may not approve it yet. */
export async function checkGate(deps: Pick<Deps, 'store' | 'clock'>, record: SubmissionRecord, levels: readonly ReviewLevel[], steps: ApprovalStep[]): Promise<void> {
  const gate = await gateFor(deps, record, levels, steps);
  if (!gate.open) throw new Problem('conflict', gate.reason, { gate });
}
