// The embedded default store: SQLite through better-sqlite3, WAL with synchronous=FULL, every
// write through the group-commit batcher (so concurrent writes share one fsync). Reads run
// directly; methods are async to honour the Store contract.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FormCase, FormDefinition } from '../../../engine/index';
import {
  householdKey, type HouseholdChange, type HouseholdFilter, type HouseholdInput, type NewUser, type Page, type Store,
  type SubmissionFilter, type SubmissionUpdate, type SubmissionWrite, type UserPatch,
  type DuplicateFilter, type ProgressQuery,
} from '../Store';
import type { CampaignRecord, DivisionRecord, SessionRecord } from '../records';
import * as accounts from './accounts';
import * as catalog from './catalog';
import { migrate, openDatabase } from './openDatabase';
import * as registry from './registry';
import * as reports from './reports';
import * as submissions from './submissions';
import { WriteBatcher } from './WriteBatcher';

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly writes: WriteBatcher;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.writes = new WriteBatcher(this.db);
  }

  async migrate() { migrate(this.db); }
  async close() { this.db.close(); }
  async ping() { this.db.prepare('SELECT 1').get(); }

  async createUser(user: NewUser) {
    await this.writes.run(() => accounts.insertUser(this.db, user));
    return accounts.selectUser(this.db, user.id)!;
  }
  async getUser(id: string) { return accounts.selectUser(this.db, id); }
  async findUserByUsername(username: string) { return accounts.selectUserByName(this.db, username); }
  async listUsers() { return accounts.selectUsers(this.db); }
  async updateUser(id: string, patch: UserPatch) {
    await this.writes.run(() => accounts.patchUser(this.db, id, patch));
    return accounts.selectUser(this.db, id);
  }
  async recordLoginFailure(userId: string, lockedUntil: string | null) {
    await this.writes.run(() => this.db.prepare('UPDATE users SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?').run(lockedUntil, userId));
  }
  async resetLoginFailures(userId: string) {
    await this.writes.run(() => this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(userId));
  }
  async createSession(session: SessionRecord) { await this.writes.run(() => accounts.insertSession(this.db, session)); }
  async findSession(tokenHash: string) { return accounts.selectSession(this.db, tokenHash); }
  async touchSession(tokenHash: string, lastSeenAt: string) {
    await this.writes.run(() => this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(lastSeenAt, tokenHash));
  }
  async deleteSession(tokenHash: string) {
    await this.writes.run(() => this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash));
  }
  async deleteSessionsOfUser(userId: string) {
    await this.writes.run(() => this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId));
  }

  async upsertDivisions(divisions: DivisionRecord[]) { await this.writes.run(() => catalog.upsertDivisions(this.db, divisions)); }
  async listDivisions(prefixes: string[]) { return catalog.selectDivisions(this.db, prefixes); }
  async getDivision(code: string) { return catalog.selectDivision(this.db, code); }
  async createCampaign(campaign: CampaignRecord) { await this.writes.run(() => catalog.writeCampaign(this.db, campaign, true)); }
  async updateCampaign(campaign: CampaignRecord) { await this.writes.run(() => catalog.writeCampaign(this.db, campaign, false)); }
  async getCampaign(id: string) { return catalog.selectCampaign(this.db, id); }
  async listCampaigns() { return catalog.selectCampaigns(this.db); }

  async createForm(form: { id: string; title: string; createdAt: string }) { await this.writes.run(() => catalog.insertForm(this.db, form)); }
  async getForm(id: string) { return catalog.selectForm(this.db, id); }
  async listForms() { return catalog.selectForms(this.db); }
  async saveDraft(formId: string, draft: FormDefinition, at: string) { await this.writes.run(() => catalog.writeDraft(this.db, formId, draft, at)); }
  async publishVersion(formId: string, definition: FormDefinition, by: string, at: string, changes: string[], cases?: FormCase[]) {
    return this.writes.run(() => catalog.insertVersion(this.db, formId, definition, by, at, changes, cases));
  }
  async getFormVersion(formId: string, version: number) { return catalog.selectVersion(this.db, formId, version); }
  async listFormVersions(formId: string) { return catalog.selectVersions(this.db, formId); }
  async getFormCases(formId: string) { return catalog.selectCases(this.db, formId); }
  async saveFormCases(formId: string, cases: FormCase[]) { await this.writes.run(() => catalog.writeCases(this.db, formId, cases)); }
  async getVersionCases(formId: string, version: number) { return catalog.selectVersionCases(this.db, formId, version); }

  async upsertHouseholds(households: HouseholdInput[], at: string) {
    return this.writes.run(() => households.map((h) => registry.writeHousehold(this.db, h, at, randomUUID)));
  }
  async getHousehold(id: string) { return registry.selectHousehold(this.db, id); }
  async findHouseholdByHeadId(headIdNumber: string) { return registry.selectHouseholdByHeadId(this.db, headIdNumber); }
  async listHouseholds(filter: HouseholdFilter, page: Page) { return registry.selectHouseholds(this.db, filter, page); }
  async listHouseholdEvents(householdId: string) { return registry.selectHouseholdEvents(this.db, householdId); }

  async createSubmission(write: SubmissionWrite) {
    const r = write.record;
    const key = write.onePerHousehold && r.householdId ? householdKey(r.formId, r.campaignId, r.householdId) : null;
    await this.writes.run(() => submissions.insertSubmission(this.db, write, key));
  }
  async getSubmission(id: string) { return submissions.selectSubmission(this.db, id); }
  async findSubmissionFor(formId: string, campaignId: string, householdId: string) {
    return submissions.selectSubmissionByKey(this.db, householdKey(formId, campaignId, householdId));
  }
  async updateSubmission(update: SubmissionUpdate) {
    return this.writes.run(() => submissions.patchSubmission(this.db, update));
  }
  async approveWithEffects(update: SubmissionUpdate, change: HouseholdChange | null) {
    return this.writes.run(() => {
      if (change) registry.applyHouseholdChange(this.db, change, update.event.at);
      const patch = change && update.patch.householdId === undefined ? { ...update.patch, householdId: change.household.id } : update.patch;
      return submissions.patchSubmission(this.db, { ...update, patch });
    });
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
}
