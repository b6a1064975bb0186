// What a village (or township) records for the approval chain's 民主评议 and 公示 steps: a
// meeting with its result per submission, a notice of the households proposed, and objections
// to a notice. The server stores them; the gate (gateOf) reads them; the pages show them.

export type AppraisalResult = 'agree' | 'disagree';
export type ObjectionOutcome = 'upheld' | 'rejected';

export const APPRAISAL_RESULT_LABELS: Record<AppraisalResult, string> = { agree: '同意', disagree: '不同意' };
export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = { upheld: '成立', rejected: '不成立' };

/** One household's result at a 民主评议 meeting. */
export interface AppraisalEntry {
  submissionId: string;
  result: AppraisalResult;
  votesFor?: number;
  votesAgainst?: number;
  note?: string;
}

export interface MeetingBody {
  /** China date the meeting was held (2021-10-08). */
  heldOn: string;
  place: string;
  host: string;
  participantCount: number;
  /** Names and roles of the participants, as written down. */
  participants: string;
  minutes: string;
  results: AppraisalEntry[];
}

/** A household as the posted notice lists it (no ID number: the notice is public). */
export interface NoticeHousehold {
  submissionId: string;
  headName: string;
  size: number | null;
  /** 监测对象类别 / 主要风险, as known when the notice was posted. */
  category: string;
}

export interface NoticeBody {
  /** "XX村防返贫监测对象识别公示". */
  title: string;
  /** Division name the notice is posted in. */
  divisionName: string;
  startsOn: string;
  days: number;
  /** Last day of the period (startsOn + days - 1), China date. */
  endsOn: string;
  /** Where and how to object (the village committee, the township's phone), as entered. */
  contact: string;
  households: NoticeHousehold[];
}

export interface ObjectionBody {
  noticeId: string;
  submissionId: string;
  receivedOn: string;
  content: string;
  /** Who objected, when they gave it. */
  by: string;
  outcome: ObjectionOutcome | null;
  handling: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

interface RecordBase {
  id: string;
  campaignId: string;
  formId: string;
  stepId: string;
  divisionCode: string;
  /** The submissions the record concerns (a meeting's results, a notice's households, an objection's one). */
  submissionIds: string[];
  recordedBy: string;
  recordedAt: string;
  revision: number;
}

export type DeliberationRecord =
  | (RecordBase & { kind: 'meeting'; body: MeetingBody })
  | (RecordBase & { kind: 'notice'; body: NoticeBody })
  | (RecordBase & { kind: 'objection'; body: ObjectionBody });
