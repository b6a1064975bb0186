// 离线下载: keeps on the phone every household of a village (their details, as the household page
// reads them) and every published form's definition, so the officer can fill forms all day
// with no signal, with its precompiled validators (fetched here, kept by the service worker).
// Reports progress as it goes.
import type { FormSummary, HouseholdSummary, Paged } from '../api/types';
import { importValidators, versionValidatorsUrl } from '../form/loadValidators';
import { cachedGet } from './cachedGet';

export async function downloadVillage(code: string, progress: (done: number, total: number) => void): Promise<number> {
  const forms = await cachedGet<{ items: FormSummary[] }>('/api/forms');
  await Promise.all(forms.data.items.map((f) => cachedGet(`/api/forms/${f.id}`)));
  // The fill page reads the version itself, and imports its validators.
  await Promise.all(forms.data.items.filter((f) => f.version !== null).map(async (f) => {
    await cachedGet(`/api/forms/${f.id}/versions/${f.version}`);
    // Imported, not only fetched, so that what it loads (re2js for a pattern) is kept too.
    await importValidators(versionValidatorsUrl(f.id, f.version!));
  }));
  await cachedGet('/api/campaigns');
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const list = await cachedGet<Paged<HouseholdSummary>>(`/api/households?division=${code}&pageSize=200&page=${page}`);
    ids.push(...list.data.items.map((h) => h.id));
    if (ids.length >= list.data.total || list.data.items.length === 0) break;
  }
  let done = 0;
  for (const id of ids) {
    await cachedGet(`/api/households/${id}`);
    progress(++done, ids.length);
  }
  return ids.length;
}
