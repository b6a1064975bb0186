// An open draft or returned submission moved to the version of its form its campaign now serves
// (the engine's migrateAnswers): answers carried by field code, then evaluated with the new
// version under the submission's own campaign and household. The move is one event in the
// submission's history ('move'), which keeps what the officer must see and nothing is lost: the
// version change, each removed field's answer with its value, each conversion, each answer that
// did not fit (to answer again) and each new required field (to fill). The officer's notice in the
// form is read from that event (moveNotice). Compare-and-set on the submission's revision.
import { evaluateCompiled, migrateAnswers, type AnswerMove, type FormData } from '@engine';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { SubmissionEvent, SubmissionRecord, UserRecord } from '../store/records';

type Change = SubmissionEvent['changes'][number];

/** The move as history lines (the first names the versions). */
export function moveChanges(from: number, to: number, move: AnswerMove): Change[] {
  return [
    { field: 'formVersion', from, to, note: `表单由第 ${from} 版迁移到第 ${to} 版` },
    ...move.removed.map((r) => ({ field: r.path, from: r.value, note: `新版本删除了“${r.title}”，原答案保存在此` })),
    ...move.converted.map((c) => ({ field: c.path, from: c.from, to: c.to, note: `“${c.title}”的类型或选项已改变，答案已转换` })),
    ...move.flagged.map((f) => ({ field: f.path, from: f.value, note: `“${f.title}”：${f.reason}，请重新填写` })),
    ...move.toFill.map((n) => ({ field: n.path, note: `新增必填项“${n.title}”，请填写` })),
  ];
}

/** The record's data moved to `toVersion` and evaluated there, with the history lines; nothing is written. */
export async function movedData(deps: Deps, record: Pick<SubmissionRecord, 'formId' | 'formVersion' | 'campaignId' | 'householdId'>, data: FormData, toVersion: number) {
  const from = (await deps.forms.get(record.formId, record.formVersion))!;
  const to = await deps.forms.get(record.formId, toVersion);
  if (!to) throw new Problem('bad_request', `表单 ${record.formId} 没有第 ${toVersion} 版`);
  const move = migrateAnswers(from.record.definition, to.record.definition, data);
  const campaign = await deps.store.getCampaign(record.campaignId);
  const household = record.householdId ? await deps.store.getHousehold(record.householdId) : null;
  const result = evaluateCompiled(to.compiled, move.data, { params: campaign?.parameters ?? {}, household });
  return { result, changes: moveChanges(record.formVersion, toVersion, move), definition: to.record.definition };
}

export async function moveSubmission(deps: Deps, user: UserRecord, record: SubmissionRecord, toVersion: number): Promise<SubmissionRecord> {
  if (record.status !== 'draft' && record.status !== 'returned') throw new Problem('conflict', '只有草稿和被退回的表可以迁移到新版本');
  const { result, changes, definition } = await movedData(deps, record, record.data, toVersion);
  const rules = new Set((definition.rules?.validations ?? []).map((v) => v.id));
  const now = deps.clock.now().toISOString();
  return deps.store.updateSubmission({
    id: record.id,
    expectedRevision: record.revision,
    patch: {
      formVersion: toVersion, data: result.data, errors: result.errors, warnings: result.warnings,
      // Explanations of warnings the new version no longer has are dropped; the others stand.
      explanations: Object.fromEntries(Object.entries(record.explanations).filter(([id]) => rules.has(id))),
      updatedBy: user.id, updatedAt: now,
    },
    event: {
      submissionId: record.id, at: now, userId: user.id, username: user.username, action: 'move', status: record.status, level: null,
      comment: `由第 ${record.formVersion} 版迁移到第 ${toVersion} 版`, changes,
    },
  });
}
