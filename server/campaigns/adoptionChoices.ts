// Which open campaigns a new version of a form may reach, and which adopt it unless told
// otherwise: a campaign with no submission of the form yet adopts it by default; one that already
// has submissions keeps its version unless the administrator names it (its households would
// otherwise fill one campaign with two versions). The publish dialog lists these choices.
import type { AdoptionChoice } from '@engine/contract';
import { Problem } from '../problem';
import type { CampaignRecord } from '../store/records';
import type { Store } from '../store/Store';

export async function countSubmissions(store: Store, formId: string, campaignId: string, status?: 'draft' | 'returned'): Promise<number> {
  return (await store.listSubmissions({ scope: [''], formId, campaignId, ...(status ? { status } : {}) }, { page: 1, pageSize: 1 })).total;
}

export async function adoptionChoices(store: Store, formId: string): Promise<AdoptionChoice[]> {
  const campaigns = (await store.listCampaigns()).filter((c) => c.status === 'open' && c.forms.includes(formId));
  const out: AdoptionChoice[] = [];
  for (const c of campaigns) {
    const submissions = await countSubmissions(store, formId, c.id);
    const open = (await countSubmissions(store, formId, c.id, 'draft')) + (await countSubmissions(store, formId, c.id, 'returned'));
    out.push({ id: c.id, title: c.title, year: c.year, servedVersion: c.formVersions[formId] ?? null, submissions, open, adoptByDefault: submissions === 0 });
  }
  return out;
}

/** The campaigns that adopt: those named (each must be an open campaign listing the form), else the defaults. */
export function adoptingCampaigns(choices: AdoptionChoice[], campaigns: CampaignRecord[], named: string[] | undefined): CampaignRecord[] {
  const ids = named ?? choices.filter((c) => c.adoptByDefault).map((c) => c.id);
  for (const [i, id] of (named ?? []).entries()) {
    if (!choices.some((c) => c.id === id)) throw new Problem('bad_request', `请求字段 adopt.${i} 不正确：${id} 不是使用此表的开放活动`);
  }
  return campaigns.filter((c) => ids.includes(c.id));
}
