// POST /api/forms/:formId/submissions: a client-made UUID, the household, the data, save or submit.
// The server evaluates the data itself (computed values recomputed, hidden values dropped) against
// the version of the form the campaign serves, within the campaign's parameters and the
// household's registry data. A retry of the same request is answered as the first time; the same id with another body
// is a conflict; a second submission for a household that allows one is refused with a link.
//
// A phone sends the version its draft was filled on (`formVersion`). When the campaign has since
// adopted another, the draft follows the campaign's choice: moved to the new version (its
// adoption moved open drafts: the answers migrated, the move recorded, and kept as a draft, a
// submit included, so the officer sees what changed first) or kept on its own version.
import { applyEffects, chinaMonth, evaluateCompiled, type FormData, type FormDefinition, prefillData } from '@engine';
import { storedAttachments } from '../attachments/storedAttachments';
import type { Deps } from '../deps';
import { notFound, Problem } from '../problem';
import type { SubmissionRecord, UserRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { canSee, requireFiller, visibleHousehold } from './access';
import { diffData } from './diffData';
import { judgeSubmission } from './judgeSubmission';
import { movedData } from './moveSubmission';
import { requestHash } from './requestHash';
import { resolveCampaign } from './resolveCampaign';

export interface CreateRequest {
  id: string;
  householdId?: string | null;
  campaignId?: string;
  data: FormData;
  submit: boolean;
  /** The officer's explanations of the warnings (核实说明), by rule id. */
  explanations?: Record<string, string>;
  /** The version the draft was filled on (a phone's); absent: the one the campaign serves. */
  formVersion?: number;
}

export interface CreateOutcome {
  record: SubmissionRecord;
  replayed: boolean;
}

function duplicate(existing: SubmissionRecord): Problem {
  return new Problem('duplicate_submission', `该户在本活动中已有此表（${existing.headName}，状态：${existing.status}），请打开原表继续填写`, {
    existingId: existing.id,
    link: `/api/submissions/${existing.id}`,
  });
}

async function replay(deps: Deps, user: UserRecord, id: string, hash: string): Promise<CreateOutcome | null> {
  const existing = await deps.store.getSubmission(id);
  if (!existing) return null;
  if (existing.requestHash === hash && existing.createdBy === user.id) return { record: existing, replayed: true };
  throw new Problem('conflict', `提交编号 ${id} 已被另一份内容使用`);
}

/** `language`: what the client asked its problems in (requestLanguage); the stored data is the same. */
export async function createSubmission(deps: Deps, user: UserRecord, formId: string, request: CreateRequest, language = 'zh'): Promise<CreateOutcome> {
  requireFiller(user);
  const hash = requestHash({ formId, ...request, householdId: request.householdId ?? null });
  const earlier = await replay(deps, user, request.id, hash);
  if (earlier) return earlier;

  const form = await deps.store.getForm(formId);
  if (!form || form.latestVersion === null) throw notFound('表单');
  const latest = (await deps.forms.get(formId, form.latestVersion))!.record.definition;
  const household = request.householdId ? await visibleHousehold(deps, user, request.householdId) : null;
  if (!household && !latest.createsHousehold) throw new Problem('bad_request', `请求字段 householdId 不正确：“${latest.title}”须选择一户填写`);
  const campaign = await resolveCampaign(deps.store, formId, request.campaignId, household?.divisionCode ?? null);
  const { number, moveFrom } = await versionFor(deps, campaign.id, formId, campaign.formVersions[formId] ?? form.latestVersion, request.formVersion);
  const version = (await deps.forms.get(formId, number))!;
  const definition = version.record.definition;

  const onePerHousehold = definition.review?.onePerHousehold === true;
  if (household && onePerHousehold) {
    const existing = await deps.store.findSubmissionFor(formId, campaign.id, household.id);
    // The household's submission may be this very request, stored by a retry racing this one.
    if (existing?.id === request.id) return (await replay(deps, user, request.id, hash))!;
    if (existing) throw duplicate(existing);
  }

  const moved = moveFrom === null ? null : await movedData(deps, { formId, formVersion: moveFrom, campaignId: campaign.id, householdId: household?.id ?? null }, request.data, number);
  const context = { params: campaign.parameters, household };
  const result = moved?.result ?? evaluateCompiled(version.compiled, request.data, context);
  const submit = request.submit && !moved;
  const explanations = judgeSubmission(definition, result, request.explanations ?? {}, submit,
    moved ? undefined : { language, evaluate: () => evaluateCompiled(deps.forms.compiledIn(version, language), request.data, context) });
  const divisionCode = household?.divisionCode ?? String(result.data.divisionCode ?? '');
  if (!/^\d{12}$/.test(divisionCode)) throw new Problem('bad_request', '请求字段 data.divisionCode 不正确：新识别的农户须填写 12 位村级行政区划代码');
  if (!canSee(user, divisionCode)) throw new Problem('forbidden', `行政区划 ${divisionCode} 不在您的工作范围内`);
  const attachments = await storedAttachments(deps.store, version.compiled.index, result.data);

  const now = deps.clock.now().toISOString();
  const head = household ?? headOf(definition, result.data, chinaMonth(deps.clock.now()));
  const record: SubmissionRecord = {
    id: request.id, formId, formVersion: version.record.version, campaignId: campaign.id, householdId: household?.id ?? null,
    divisionCode, headName: head.headName, headIdNumber: head.headIdNumber,
    status: submit ? 'submitted' : 'draft', reviewLevel: 0, data: result.data, errors: result.errors, warnings: result.warnings,
    prefill: household ? prefillData(definition, household) : null, requestHash: hash, revision: 1, returnComment: null,
    explanations, fieldNotes: [], createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now, submittedAt: submit ? now : null, approvedAt: null,
  };
  try {
    await deps.store.createSubmission({
      record, onePerHousehold, attachments,
      event: {
        submissionId: record.id, at: now, userId: user.id, username: user.username, action: moved ? 'move' : submit ? 'submit' : 'create',
        status: record.status, level: null, comment: moved ? `由第 ${moveFrom} 版迁移到第 ${number} 版` : null,
        changes: moved?.changes ?? diffData(null, result.data, version.compiled.index),
        ...(submit ? { explanations } : {}),
      },
    });
  } catch (e) {
    if (e instanceof StoreConflict && e.kind === 'exists') {
      const raced = await replay(deps, user, request.id, hash);
      if (raced) return raced;
    }
    if (e instanceof StoreConflict && e.kind === 'unique' && household) {
      const existing = await deps.store.findSubmissionFor(formId, campaign.id, household.id);
      if (existing?.id === request.id) return (await replay(deps, user, request.id, hash))!;
      if (existing) throw duplicate(existing);
    }
    throw e;
  }
  return { record, replayed: false };
}

/**
 * The version a new submission is filled with: the campaign's, unless the phone's draft was filled
 * on one the campaign served before (an adoption's from-version) — then that one if the adoption
 * kept open drafts where they were, or the campaign's with the answers to move from it.
 */
async function versionFor(deps: Deps, campaignId: string, formId: string, served: number, sent: number | undefined): Promise<{ number: number; moveFrom: number | null }> {
  if (sent === undefined || sent === served) return { number: served, moveFrom: null };
  const adoptions = (await deps.store.listAdoptions(campaignId)).filter((a) => a.formId === formId);
  if (!adoptions.some((a) => a.fromVersion === sent)) return { number: served, moveFrom: null };
  return adoptions.at(-1)!.moveOpen ? { number: served, moveFrom: sent } : { number: sent, moveFrom: null };
}

/** Head name and ID of an identification, as the form's own effects would record them (its setFields only). */
export function headOf(definition: FormDefinition, data: FormData, month: string): { headName: string; headIdNumber: string } {
  const effects = (definition.registry?.effects ?? []).filter((e) => e.type === 'setFields');
  const created = applyEffects({ ...definition, registry: { ...definition.registry, effects } }, data, null, { month }).household;
  return { headName: created?.headName ?? '', headIdNumber: created?.headIdNumber ?? '' };
}
