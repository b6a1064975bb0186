// POST /api/submissions/:id/review: a reviewer of the level the submission waits on (or an
// administrator, at any level) approves or returns it. Levels act in turn, as the seeds' process
// runs (village collects, township checks, county confirms); only the last approval applies the
// form's registry effects, in the same transaction as the approval.
//
// A review is made at the revision the reviewer saw (`revision`): if the submission changed since
// (another reviewer acted, the officer corrected it after a return), or changes while this review
// is written (the store's compare-and-set), nothing is recorded and the reviewer is told with a
// 409 what happened; likewise when another approval created the household first.
import { randomUUID } from 'node:crypto';
import { applyEffects, chinaMonth, explainDivisionCode, explainIdOrDisabilityCertificate, reviewChain, type ReviewLevel } from '@engine';
import type { Deps } from '../deps';
import type { LoadedVersion } from '../forms/FormVersions';
import { Problem } from '../problem';
import { checkFieldNotes } from '../review/checkFieldNotes';
import type { CampaignRecord, FieldNote, SubmissionRecord, UserRecord } from '../store/records';
import { householdTaken, staleReview } from '../review/whatHappened';
import { StoreConflict, type HouseholdChange } from '../store/Store';
import { visibleSubmission } from './access';
import { checkGate, stepsIn } from '../deliberation/gateFor';

export interface ReviewRequest {
  decision: 'approve' | 'return';
  comment?: string;
  /** The revision the reviewer saw. */
  revision: number;
  /** With a return: the fields the officer is to look at, a note each. */
  fieldNotes?: FieldNote[];
}

const ANY_LEVEL: ReviewLevel = { id: 'review', title: '审核', divisionDigits: 12 };

function checkLevel(user: UserRecord, record: SubmissionRecord, level: ReviewLevel, hasLevels: boolean): void {
  if (user.role === 'admin') return;
  if (user.role !== 'reviewer') throw new Problem('forbidden', '只有审核员或管理员可以审核');
  if (!hasLevels) return;
  const fits = user.scope.some((code) => record.divisionCode.startsWith(code) && code.length === level.divisionDigits);
  if (!fits) throw new Problem('forbidden', `此表正等待“${level.title}”，您的审核级别不符`);
}

function createdHouseholdProblem(household: { divisionCode: string; headName: string; headIdNumber: string }): string | null {
  if (!/^\d{12}$/.test(household.divisionCode)) return `行政区划代码 ${household.divisionCode || '（空）'} 应为 12 位村级代码`;
  const division = explainDivisionCode(household.divisionCode);
  if (division) return `行政区划代码${division}`;
  if (!household.headName) return '缺少户主姓名';
  const id = explainIdOrDisabilityCertificate(household.headIdNumber ?? '');
  if (id) return `户主证件号码${id}`;
  return null;
}

async function registryChange(deps: Deps, user: UserRecord, record: SubmissionRecord, version: LoadedVersion, campaign: CampaignRecord | null, now: Date): Promise<HouseholdChange | null> {
  const household = record.householdId ? await deps.store.getHousehold(record.householdId) : null;
  const outcome = applyEffects(version.record.definition, record.data, household, { month: chinaMonth(now) }, campaign?.parameters);
  if (!outcome.household || (!outcome.created && outcome.changes.length === 0)) return null;
  if (outcome.created) {
    const problem = createdHouseholdProblem(outcome.household);
    if (problem) throw new Problem('invalid_submission', `无法建立农户：${problem}`);
  }
  const { revision: _r, createdAt: _c, updatedAt: _u, ...fields } = outcome.household as typeof outcome.household & { revision?: number; createdAt?: string; updatedAt?: string };
  return {
    expectedRevision: household?.revision ?? null,
    household: { ...fields, id: household?.id ?? randomUUID() },
    event: { at: now.toISOString(), userId: user.id, submissionId: record.id, changes: outcome.changes },
  };
}

