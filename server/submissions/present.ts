// A submission as the API shows it (the contract's Submission and SubmissionDetail): its record, the title of the review level it waits on, its
// own campaign (title, year, parameters: what it is labelled and computed with, whatever other
// campaigns are open), and on request its history and the registry values the officer corrected.
import { corrections, reviewChain, type Correction, type FormDefinition } from '@engine';
import type { CampaignOfSubmission, MoveNotice, Submission, SubmissionDetail } from '@engine/contract';
import type { CampaignRecord, SubmissionEvent, SubmissionRecord } from '../store/records';

export const campaignOfSubmission = (c: CampaignRecord, formId: string): CampaignOfSubmission =>
  ({ id: c.id, title: c.title, year: c.year, status: c.status, parameters: c.parameters, formVersion: c.formVersions[formId] ?? null });

/** The move the officer has to see: the last one, while the submission is open and not submitted since. */
export function moveNotice(record: SubmissionRecord, history: SubmissionEvent[]): MoveNotice | null {
  if (record.status !== 'draft' && record.status !== 'returned') return null;
  const last = history.findLastIndex((e) => e.action === 'move');
  if (last < 0 || history.slice(last + 1).some((e) => e.action === 'submit')) return null;
  const event = history[last]!;
  const version = event.changes.find((c) => c.field === 'formVersion');
  return {
    fromVersion: Number(version?.from), toVersion: Number(version?.to), at: event.at, username: event.username,
    items: event.changes.filter((c) => c !== version),
  };
}

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

/** `history`: the submission's events, to say whether it was moved to a new version (moveNotice). */
export function presentSubmission(record: SubmissionRecord, definition: FormDefinition, campaign?: CampaignRecord | null, history?: SubmissionEvent[]): Submission {
  const { requestHash: _hash, prefill: _prefill, ...rest } = record;
  return {
    ...rest, statusLabel: STATUS_LABELS[record.status], waitingOn: waitingOn(definition, record), escalation: escalationOf(definition, record),
    ...(campaign ? { campaign: campaignOfSubmission(campaign, record.formId) } : {}),
    ...(history ? { moveNotice: moveNotice(record, history) } : {}),
  };
}

export function presentDetail(record: SubmissionRecord, definition: FormDefinition, history: SubmissionEvent[], campaign?: CampaignRecord | null): SubmissionDetail {
  const registryCorrections: Correction[] = corrections(definition, record.data, record.prefill);
  return { ...presentSubmission(record, definition, campaign, history), prefill: record.prefill, history, corrections: registryCorrections };
}
