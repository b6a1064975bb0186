// The campaign a new submission belongs to: the one the client names, or else the most recent
// open campaign that uses the form and covers the household's division.
import { covers } from '../auth/scope';
import { Problem } from '../problem';
import type { CampaignRecord } from '../store/records';
import type { Store } from '../store/Store';

export function campaignCovers(campaign: CampaignRecord, divisionCode: string | null): boolean {
  return campaign.divisions.length === 0 || divisionCode === null || covers(campaign.divisions, divisionCode);
}

export async function resolveCampaign(store: Store, formId: string, campaignId: string | undefined, divisionCode: string | null): Promise<CampaignRecord> {
  if (campaignId !== undefined) {
    const campaign = await store.getCampaign(campaignId);
    if (!campaign) throw new Problem('bad_request', `请求字段 campaignId 不正确：活动 ${campaignId} 不存在`);
    if (!campaign.forms.includes(formId)) throw new Problem('bad_request', `请求字段 campaignId 不正确：活动“${campaign.title}”不使用此表`);
    if (campaign.status !== 'open') throw new Problem('conflict', `活动“${campaign.title}”已关闭，不能再填报`);
    if (!campaignCovers(campaign, divisionCode)) throw new Problem('forbidden', `活动“${campaign.title}”不覆盖该农户所在地区`);
    return campaign;
  }
  const open = (await store.listCampaigns()).filter((c) => c.status === 'open' && c.forms.includes(formId) && campaignCovers(c, divisionCode));
  const latest = open.sort((a, b) => b.year - a.year)[0];
  if (!latest) throw new Problem('conflict', '此表当前没有开放的填报活动');
  return latest;
}
