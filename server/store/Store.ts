// The storage contract. The server reaches the database only through these methods, named by
// intent and async on every implementation, so SQLite (the embedded default) and PostgreSQL
// (several stateless servers on one database) are interchangeable; one contract test suite
// runs against both. Dialect, SQL and transactions stay inside the implementations. Stored files
// (AttachmentStore.ts), the identification pipeline (IdentificationStore.ts) and 民主评议 / 公示
// (DeliberationStore.ts) are their own parts.
import type { FormCase, FormDefinition } from '@engine';
import type {
  Adoption, AdoptionRecord, CampaignFields, CampaignRecord, DivisionChange, DivisionRecord, FormRecord, FormVersionRecord, HouseholdEvent, HouseholdRecord, Role, SessionRecord,
  SubmissionEvent, SubmissionRecord, SubmissionStatus, UserRecord,
} from './records';
import type { AttachmentStore } from './AttachmentStore';
import type { IdentificationStore } from './IdentificationStore';
import type { DeliberationStore } from './DeliberationStore';
import type {
  DivisionCount, DuplicateFilter, DuplicateMember, HouseholdStateQuery, HouseholdStates, ProgressCount, ProgressQuery,
} from './readShapes';

export type * from './readShapes';
export type * from './attachmentRecord';
export type * from './verificationItem';
export type * from './householdWarning';
export type * from './applicationRecord';

/**
 * A write lost a race (stale revision, unique key taken; or, on PostgreSQL, a deadlock or
 * serialization failure that went on after retries: 'contended'): nothing was written, the
 * caller answers 409.
 */
/** `in_review`: the record's linked submission is being reviewed (submitted or approved), so it must not change now. */
type ConflictKind = 'revision' | 'unique' | 'exists' | 'contended' | 'in_review';

export class StoreConflict extends Error {
  readonly kind: ConflictKind;
  constructor(kind: ConflictKind, message: string) {
    super(message);
    this.name = 'StoreConflict';
    this.kind = kind;
  }
}

/** A division to remove still holds households or submissions (its own or below it): nothing was changed. */
export class DivisionInUse extends Error {
  readonly division: string;
  readonly households: number;
  readonly submissions: number;
  constructor(division: string, households: number, submissions: number) {
    super(`行政区划 ${division} 仍有 ${households} 户、${submissions} 份提交`);
    this.name = 'DivisionInUse';
    this.division = division;
    this.households = households;
    this.submissions = submissions;
  }
}

/** Changes to the registered divisions made together, all or nothing (an adjustment sheet). */
export interface DivisionAdjustment {
  at: string;
  userId: string;
  /** New divisions and new names, by code (recorded as 'add' or 'rename'). */
  upserts: DivisionRecord[];
  /**
   * Villages merged into another: each household moves to the target with a household event
   * (`event` its text), the household's submissions with it, and the village is removed.
   */
  merges: { from: string; into: string; event: string }[];
  /** Divisions removed with everything below them; DivisionInUse if any holds a household or submission. */
  removals: string[];
}

export interface DivisionAdjustmentResult {
  households: number;
  submissions: number;
}

/** One login attempt, counted against each key (the username, the client's address). */
export interface LoginAttempt {
  at: string;
  /** Each key with the failures it allows: the one that reaches the limit locks the key. */
  keys: { key: string; limit: number }[];
  /** The first lock; each further failure past the limit doubles it, up to maxLockMs. */
  firstLockMs: number;
  maxLockMs: number;
  /** A key's failures are forgotten this long after its first one, once it is not locked. */
  windowMs: number;
}

export type LoginClaim = { admitted: true } | { admitted: false; lockedUntil: string };

export interface Page {
  page: number;
  pageSize: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: string[];
  passwordHash: string;
  createdAt: string;
  phone?: string;
}

export interface UserPatch {
  displayName?: string;
  /** null: the phone is removed. */
  phone?: string | null;
  role?: Role;
  scope?: string[];
  disabled?: boolean;
  passwordHash?: string;
}

