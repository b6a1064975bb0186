// The gate of the approval chain's 民主评议 and 公示 steps: whether the level a submission waits on
// may approve it now, and if not, why, in the words the reviewer sees instead of the approve
// button (the server refuses an approval with the same words). Pure: the steps come from the
// campaign, the records from the store, `now` from the server's clock.
import type { ApprovalStep, ReviewLevel } from '../types';
import type { AppraisalResult, DeliberationRecord, ObjectionOutcome } from './deliberationRecords';
import { periodOver } from './noticePeriod';

/** Where one submission stands at one step: its latest appraisal and latest notice. */
export interface StepState {
  appraisal?: { meetingId: string; heldOn: string; result: AppraisalResult };
  notice?: { noticeId: string; startsOn: string; endsOn: string; objections: { id: string; outcome: ObjectionOutcome | null }[] };
}

export type Gate =
  | { open: true }
  /** `mustReturn`: the step's result stops the submission for good (不同意, an upheld objection): the reviewer returns it. */
  | { open: false; stepId: string; reason: string; mustReturn: boolean };

/**
 * The steps that must be finished before the level at `levelIndex` of the submission's chain
 * approves, in the campaign's order: those naming that level, and at the chain's last level
 * also those naming a level the chain lacks (an escalated chain skips it; its steps still hold).
 */
export function stepsAt(steps: readonly ApprovalStep[], levels: readonly ReviewLevel[], levelIndex: number): ApprovalStep[] {
  const level = levels[levelIndex];
  if (!level) return [];
  const last = levelIndex === levels.length - 1;
  return steps.filter((s) => s.before === level.id || (last && !levels.some((l) => l.id === s.before)));
}

/**
 * Each step's latest appraisal and notice for one submission. Records made before `since` (the
 * submission's latest submit: a return and correction start its steps over) are left out.
 */
export function stepStates(records: readonly DeliberationRecord[], submissionId: string, since?: string | null): Map<string, StepState> {
  const states = new Map<string, StepState>();
  const state = (stepId: string) => {
    if (!states.has(stepId)) states.set(stepId, {});
    return states.get(stepId)!;
  };
  const ordered = [...records].filter((r) => !since || r.recordedAt >= since)
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  for (const r of ordered) {
    if (r.kind === 'meeting') {
      const entry = r.body.results.find((e) => e.submissionId === submissionId);
      if (entry) state(r.stepId).appraisal = { meetingId: r.id, heldOn: r.body.heldOn, result: entry.result };
    } else if (r.kind === 'notice' && r.body.households.some((h) => h.submissionId === submissionId)) {
      state(r.stepId).notice = { noticeId: r.id, startsOn: r.body.startsOn, endsOn: r.body.endsOn, objections: [] };
    }
  }
  for (const r of ordered) {
    if (r.kind !== 'objection' || r.body.submissionId !== submissionId) continue;
    const notice = states.get(r.stepId)?.notice;
    if (notice?.noticeId === r.body.noticeId) notice.objections.push({ id: r.id, outcome: r.body.outcome });
  }
  return states;
}

/** Whether one step is finished for a submission at `now`. */
export function stepGate(step: ApprovalStep, state: StepState | undefined, now: Date): Gate {
  const closed = (reason: string, mustReturn = false): Gate => ({ open: false, stepId: step.id, reason, mustReturn });
  if (step.kind === 'appraisal') {
    const appraisal = state?.appraisal;
    if (!appraisal) return closed(`等待“${step.title}”：本户的评议结果尚未记录`);
    if (appraisal.result === 'disagree') return closed(`“${step.title}”结果为不同意（${appraisal.heldOn}），不能通过，请退回`, true);
    return { open: true };
  }
  const notice = state?.notice;
  if (!notice) return closed(`等待“${step.title}”：本户尚未公示`);
  if (notice.objections.some((o) => o.outcome === 'upheld')) return closed(`“${step.title}”期间的异议经核实成立，不能通过，请退回`, true);
  const pending = notice.objections.filter((o) => o.outcome === null).length;
  if (pending > 0) return closed(`“${step.title}”期间有 ${pending} 条异议尚待核实处理`);
  if (!periodOver(notice.endsOn, now)) return closed(`${step.title}期至 ${notice.endsOn} 结束，期满后方可审核`);
  return { open: true };
}

/** The first unfinished step before the level the submission waits on, or open. */
export function gateOf(
  steps: readonly ApprovalStep[], levels: readonly ReviewLevel[], levelIndex: number,
  states: ReadonlyMap<string, StepState>, now: Date,
): Gate {
  for (const step of stepsAt(steps, levels, levelIndex)) {
    const gate = stepGate(step, states.get(step.id), now);
    if (!gate.open) return gate;
  }
  return { open: true };
}

/** The steps of the same level before `step` (a notice lists only households past their appraisal). */
export function stepsBefore(steps: readonly ApprovalStep[], step: ApprovalStep): ApprovalStep[] {
  const index = steps.indexOf(step);
  return steps.slice(0, Math.max(index, 0)).filter((s) => s.before === step.before);
}
