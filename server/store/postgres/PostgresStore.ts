// The store for several server instances sharing one PostgreSQL database: nothing is kept in
// memory between calls, every multi-statement write is one transaction (transaction.ts), and a
// commit is answered only once PostgreSQL reports it durable. Same records, errors, ordering and
// paging as the SQLite store; the contract suite (test/server/*StoreContract.ts) runs on both.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
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
import * as attachments from './attachments';
import * as campaigns from './campaigns';
import * as catalog from './catalog';
import * as divisions from './divisions';
import { selectHouseholdStates } from './householdStates';
import { exclusively } from './exclusively';
import * as meta from './meta';
import { migrate } from './migrate';
import { openPool, type PostgresOptions } from './openPool';
import * as registry from './registry';
import * as reports from './reports';
import * as submissions from './submissions';
import * as verification from './verificationItems';
import * as deliberations from './deliberations';
import type { DeliberationFilter, DeliberationWrite } from '../DeliberationStore';
import * as warnings from './householdWarnings';
import type { HouseholdWarningRecord, PersonQuery } from '../householdWarning';
import { snapshot, transaction } from './transaction';

export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;

  constructor(options: PostgresOptions) {
    this.pool = openPool(options);
    this.schema = options.schema;
  }

  async migrate() { await migrate(this.pool, this.schema); }
  async close() { await this.pool.end(); }
  async ping() { await this.pool.query('SELECT 1'); }
  async exclusively<T>(name: string, work: () => Promise<T>) { return exclusively(this.pool, this.schema, name, work); }
  async getMeta(name: string) { return meta.selectMeta(this.pool, name); }
  async putMeta(name: string, value: string) { await meta.writeMeta(this.pool, name, value); }

  async createUser(user: NewUser) {
    await accounts.insertUser(this.pool, user);
    return (await accounts.selectUser(this.pool, user.id))!;
  }
  async getUser(id: string) { return accounts.selectUser(this.pool, id); }
  async findUserByUsername(username: string) { return accounts.selectUserByName(this.pool, username); }
  async listUsers() { return accounts.selectUsers(this.pool); }
  async updateUser(id: string, patch: UserPatch, expectedRevision: number) { return accounts.patchUser(this.pool, id, patch, expectedRevision); }
  async claimLoginAttempt(attempt: LoginAttempt) { return transaction(this.pool, (db) => accounts.claimLoginAttempt(db, attempt)); }
  async forgetLoginFailures(keys: string[]) { await accounts.forgetLoginFailures(this.pool, keys); }
  async refundLoginAttempt(keys: string[]) { await accounts.refundLoginAttempt(this.pool, keys); }
  async createSession(session: SessionRecord) { await accounts.insertSession(this.pool, session); }
  async findSession(tokenHash: string) { return accounts.selectSession(this.pool, tokenHash); }
  async touchSession(tokenHash: string, lastSeenAt: string) { await accounts.touchSession(this.pool, tokenHash, lastSeenAt); }
  async deleteSession(tokenHash: string) { await accounts.deleteSession(this.pool, tokenHash); }
  async deleteSessionsOfUser(userId: string) { await accounts.deleteSessionsOfUser(this.pool, userId); }

  async upsertDivisions(divisions: DivisionRecord[]) { await catalog.upsertDivisions(this.pool, divisions); }
  async listDivisions(prefixes: string[]) { return catalog.selectDivisions(this.pool, prefixes); }
  async getDivision(code: string) { return catalog.selectDivision(this.pool, code); }
  async addDivisions(list: DivisionRecord[]) { return divisions.addDivisions(this.pool, list); }
  async countHouseholdsByDivision(prefixes: string[]) { return divisions.countHouseholds(this.pool, prefixes); }
  async adjustDivisions(adjustment: DivisionAdjustment) { return divisions.adjustDivisions(this.pool, adjustment); }
  async recordDivisionChange(change: Omit<DivisionChange, 'id'>) { await divisions.insertChange(this.pool, change); }
  async listDivisionChanges(prefixes: string[]) { return divisions.selectChanges(this.pool, prefixes); }
  async createCampaign(campaign: CampaignFields) { await campaigns.insertCampaign(this.pool, campaign); }
  async updateCampaign(campaign: CampaignFields, expectedRevision: number) {
    return transaction(this.pool, (db) => campaigns.updateCampaign(db, campaign, expectedRevision));
  }
  async getCampaign(id: string) { return campaigns.selectCampaign(this.pool, id); }
  async listCampaigns() { return campaigns.selectCampaigns(this.pool); }
  async adoptVersion(formId: string, version: number, adoption: Adoption, expectedRevision: number) {
    return transaction(this.pool, (db) => campaigns.adoptVersion(db, formId, version, adoption, expectedRevision));
  }
  async listAdoptions(campaignId: string) { return campaigns.selectAdoptions(this.pool, campaignId); }

  async createForm(form: { id: string; title: string; createdAt: string }) { await catalog.insertForm(this.pool, form); }
  async getForm(id: string) { return catalog.selectForm(this.pool, id); }
  async listForms() { return catalog.selectForms(this.pool); }
  async saveDraft(formId: string, draft: FormDefinition, at: string, expectedRevision: number) {
    return catalog.writeDraft(this.pool, formId, draft, at, expectedRevision);
  }
  async publishVersion(publication: Publication) { return transaction(this.pool, (db) => catalog.insertVersion(db, publication)); }
  async getFormVersion(formId: string, version: number) { return catalog.selectVersion(this.pool, formId, version); }
  async listFormVersions(formId: string) { return catalog.selectVersions(this.pool, formId); }
  async getFormCases(formId: string) { return catalog.selectCases(this.pool, formId); }
  async saveFormCases(formId: string, cases: FormCase[]) { await catalog.writeCases(this.pool, formId, cases); }
  async getVersionCases(formId: string, version: number) { return catalog.selectVersionCases(this.pool, formId, version); }

  async upsertHouseholds(households: HouseholdInput[], at: string) {
    return transaction(this.pool, (db) => registry.upsertHouseholds(db, households, at, randomUUID));
  }
  async getHousehold(id: string) { return registry.selectHousehold(this.pool, id); }
  async findHouseholdByHeadId(headIdNumber: string) { return registry.selectHouseholdByHeadId(this.pool, headIdNumber); }
  async listHouseholds(filter: HouseholdFilter, page: Page) { return snapshot(this.pool, (db) => registry.selectHouseholds(db, filter, page)); }
  async listHouseholdEvents(householdId: string) { return registry.selectHouseholdEvents(this.pool, householdId); }
  async listHouseholdStates(query: HouseholdStateQuery) { return snapshot(this.pool, (db) => selectHouseholdStates(db, query)); }

  async createSubmission(write: SubmissionWrite) {
    const r = write.record;
    const key = write.onePerHousehold && r.householdId ? householdKey(r.formId, r.campaignId, r.householdId) : null;
    await transaction(this.pool, async (db) => {
      await submissions.insertSubmission(db, write, key);
      await attachments.linkAttachments(db, r.id, write.attachments);
    });
  }
  async getSubmission(id: string) { return submissions.selectSubmission(this.pool, id); }
  async findSubmissionFor(formId: string, campaignId: string, householdId: string) {
    return submissions.selectSubmissionByKey(this.pool, householdKey(formId, campaignId, householdId));
  }
  async updateSubmission(update: SubmissionUpdate) {
    return transaction(this.pool, async (db) => {
      const record = await submissions.patchSubmission(db, update);
      await attachments.linkAttachments(db, update.id, update.attachments);
      return record;
    });
  }
  async approveWithEffects(update: SubmissionUpdate, change: HouseholdChange | null) {
    return transaction(this.pool, async (db) => {
      if (change) await registry.applyHouseholdChange(db, change, update.event.at);
      const patch = change && update.patch.householdId === undefined ? { ...update.patch, householdId: change.household.id } : update.patch;
      const record = await submissions.patchSubmission(db, { ...update, patch });
      await attachments.linkAttachments(db, update.id, update.attachments);
      if (record.status === 'approved') await verification.includeItemsOf(db, update.id, update.event.at);
      return record;
    });
  }
  async listSubmissions(filter: SubmissionFilter, page: Page) { return snapshot(this.pool, (db) => submissions.selectSubmissions(db, filter, page)); }
  async *streamSubmissions(filter: SubmissionFilter, batchSize = 500) {
    let after = '0';
    for (;;) {
      const batch = await submissions.selectSubmissionBatch(this.pool, filter, after, batchSize);
      if (batch.length === 0) return;
      after = batch[batch.length - 1]!.seq;
      yield batch.map((b) => b.record);
    }
  }
  async listSubmissionEvents(submissionId: string) { return submissions.selectSubmissionEvents(this.pool, submissionId); }

  async countSubmissionsByDivision(filter: SubmissionFilter) { return reports.countByDivision(this.pool, filter); }
  async summarizeProgress(query: ProgressQuery) { return snapshot(this.pool, (db) => reports.summarizeProgress(db, query)); }
  async listMissingHouseholds(query: ProgressQuery, page: Page) { return snapshot(this.pool, (db) => reports.selectMissingHouseholds(db, query, page)); }
  async findDuplicateMembers(filter: DuplicateFilter, page: Page) { return snapshot(this.pool, (db) => reports.findDuplicateMembers(db, filter, page)); }

  async putAttachment(record: NewAttachment, bytes: AsyncIterable<Uint8Array>) { return attachments.putAttachment(this.pool, record, bytes, ABANDONED_UPLOAD_MS); }
  async removeAbandonedUploads(idleMs: number) { return attachments.removeAbandoned(this.pool, idleMs); }
  async attachmentRecords(references: string[]) { return attachments.selectAttachments(this.pool, references); }
  async openAttachment(reference: string) { return attachments.openAttachment(this.pool, reference); }
  async mayReadAttachment(reference: string, reader: AttachmentReader) { return attachments.mayRead(this.pool, reference, reader); }

  async addVerificationItem(item: NewVerificationItem) { return verification.insertItem(this.pool, item); }
  async listVerificationItems(filter: VerificationFilter, page: Page) { return verification.selectItems(this.pool, filter, page); }
  async countVerificationItems(filter: VerificationFilter) { return verification.countItems(this.pool, filter); }
  async getVerificationItem(id: string) { return verification.selectItem(this.pool, id); }
  async closeVerificationItem(id: string, reason: string, expectedRevision: number, at: string) {
    return verification.closeItem(this.pool, id, reason, expectedRevision, at);
  }
  async linkVerificationItem(id: string, submissionId: string, at: string) { return verification.linkItem(this.pool, id, submissionId, at); }

  async findPersons(query: PersonQuery) { return warnings.selectPersons(this.pool, query); }
  async addHouseholdWarnings(list: HouseholdWarningRecord[]) { await warnings.insertWarnings(this.pool, list); }
  async listHouseholdWarnings(householdId: string) { return warnings.selectWarnings(this.pool, householdId); }
  async submitApplication(application: NewApplication) { return applications.submitApplication(this.pool, application); }
  async linkApplicationItem(id: string, verificationItemId: string) { await applications.linkApplicationItem(this.pool, id, verificationItemId); }
  async getApplicationByReceipt(receipt: string) { return applications.selectApplicationByReceipt(this.pool, receipt); }
  async saveDeliberation(write: DeliberationWrite) { return deliberations.saveDeliberation(this.pool, write); }
  async getDeliberation(id: string) { return deliberations.selectDeliberation(this.pool, id); }
  async listDeliberations(filter: DeliberationFilter) { return deliberations.selectDeliberations(this.pool, filter); }
}