export interface HouseholdFilter {
  /** The caller's scope: division code prefixes (empty: none visible). */
  scope: string[];
  division?: string;
  kind?: string;
  /** Any of these kinds (监测户: the three monitored kinds). */
  kinds?: string[];
  /** Head name, head ID number or any member's ID number. */
  q?: string;
}

/** A household as imported: matched to an existing one by head ID number. */
export type HouseholdInput = Omit<HouseholdRecord, 'id' | 'revision' | 'createdAt' | 'updatedAt'> & { id?: string };

export interface SubmissionFilter {
  scope: string[];
  formId?: string;
  campaignId?: string;
  division?: string;
  status?: SubmissionStatus;
  /** Head name or ID number. */
  q?: string;
  householdId?: string;
  /** Only submissions created by this user (an officer's own). */
  createdBy?: string;
  /** Submitted (or, for drafts, updated) at or after `from` and before `to`: ISO instants (UTC). */
  from?: string;
  to?: string;
  /** Only submissions waiting on this review level. */
  reviewLevel?: number;
  sort?: 'updatedAt' | 'submittedAt' | 'headName' | 'divisionCode' | 'status';
  order?: 'asc' | 'desc';
  /** Only submissions whose evaluation left warnings (数据清洗). */
  withWarnings?: boolean;
}

export interface SubmissionWrite {
  record: SubmissionRecord;
  event: Omit<SubmissionEvent, 'id'>;
  /** The form allows one submission per household and campaign: a second is StoreConflict('unique'). */
  onePerHousehold: boolean;
  /** The files the data refers to (attachmentsIn), linked to the submission in the same transaction. */
  attachments?: string[];
}

/** The key that makes a household's submission of a form unique within a campaign. */
export function householdKey(formId: string, campaignId: string, householdId: string): string {
  return `${formId}|${campaignId}|${householdId}`;
}

export interface SubmissionUpdate {
  id: string;
  expectedRevision: number;
  patch: Partial<Omit<SubmissionRecord, 'id' | 'revision' | 'createdAt' | 'createdBy' | 'requestHash'>>;
  event: Omit<SubmissionEvent, 'id'>;
  /** The files the new data refers to, linked in the same transaction (links are kept: history refers to earlier ones). */
  attachments?: string[];
}

/** One household as upsertHouseholds wrote it. */
export interface HouseholdWrite {
  id: string;
  /** Made by this call (else an existing one, matched by head ID number, was updated). */
  created: boolean;
}

/**
 * The order households are written in by every writer: by head ID number (the rows an import
 * locks), so two imports of the same households at once take their rows in the same order and
 * one waits for the other instead of both waiting on each other. Answers indexes into `households`.
 */