export async function reviewSubmission(deps: Deps, user: UserRecord, id: string, request: ReviewRequest): Promise<SubmissionRecord> {
  const record = await visibleSubmission(deps, user, id);
  const version = (await deps.forms.get(record.formId, record.formVersion))!;
  const definition = version.record.definition;
  if (record.revision !== request.revision) throw await staleReview(deps, record, definition, request.revision);
  try {
    return await review(deps, user, record, version, request);
  } catch (e) {
    if (!(e instanceof StoreConflict)) throw e;
    // Lost a race while writing: someone changed the submission, or the household it changes.
    const now = await deps.store.getSubmission(id);
    if (now && now.revision !== record.revision) throw await staleReview(deps, now, definition, request.revision);
    throw new Problem('stale_revision', '该户的登记信息刚被另一份表的审核修改，您的审核未记录，请再审核一次', { revision: record.revision });
  }
}

async function review(deps: Deps, user: UserRecord, record: SubmissionRecord, version: LoadedVersion, request: ReviewRequest): Promise<SubmissionRecord> {
  const id = record.id;
  const definition = version.record.definition;
  if (record.status !== 'submitted') {
    throw new Problem('conflict', record.status === 'approved' ? '此表已审核通过' : '此表尚未提交，不能审核');
  }
  // The submission's own chain: an escalation (a 不纳入情形 continued with a reason) ends it at the county.
  const levels = reviewChain(definition, record.data).levels;
  const level = levels[record.reviewLevel] ?? ANY_LEVEL;
  checkLevel(user, record, level, levels.length > 0);
  const now = deps.clock.now();
  const at = now.toISOString();
  const comment = request.comment?.trim() ?? '';
  const base = { submissionId: id, at, userId: user.id, username: user.username, level: record.reviewLevel, comment: comment || null };

  if (request.decision === 'return') {
    if (!comment) throw new Problem('bad_request', '请求字段 comment 不正确：退回时须写明退回原因');
    const fieldNotes = checkFieldNotes(version.compiled.index, request.fieldNotes ?? []);
    return deps.store.updateSubmission({
      id, expectedRevision: record.revision,
      patch: { status: 'returned', returnComment: comment, fieldNotes, reviewLevel: 0, updatedBy: user.id, updatedAt: at },
      event: { ...base, action: 'return', status: 'returned', changes: [], fieldNotes },
    });
  }
  if (request.fieldNotes?.length) throw new Problem('bad_request', '请求字段 fieldNotes 不正确：只有退回时才能标注字段');
  // 民主评议 and 公示 before this level (the campaign's approvalSteps): 409 with the reason while shut.
  const campaign = await deps.store.getCampaign(record.campaignId);
  await checkGate(deps, record, levels, stepsIn(campaign, record));
  const last = record.reviewLevel >= Math.max(levels.length, 1) - 1;
  if (!last) {
    return deps.store.updateSubmission({
      id, expectedRevision: record.revision,
      patch: { reviewLevel: record.reviewLevel + 1, returnComment: null, fieldNotes: [], updatedBy: user.id, updatedAt: at },
      event: { ...base, action: 'approve', status: 'submitted', changes: [] },
    });
  }
  const change = await registryChange(deps, user, record, version, campaign, now);
  let approved: SubmissionRecord;
  try {
    approved = await deps.store.approveWithEffects({
      id, expectedRevision: record.revision,
      patch: {
        status: 'approved', approvedAt: at, returnComment: null, fieldNotes: [], updatedBy: user.id, updatedAt: at,
        ...(change && !record.householdId ? { householdId: change.household.id } : {}),
      },
      event: { ...base, action: 'approve', status: 'approved', changes: (change?.event.changes ?? []).map((note) => ({ field: 'registry', note })) },
    }, change);
  } catch (e) {
    // The household this approval was to create is there now: made by another approval, unless
    // this very submission was approved meanwhile (then the caller tells that instead).
    const creating = change !== null && change.expectedRevision === null;
    if (!(e instanceof StoreConflict && e.kind === 'unique' && creating)) throw e;
    if ((await deps.store.getSubmission(id))?.revision !== record.revision) throw e;
    throw await householdTaken(deps, change.household.headIdNumber);
  }
  return approved;
}
