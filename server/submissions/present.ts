// A submission as the API shows it: its record, the title of the review level it waits on, and
// on request its history and the registry values the officer corrected.
import { corrections, reviewChain, type Correction, type FormDefinition } from '../../engine/index';
import type { SubmissionEvent, SubmissionRecord } from '../store/records';

export const STATUS_LABELS: Record<SubmissionRecord['status'], string> = {
  draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已通过',
};

export function waitingOn(definition: FormDefinition, record: SubmissionRecord): string | null {
  if (record.status !== 'submitted') return null;
  const levels = reviewChain(definition, record.data).levels;
  return levels[record.reviewLevel]?.title ?? '审核';
}

/** Why this submission's final approval is at a set level (an escalation holds), or null. */
export function escalationOf(definition: FormDefinition, record: SubmissionRecord): { reason: string; levelTitle: string } | null {
  const { escalation } = reviewChain(definition, record.data);
  return escalation ? { reason: escalation.reason, levelTitle: escalation.level.title } : null;
}

export function presentSubmission(record: SubmissionRecord, definition: FormDefinition) {
  const { requestHash: _hash, prefill: _prefill, ...rest } = record;
  return { ...rest, statusLabel: STATUS_LABELS[record.status], waitingOn: waitingOn(definition, record), escalation: escalationOf(definition, record) };
}

export function presentDetail(record: SubmissionRecord, definition: FormDefinition, history: SubmissionEvent[]) {
  const registryCorrections: Correction[] = corrections(definition, record.data, record.prefill);
  return { ...presentSubmission(record, definition), prefill: record.prefill, history, corrections: registryCorrections };
}