export function inHeadIdOrder(households: { headIdNumber: string }[]): number[] {
  return households.map((_, i) => i).sort((a, b) => {
    const x = households[a]!.headIdNumber;
    const y = households[b]!.headIdNumber;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

/** The registry change an approval makes: the household after the effects. */
export interface HouseholdChange {
  /** The household as read before the effects (null: one is created). */
  expectedRevision: number | null;
  household: HouseholdInput & { id: string };
  event: Omit<HouseholdEvent, 'id' | 'householdId'>;
}

/** A new version of a form (see Store.publishVersion). */
export interface Publication {
  formId: string;
  definition: FormDefinition;
  by: string;
  at: string;
  /** Chinese, one line per change since the previous version. */
  changes: string[];
  /** Kept with the version: the cases it was published with. */
  cases?: FormCase[];
  /**
   * The draft revision this publishes (an administrator's publication): the version is made and
   * the draft cleared only if the draft is still at this revision, else StoreConflict('revision')
   * and nothing is written. Absent (forms shipped with the server): the draft is left as it is.
   */
  draftRevision?: number;
  /** Campaigns that adopt the new version in the same transaction (each adoption recorded; unknown ids are skipped). */
  adopt?: Adoption[];
}

export interface Store extends AttachmentStore, IdentificationStore, DeliberationStore {
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The database answers (for /api/health). */
  ping(): Promise<void>;
  /**
   * Runs `work` while no other holder of the lock `name` runs, across every server on the
   * database (PostgreSQL: a session advisory lock on a connection of its own, released even if the
   * server dies; SQLite: within the one process that owns the file). Not re-entrant.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** A value kept across starts (what preparing the database decided), or null. */
  getMeta(name: string): Promise<string | null>;
  putMeta(name: string, value: string): Promise<void>;

  // accounts and sessions
  createUser(user: NewUser): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  findUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /**
   * Compare-and-set: applies the patch only if the user's stored revision is still
   * `expectedRevision` (else StoreConflict('revision')), as revision + 1; answers the user, null if none.
   */
  updateUser(id: string, patch: UserPatch, expectedRevision: number): Promise<UserRecord | null>;
  /**
   * Counts a login attempt as a failure against every key at once, atomically, before its password
   * is checked: none is counted and the attempt is refused when a key is locked (then
   * `lockedUntil` is the latest lock among them). See countLoginAttempt.ts for the rule.
   */
  claimLoginAttempt(attempt: LoginAttempt): Promise<LoginClaim>;
  /** The password was right: these keys forget their failures (the account's). */
  forgetLoginFailures(keys: string[]): Promise<void>;
  /** The password was right: these keys take back the failure their claim counted (the address's). */
  refundLoginAttempt(keys: string[]): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOfUser(userId: string): Promise<void>;

  // divisions and campaigns
  upsertDivisions(divisions: DivisionRecord[]): Promise<void>;
  listDivisions(prefixes: string[]): Promise<DivisionRecord[]>;
  getDivision(code: string): Promise<DivisionRecord | null>;
  /** Registers the divisions not registered yet, leaving known codes as they are (a name adjusted since stays); answers how many were added. */
  addDivisions(divisions: DivisionRecord[]): Promise<number>;
  /** Households per division code within the prefixes, by code. */
  countHouseholdsByDivision(prefixes: string[]): Promise<DivisionCount[]>;
  /** Applies an adjustment in one transaction, recording each change (listDivisionChanges). */
  adjustDivisions(adjustment: DivisionAdjustment): Promise<DivisionAdjustmentResult>;
  recordDivisionChange(change: Omit<DivisionChange, 'id'>): Promise<void>;
  /** The recorded changes of divisions within the prefixes, oldest first. */
  listDivisionChanges(prefixes: string[]): Promise<DivisionChange[]>;
  /** A new campaign at revision 1; StoreConflict('exists') when the id is taken. */
  createCampaign(campaign: CampaignFields): Promise<void>;
  /**
   * Compare-and-set: writes the campaign only if its stored revision is still `expectedRevision`
   * (else StoreConflict('revision')), as revision + 1; answers the stored campaign, null if none.
   */
  updateCampaign(campaign: CampaignFields, expectedRevision: number): Promise<CampaignRecord | null>;
  getCampaign(id: string): Promise<CampaignRecord | null>;
  listCampaigns(): Promise<CampaignRecord[]>;
  /**
   * Compare-and-set: the campaign serves `version` of the form from now on (revision + 1), and the
   * adoption is recorded with the version it served before; StoreConflict('revision') when stale.
   * Answers the campaign, null if none.
   */
  adoptVersion(formId: string, version: number, adoption: Adoption, expectedRevision: number): Promise<CampaignRecord | null>;
  /** A campaign's adoptions, oldest first. */
  listAdoptions(campaignId: string): Promise<AdoptionRecord[]>;

  // forms and versions
  createForm(form: { id: string; title: string; createdAt: string }): Promise<void>;
  getForm(id: string): Promise<FormRecord | null>;
  listForms(): Promise<FormRecord[]>;
  /**
   * Compare-and-set: saves the draft only if the form's draft revision is still `expectedRevision`
   * (else StoreConflict('revision')); answers the new draft revision, null if there is no such form.
   */
  saveDraft(formId: string, draft: FormDefinition, at: string, expectedRevision: number): Promise<number | null>;
  /**
   * Publishes a new version (latest + 1) in one transaction, with the draft compared and cleared
   * (see Publication.draftRevision); returns the version number. StoreConflict('exists'): no such form.
   */
  publishVersion(publication: Publication): Promise<number>;
  getFormVersion(formId: string, version: number): Promise<FormVersionRecord | null>;
  listFormVersions(formId: string): Promise<Omit<FormVersionRecord, 'definition'>[]>;
  /** The form's test cases, run at its next publication (kept across publications); null: never set or no such form. */
  getFormCases(formId: string): Promise<FormCase[] | null>;
  saveFormCases(formId: string, cases: FormCase[]): Promise<void>;
  /** The cases a version was published with; null: none were kept (or no such version). */
  getVersionCases(formId: string, version: number): Promise<FormCase[] | null>;

  // household registry
  /**
   * All or nothing: inserts or updates (by head ID number) every household, in head ID order
   * (inHeadIdOrder); answers, in the order given, each one's id and whether this call created it.
   */
  upsertHouseholds(households: HouseholdInput[], at: string): Promise<HouseholdWrite[]>;
  getHousehold(id: string): Promise<HouseholdRecord | null>;
  findHouseholdByHeadId(headIdNumber: string): Promise<HouseholdRecord | null>;
  listHouseholds(filter: HouseholdFilter, page: Page): Promise<Paged<HouseholdRecord>>;
  listHouseholdEvents(householdId: string): Promise<HouseholdEvent[]>;
  /**
   * The officer's work at a glance: every household of the area (by division code, head name, id)
   * with its submissions of the given forms in the given campaigns, and those submissions that have
   * no household yet (identifications), in one query each: never one per household.
   */
  listHouseholdStates(query: HouseholdStateQuery): Promise<HouseholdStates>;

  // submissions
  /** Inserts a submission with its first event; StoreConflict('exists') when the id is taken. */
  createSubmission(write: SubmissionWrite): Promise<void>;
  getSubmission(id: string): Promise<SubmissionRecord | null>;
  /** The submission of a form for a household within a campaign, if one exists (one per household). */
  findSubmissionFor(formId: string, campaignId: string, householdId: string): Promise<SubmissionRecord | null>;
  /** Applies a patch if the revision still matches (else StoreConflict('revision')); returns the new record. */
  updateSubmission(update: SubmissionUpdate): Promise<SubmissionRecord>;
  /**
   * The final approval, in one transaction: the submission update, the registry change, and the
   * open households to verify linked to the submission becoming 'included' (纳入监测) with the
   * residents' applications they came from. Any failure leaves all of them as they were.
   */
  approveWithEffects(update: SubmissionUpdate, change: HouseholdChange | null): Promise<SubmissionRecord>;
  listSubmissions(filter: SubmissionFilter, page: Page): Promise<Paged<SubmissionRecord>>;
  /** Every matching submission in batches, for exports: memory stays flat whatever the count. */
  streamSubmissions(filter: SubmissionFilter, batchSize?: number): AsyncIterable<SubmissionRecord[]>;
  listSubmissionEvents(submissionId: string): Promise<SubmissionEvent[]>;

  // reports for reviewers: counted in the database (GROUP BY), never by loading rows
  /** Matching submissions per division code, by division code. */
  countSubmissionsByDivision(filter: SubmissionFilter): Promise<DivisionCount[]>;
  /** A form's progress in a campaign per village and household kind, by division code then kind. */
  summarizeProgress(query: ProgressQuery): Promise<ProgressCount[]>;
  /** Expected households (query.kinds) with no submission of the form in the campaign, by division, head name, id. */
  listMissingHouseholds(query: ProgressQuery, page: Page): Promise<Paged<HouseholdRecord>>;
  /**
   * Member ID numbers held by two or more households, one of them at least in scope: a page of
   * them (by their first village in scope, then number) with every holder, and per village in
   * scope how many of its members' numbers another household holds too.
   */
  findDuplicateMembers(filter: DuplicateFilter, page: Page): Promise<Paged<DuplicateMember> & { byDivision: DivisionCount[] }>;
}
