// Every write the SQLite store makes, by name: the writer thread runs them (a closure cannot cross
// a thread), each a function of the connection and plain, cloneable arguments. Reads never come
// here; they run on the caller's own connection.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FormCase, FormDefinition } from '@engine';
import type { DivisionAdjustment, HouseholdChange, HouseholdInput, LoginAttempt, NewUser, Publication, SubmissionUpdate, SubmissionWrite, UserPatch } from '../../Store';
import type { Adoption, CampaignFields, DivisionChange, DivisionRecord, SessionRecord } from '../../records';
import type { AttachmentRecord } from '../../attachmentRecord';
import type { NewApplication } from '../../applicationRecord';
import * as accounts from '../accounts';
import * as applications from '../applications';
import * as attachments from '../attachments';
import * as campaigns from '../campaigns';
import * as catalog from '../catalog';
import * as divisions from '../divisions';
import * as meta from '../meta';
import * as registry from '../registry';
import * as submissions from '../submissions';
import * as verification from '../verificationItems';
import * as warnings from '../householdWarnings';
import * as deliberations from '../deliberations';
import type { DeliberationWrite } from '../../DeliberationStore';
import type { HouseholdWarningRecord } from '../../householdWarning';
import type { NewVerificationItem } from '../../verificationItem';

type Db = Database.Database;

export const WRITE_OPERATIONS = {
  insertUser: (db: Db, user: NewUser) => accounts.insertUser(db, user),
  patchUser: (db: Db, id: string, patch: UserPatch, expectedRevision: number) => accounts.patchUser(db, id, patch, expectedRevision),
  claimLoginAttempt: (db: Db, attempt: LoginAttempt) => accounts.claimLoginAttempt(db, attempt),
  forgetLoginFailures: (db: Db, keys: string[]) => accounts.forgetLoginFailures(db, keys),
  refundLoginAttempt: (db: Db, keys: string[]) => accounts.refundLoginAttempt(db, keys),
  insertSession: (db: Db, session: SessionRecord) => accounts.insertSession(db, session),
  touchSession: (db: Db, tokenHash: string, lastSeenAt: string) => accounts.touchSession(db, tokenHash, lastSeenAt),
  deleteSession: (db: Db, tokenHash: string) => accounts.deleteSession(db, tokenHash),
  deleteSessionsOfUser: (db: Db, userId: string) => accounts.deleteSessionsOfUser(db, userId),
  writeMeta: (db: Db, name: string, value: string) => meta.writeMeta(db, name, value),

  upsertDivisions: (db: Db, list: DivisionRecord[]) => catalog.upsertDivisions(db, list),
  addDivisions: (db: Db, list: DivisionRecord[]) => divisions.addDivisions(db, list),
  adjustDivisions: (db: Db, adjustment: DivisionAdjustment) => divisions.adjustDivisions(db, adjustment),
  insertDivisionChange: (db: Db, change: Omit<DivisionChange, 'id'>) => divisions.insertChange(db, change),
  insertCampaign: (db: Db, campaign: CampaignFields) => campaigns.insertCampaign(db, campaign),
  updateCampaign: (db: Db, campaign: CampaignFields, expectedRevision: number) => campaigns.updateCampaign(db, campaign, expectedRevision),
  adoptVersion: (db: Db, formId: string, version: number, adoption: Adoption, expectedRevision: number) =>
    campaigns.adoptVersion(db, formId, version, adoption, expectedRevision),
  insertForm: (db: Db, form: { id: string; title: string; createdAt: string }) => catalog.insertForm(db, form),
  writeDraft: (db: Db, formId: string, draft: FormDefinition, at: string, expectedRevision: number) =>
    catalog.writeDraft(db, formId, draft, at, expectedRevision),
  insertVersion: (db: Db, publication: Publication) => catalog.insertVersion(db, publication),
  writeCases: (db: Db, formId: string, cases: FormCase[]) => catalog.writeCases(db, formId, cases),

  upsertHouseholds: (db: Db, households: HouseholdInput[], at: string) => registry.upsertHouseholds(db, households, at, randomUUID),

  insertSubmission: (db: Db, write: SubmissionWrite, uniqueKey: string | null) => {
    submissions.insertSubmission(db, write, uniqueKey);
    attachments.linkAttachments(db, write.record.id, write.attachments);
  },
  patchSubmission: (db: Db, update: SubmissionUpdate) => {
    const record = submissions.patchSubmission(db, update);
    attachments.linkAttachments(db, update.id, update.attachments);
    return record;
  },
  approveWithEffects: (db: Db, update: SubmissionUpdate, change: HouseholdChange | null) => {
    if (change) registry.applyHouseholdChange(db, change, update.event.at);
    const patch = change && update.patch.householdId === undefined ? { ...update.patch, householdId: change.household.id } : update.patch;
    const record = submissions.patchSubmission(db, { ...update, patch });
    attachments.linkAttachments(db, update.id, update.attachments);
    if (record.status === 'approved') verification.includeItemsOf(db, update.id, update.event.at);
    return record;
  },

  insertAttachment: (db: Db, record: AttachmentRecord) => attachments.insertAttachment(db, record),

  insertVerificationItem: (db: Db, item: NewVerificationItem) => verification.insertItem(db, item),
  closeVerificationItem: (db: Db, id: string, reason: string, expectedRevision: number, at: string) =>
    verification.closeItem(db, id, reason, expectedRevision, at),
  linkVerificationItem: (db: Db, id: string, submissionId: string, at: string) => verification.linkItem(db, id, submissionId, at),
  insertWarnings: (db: Db, list: HouseholdWarningRecord[]) => warnings.insertWarnings(db, list),
  submitApplication: (db: Db, application: NewApplication) => applications.submitApplication(db, application),
  linkApplicationItem: (db: Db, id: string, itemId: string) => applications.linkApplicationItem(db, id, itemId),
  saveDeliberation: (db: Db, write: DeliberationWrite) => deliberations.saveDeliberation(db, write),
};

export type WriteOperations = typeof WRITE_OPERATIONS;
export type WriteName = keyof WriteOperations;
/** The arguments of a write after the connection. */
export type WriteArgs<N extends WriteName> = WriteOperations[N] extends (db: Db, ...args: infer A) => unknown ? A : never;
export type WriteResult<N extends WriteName> = ReturnType<WriteOperations[N]>;
