// A campaign adopts a published version of one of its forms (POST /api/campaigns/:id/adopt): from
// then on its new submissions are filled with that version, while those already made keep theirs.
// The version must declare no parameter the campaign lacks and pass its test cases under the
// campaign's parameters; the adoption is a compare-and-set on the campaign's revision and is
// recorded (who, when, from which version to which). Moving the campaign's open drafts and
// returned submissions along is the caller's choice (moveOpen).
import { checkCampaign } from '@engine';
import type { AdoptRequest } from '@engine/contract';
import type { Deps } from '../deps';
import { runFormCases } from '../forms/checkPublication';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import type { CampaignRecord, UserRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { moveOpenSubmissions, type MoveOutcome } from './moveOpenSubmissions';

export async function adoptVersion(deps: Deps, user: UserRecord, campaignId: string, request: AdoptRequest): Promise<CampaignRecord & { moved?: MoveOutcome }> {
  const { store } = deps;
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw notFound('活动');
  if (campaign.revision !== request.revision) throw staleRevision('该活动', campaign.revision);
  if (!campaign.forms.includes(request.formId)) throw new Problem('bad_request', `请求字段 formId 不正确：活动“${campaign.title}”不使用表单 ${request.formId}`);
  if (campaign.status !== 'open') throw new Problem('conflict', `活动“${campaign.title}”已关闭，其表单版本保持不变`);
  const loaded = await deps.forms.get(request.formId, request.version);
  if (!loaded) throw new Problem('bad_request', `请求字段 version 不正确：表单 ${request.formId} 没有第 ${request.version} 版`);
  if (campaign.formVersions[request.formId] === request.version) {
    throw new Problem('bad_request', `请求字段 version 不正确：活动“${campaign.title}”已在使用第 ${request.version} 版`);
  }
  const definition = loaded.record.definition;
  const problems = checkCampaign({ ...campaign, forms: [request.formId] }, new Map([[request.formId, definition]]));
  if (problems.length > 0) {
    throw new Problem('invalid_definition', `未采用：活动“${campaign.title}”：${problems[0]!.message}（请先在活动中设置参数）`, { problems });
  }
  const failed = runFormCases(definition, (await store.getVersionCases(request.formId, request.version)) ?? [], [campaign]).filter((o) => !o.passed);
  if (failed.length > 0) {
    throw new Problem('invalid_definition', `未采用：第 ${request.version} 版的测试用例“${failed[0]!.name}”在活动“${campaign.title}”的参数下未通过：${failed[0]!.failures[0] ?? ''}`, { cases: failed });
  }
  const adoption = { campaignId, at: deps.clock.now().toISOString(), userId: user.id, username: user.username, moveOpen: request.moveOpen === true };
  try {
    const saved = await store.adoptVersion(request.formId, request.version, adoption, request.revision);
    if (!saved) throw notFound('活动');
    if (!adoption.moveOpen) return saved;
    return { ...saved, moved: await moveOpenSubmissions(deps, user, campaignId, request.formId, request.version) };
  } catch (e) {
    if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
    throw staleRevision('该活动', (await store.getCampaign(campaignId))?.revision ?? request.revision + 1);
  }
}
