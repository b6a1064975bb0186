// The gate of a submission's 民主评议 and 公示 steps as the server enforces it: the campaign's steps
// for the form, the records concerning the submission since its latest submit, the server's
// clock. An approval (single or batch, reviewSubmission) asks before it writes; the records'
// writes move the submission's revision, so the approval's compare-and-set refuses it when one
// was recorded meanwhile.
import { gateOf, stepsAt, stepStates, type ApprovalStep, type Gate, type ReviewLevel, type StepState } from '@engine';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionRecord } from '../store/records';

export async function stepsOfSubmission(deps: Pick<Deps, 'store'>, record: SubmissionRecord): Promise<ApprovalStep[]> {
  const campaign = await deps.store.getCampaign(record.campaignId);
  return campaign?.approvalSteps?.[record.formId] ?? [];
}

/** Each step's state for the submission: the records since its latest submit. */
export async function statesOf(deps: Pick<Deps, 'store'>, record: SubmissionRecord): Promise<Map<string, StepState>> {
  const records = await deps.store.listDeliberations({ submissionId: record.id });
  return stepStates(records, record.id, record.submittedAt);
}

export async function gateFor(deps: Pick<Deps, 'store' | 'clock'>, record: SubmissionRecord, levels: readonly ReviewLevel[]): Promise<Gate> {
  const steps = await stepsOfSubmission(deps, record);
  if (stepsAt(steps, levels, record.reviewLevel).length === 0) return { open: true };
  return gateOf(steps, levels, record.reviewLevel, await statesOf(deps, record), deps.clock.now());
}

/** 409 with the gate's reason when the level the submission waits on may not approve it yet. */
export async function checkGate(deps: Pick<Deps, 'store' | 'clock'>, record: SubmissionRecord, levels: readonly ReviewLevel[]): Promise<void> {
  const gate = await gateFor(deps, record, levels);
  if (!gate.open) throw new Problem('conflict', gate.reason, { gate });
}
