// The embedded default store: SQLite through better-sqlite3, WAL with synchronous=FULL. Every
// write goes to the writer thread, which commits concurrent writes together (one fsync for many)
// while this thread serves requests; reads run here on their own connection, and see a write as
// soon as it is acknowledged. Methods are async to honour the Store contract.
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { FormCase, FormDefinition } from '@engine';
import {
  householdKey, type HouseholdChange, type HouseholdFilter, type HouseholdInput, type NewUser, type Page, type Store,
  type SubmissionFilter, type SubmissionUpdate, type SubmissionWrite, type UserPatch,
  type DuplicateFilter, type HouseholdStateQuery, type LoginAttempt, type ProgressQuery, type Publication, type DivisionAdjustment,
} from '../Store';
import type { Adoption, CampaignFields, DivisionChange, DivisionRecord, SessionRecord } from '../records';
import { ABANDONED_UPLOAD_MS, type AttachmentReader, type NewAttachment } from '../attachmentRecord';
import type { NewVerificationItem, VerificationFilter } from '../verificationItem';
import type { NewApplication } from '../applicationRecord';
import * as accounts from './accounts';
import * as applications from './applications';
import { readAttachmentFile, removeAbandonedFiles, writeAttachmentFile } from './attachmentFiles';
import * as attachments from './attachments';
import * as campaigns from './campaigns';
import * as catalog from './catalog';
import * as divisions from './divisions';
import { selectHouseholdStates } from './householdStates';
import * as meta from './meta';
import { migrate, openDatabase } from './openDatabase';
import { withProcessLock } from './processLock';
import * as registry from './registry';
import * as reports from './reports';
import * as submissions from './submissions';
import * as verification from './verificationItems';
import * as warnings from './householdWarnings';
import * as deliberations from './deliberations';
import type { DeliberationFilter, DeliberationWrite } from '../DeliberationStore';
import type { HouseholdWarningRecord, PersonQuery } from '../householdWarning';
import { SqliteWriter } from './writer/SqliteWriter';

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly writes: SqliteWriter;
  private readonly file: string;
  /** Stored files' bytes: beside the database (DATA_DIR/attachments), backed up with it. */
  private readonly attachmentsDir: string;

  constructor(file: string) {
    this.file = resolve(file);
    this.attachmentsDir = join(dirname(this.file), 'attachments');
    this.db = openDatabase(file);
    this.writes = new SqliteWriter(file);
  }

  async migrate() {
    migrate(this.db);
  }
  async close() {
    await this.writes.close();
    this.db.close();
  }
  async ping() { this.db.prepare('SELECT 1').get(); }
  async exclusively<T>(name: string, work: () => Promise<T>) { return withProcessLock(`${this.file}\0${name}`, work); }
  async getMeta(name: string) { return meta.selectMeta(this.db, name); }
  async putMeta(name: string, value: string) { await this.writes.run('writeMeta', name, value); }

  async createUser(user: NewUser) {
    await this.writes.run('insertUser', user);
    return accounts.selectUser(this.db, user.id)!;
  }
  async getUser(id: string) { return accounts.selectUser(this.db, id); }
  async findUserByUsername(username: string) { return accounts.selectUserByName(this.db, username); }
  async listUsers() { return accounts.selectUsers(this.db); }
  async updateUser(id: string, patch: UserPatch, expectedRevision: number) { return this.writes.run('patchUser', id, patch, expectedRevision); }
  async claimLoginAttempt(attempt: LoginAttempt) { return this.writes.run('claimLoginAttempt', attempt); }
  async forgetLoginFailures(keys: string[]) { await this.writes.run('forgetLoginFailures', keys); }
  async refundLoginAttempt(keys: string[]) { await this.writes.run('refundLoginAttempt', keys); }
  async createSession(session: SessionRecord) { await this.writes.run('insertSession', session); }
  async findSession(tokenHash: string) { return accounts.selectSession(this.db, tokenHash); }
  async touchSession(tokenHash: string, lastSeenAt: string) {
    await this.writes.run('touchSession', tokenHash, lastSeenAt);
  }
  async deleteSession(tokenHash: string) {
    await this.writes.run('deleteSession', tokenHash);
  }
  async deleteSessionsOfUser(userId: string) {
    await this.writes.run('deleteSessionsOfUser', userId);
  }

  async upsertDivisions(divisions: DivisionRecord[]) { await this.writes.run('upsertDivisions', divisions); }
  async listDivisions(prefixes: string[]) { return catalog.selectDivisions(this.db, prefixes); }
  async getDivision(code: string) { return catalog.selectDivision(this.db, code); }
  async addDivisions(list: DivisionRecord[]) { return this.writes.run('addDivisions', list); }
  async countHouseholdsByDivision(prefixes: string[]) { return divisions.countHouseholds(this.db, prefixes); }
  async adjustDivisions(adjustment: DivisionAdjustment) { return this.writes.run('adjustDivisions', adjustment); }
  async recordDivisionChange(change: Omit<DivisionChange, 'id'>) { await this.writes.run('insertDivisionChange', change); }
  async listDivisionChanges(prefixes: string[]) { return divisions.selectChanges(this.db, prefixes); }
  async createCampaign(campaign: CampaignFields) { await this.writes.run('insertCampaign', campaign); }
  async updateCampaign(campaign: CampaignFields, expectedRevision: number) { return this.writes.run('updateCampaign', campaign, expectedRevision); }
  async getCampaign(id: string) { return campaigns.selectCampaign(this.db, id); }
  async listCampaigns() { return campaigns.selectCampaigns(this.db); }
  async adoptVersion(formId: string, version: number, adoption: Adoption, expectedRevision: number) {
    return this.writes.run('adoptVersion', formId, version, adoption, expectedRevision);
  }
  async listAdoptions(campaignId: string) { return campaigns.selectAdoptions(this.db, campaignId); }

  async createForm(form: { id: string; title: string; createdAt: string }) { await this.writes.run('insertForm', form); }
  async getForm(id: string) { return catalog.selectForm(this.db, id); }
  async listForms() { return catalog.selectForms(this.db); }
  async saveDraft(formId: string, draft: FormDefinition, at: string, expectedRevision: number) {
    return this.writes.run('writeDraft', formId, draft, at, expectedRevision);
  }
  async publishVersion(publication: Publication) { return this.writes.run('insertVersion', publication); }
  async getFormVersion(formId: string, version: number) { return catalog.selectVersion(this.db, formId, version); }
  async listFormVersions(formId: string) { return catalog.selectVersions(this.db, formId); }
  async getFormCases(formId: string) { return catalog.selectCases(this.db, formId); }
  async saveFormCases(formId: string, cases: FormCase[]) { await this.writes.run('writeCases', formId, cases); }
  async getVersionCases(formId: string, version: number) { return catalog.selectVersionCases(this.db, formId, version); }

  async upsertHouseholds(households: HouseholdInput[], at: string) {
    return this.writes.run('upsertHouseholds', households, at);
  }
  async getHousehold(id: string) { return registry.selectHousehold(this.db, id); }
  async findHouseholdByHeadId(headIdNumber: string) { return registry.selectHouseholdByHeadId(this.db, headIdNumber); }
  async listHouseholds(filter: HouseholdFilter, page: Page) { return registry.selectHouseholds(this.db, filter, page); }
  async listHouseholdEvents(householdId: string) { return registry.selectHouseholdEvents(this.db, householdId); }
  async listHouseholdStates(query: HouseholdStateQuery) { return selectHouseholdStates(this.db, query); }

  async createSubmission(write: SubmissionWrite) {
    const r = write.record;
    const key = write.onePerHousehold && r.householdId ? householdKey(r.formId, r.campaignId, r.householdId) : null;
    await this.writes.run('insertSubmission', write, key);
  }
  async getSubmission(id: string) { return submissions.selectSubmission(this.db, id); }
  async findSubmissionFor(formId: string, campaignId: string, householdId: string) {
    return submissions.selectSubmissionByKey(this.db, householdKey(formId, campaignId, householdId));
  }
  async updateSubmission(update: SubmissionUpdate) {
    return this.writes.run('patchSubmission', update);
  }
  async approveWithEffects(update: SubmissionUpdate, change: HouseholdChange | null) {
    return this.writes.run('approveWithEffects', update, change);
  }
  async listSubmissions(filter: SubmissionFilter, page: Page) { return submissions.selectSubmissions(this.db, filter, page); }
  async *streamSubmissions(filter: SubmissionFilter, batchSize = 500) {
    let after = 0;
    for (;;) {
      const batch = submissions.selectSubmissionBatch(this.db, filter, after, batchSize);
      if (batch.length === 0) return;
      after = batch[batch.length - 1]!.rowid;
      yield batch.map((b) => b.record);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  async listSubmissionEvents(submissionId: string) { return submissions.selectSubmissionEvents(this.db, submissionId); }

  async countSubmissionsByDivision(filter: SubmissionFilter) { return reports.countByDivision(this.db, filter); }
  async summarizeProgress(query: ProgressQuery) { return reports.summarizeProgress(this.db, query); }
  async listMissingHouseholds(query: ProgressQuery, page: Page) { return reports.selectMissingHouseholds(this.db, query, page); }
  async findDuplicateMembers(filter: DuplicateFilter, page: Page) { return reports.findDuplicateMembers(this.db, filter, page); }

  async putAttachment(record: NewAttachment, bytes: AsyncIterable<Uint8Array>) {
    const stored = attachments.selectAttachment(this.db, record.reference);
    if (stored) return { outcome: 'exists' as const, size: stored.size };
    // The same file sent again: what an earlier upload of it cut short left goes first.
    await removeAbandonedFiles(this.attachmentsDir, ABANDONED_UPLOAD_MS, record.reference);
    // The file first, then its record: a record always has its file.
    const size = await writeAttachmentFile(this.attachmentsDir, record.reference, bytes);
    const inserted = await this.writes.run('insertAttachment', { ...record, size });
    return { outcome: inserted ? ('stored' as const) : ('exists' as const), size };
  }
  async removeAbandonedUploads(idleMs: number) { return removeAbandonedFiles(this.attachmentsDir, idleMs); }
  async attachmentRecords(references: string[]) { return attachments.selectAttachments(this.db, references); }
  async openAttachment(reference: string) {
    const record = attachments.selectAttachment(this.db, reference);
    return record ? { record, bytes: readAttachmentFile(this.attachmentsDir, reference) } : null;
  }
  async mayReadAttachment(reference: string, reader: AttachmentReader) { return attachments.mayRead(this.db, reference, reader); }

  async addVerificationItem(item: NewVerificationItem) { return this.writes.run('insertVerificationItem', item); }
  async listVerificationItems(filter: VerificationFilter, page: Page) { return verification.selectItems(this.db, filter, page); }
  async countVerificationItems(filter: VerificationFilter) { return verification.countItems(this.db, filter); }
  async getVerificationItem(id: string) { return verification.selectItem(this.db, id); }
  async closeVerificationItem(id: string, reason: string, expectedRevision: number, at: string) {
    return this.writes.run('closeVerificationItem', id, reason, expectedRevision, at);
  }
  async linkVerificationItem(id: string, submissionId: string, at: string) { return this.writes.run('linkVerificationItem', id, submissionId, at); }

  async findPersons(query: PersonQuery) { return warnings.selectPersons(this.db, query); }
  async addHouseholdWarnings(list: HouseholdWarningRecord[]) { await this.writes.run('insertWarnings', list); }
  async listHouseholdWarnings(householdId: string) { return warnings.selectWarnings(this.db, householdId); }
  async submitApplication(application: NewApplication) { return this.writes.run('submitApplication', application); }
  async linkApplicationItem(id: string, verificationItemId: string) { await this.writes.run('linkApplicationItem', id, verificationItemId); }
  async getApplicationByReceipt(receipt: string) { return applications.selectApplicationByReceipt(this.db, receipt); }
  async saveDeliberation(write: DeliberationWrite) { return this.writes.run('saveDeliberation', write); }
  async getDeliberation(id: string) { return deliberations.selectDeliberation(this.db, id); }
  async listDeliberations(filter: DeliberationFilter) { return deliberations.selectDeliberations(this.db, filter); }
}
