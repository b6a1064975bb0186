// Which campaign a progress report counts and where: the campaign the reviewer names (or the
// latest one using the form), and the reviewer's scope narrowed to the divisions the campaign
// covers (households outside it are not expected to fill its forms).
import { Problem } from '../problem';
import type { CampaignRecord } from '../store/records';
import type { Store } from '../store/Store';

export async function progressCampaign(store: Store, formId: string, campaignId: string | undefined): Promise<CampaignRecord> {
  if (campaignId !== undefined) {
    const campaign = await store.getCampaign(campaignId);
    if (!campaign) throw new Problem('bad_request', `请求字段 campaign 不正确：活动 ${campaignId} 不存在`);
    if (!campaign.forms.includes(formId)) throw new Problem('bad_request', `请求字段 campaign 不正确：活动“${campaign.title}”不使用此表`);
    return campaign;
  }
  const using = (await store.listCampaigns()).filter((c) => c.forms.includes(formId));
  const latest = using.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.year - a.year)[0];
  if (!latest) throw new Problem('bad_request', '请求字段 campaign 不正确：没有使用此表的活动');
  return latest;
}

/** The user's scope within the campaign's divisions (none: everywhere the user sees). */
export function campaignScope(scope: string[], campaign: CampaignRecord): string[] {
  if (campaign.divisions.length === 0) return scope;
  const out = new Set<string>();
  for (const s of scope) {
    for (const d of campaign.divisions) {
      if (d.startsWith(s)) out.add(d);
      else if (s.startsWith(d)) out.add(s);
    }
  }
  return [...out];
}

