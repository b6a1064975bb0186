// The households a 公示 lists, as the notice shows them: 户主姓名, 家庭人口数 and 监测对象类别 / 主要风险
// as the household will be once the form is approved (its registry effects applied to the
// registered household, or to none for a new one). Never an ID number: the notice is public.
import { applyEffects, chinaMonth, type NoticeHousehold } from '@engine';
import type { Deps } from '../deps';
import type { CampaignRecord } from '../store/records';
import type { Target } from './stepTargets';

export async function noticeHouseholds(deps: Deps, campaign: CampaignRecord, targets: Target[], now: Date): Promise<NoticeHousehold[]> {
  const out: NoticeHousehold[] = [];
  for (const { record, definition } of targets) {
    const registered = record.householdId ? await deps.store.getHousehold(record.householdId) : null;
    let household = registered;
    try {
      household = applyEffects(definition, record.data, registered, { month: chinaMonth(now) }, campaign.parameters).household as typeof registered;
    } catch {
      // Effects that cannot run yet (the final approval would say why): the household as registered.
    }
    const members = household?.members ?? (Array.isArray(record.data.members) ? record.data.members : null);
    out.push({
      submissionId: record.id,
      headName: household?.headName || record.headName,
      size: members ? members.length : null,
      category: [household?.kind, household?.mainRisk].filter((v): v is string => typeof v === 'string' && v !== '').join(' / '),
    });
  }
  return out;
}
