// A submission as the API shows it: its record, the title of the review level it waits on, its
// own campaign (title, year, parameters: what it is labelled and computed with, whatever other
// campaigns are open), and on request its history and the registry values the officer corrected.
import { corrections, type Correction, type FormDefinition } from '../../engine/index';
import type { CampaignRecord, SubmissionEvent, SubmissionRecord } from '../store/records';

export interface CampaignOfSubmission {
  id: string;
  title: string;
  year: number;
  status: CampaignRecord['status'];
  parameters: Record<string, unknown>;
}

export const campaignOfSubmission = (c: CampaignRecord): CampaignOfSubmission =>
  ({ id: c.id, title: c.title, year: c.year, status: c.status, parameters: c.parameters });

export const STATUS_LABELS: Record<SubmissionRecord['status'], string> = {
  draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已通过',
};

export function waitingOn(definition: FormDefinition, record: SubmissionRecord): string | null {
  if (record.status !== 'submitted') return null;
  const levels = definition.review?.levels ?? [];
  return levels[record.reviewLevel]?.title ?? '审核';
}

export function presentSubmission(record: SubmissionRecord, definition: FormDefinition, campaign?: CampaignRecord | null) {
  const { requestHash: _hash, prefill: _prefill, ...rest } = record;
  return {
    ...rest, statusLabel: STATUS_LABELS[record.status], waitingOn: waitingOn(definition, record),
    ...(campaign ? { campaign: campaignOfSubmission(campaign) } : {}),
  };
}

export function presentDetail(record: SubmissionRecord, definition: FormDefinition, history: SubmissionEvent[], campaign?: CampaignRecord | null) {
  const registryCorrections: Correction[] = corrections(definition, record.data, record.prefill);
  return { ...presentSubmission(record, definition, campaign), prefill: record.prefill, history, corrections: registryCorrections };
}
