// 离线下载本村数据: keeps on the phone everything the village needs to be filled all day with no
// signal — every household (the list, and each one's details as the household page reads them),
// the campaigns with their parameters, every form version its households may need (the latest
// published version of each form, the version each open campaign serves, and the version of each
// submission already made) with its
// precompiled validators (imported here, so the service worker keeps them and what they load),
// each household's state in the open campaigns (the list's states and 我的待办), and the
// household's submissions, so a returned one can be corrected offline too. Needs the network
// throughout: an old copy is never passed off as downloaded. Reports progress as it goes.
import type { FormSummary, HouseholdDetail, HouseholdSummary, Paged } from '../api/types';
import { api } from '../api/http';
import { importValidators, versionValidatorsUrl } from '../form/validatorModules';
import { statesPath } from '../glance/householdStates';
import { fetchAndKeep, keepAs } from './cachedGet';
import { allDrafts } from './drafts';
import { villageKey } from './keptVillage';

const AT_ONCE = 4;

/** Runs `work` over the items, a few at a time (a phone on a weak signal, a shared server). */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>, done?: () => void): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
      done?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker));
  return results;
}

export async function downloadVillage(code: string, progress: (done: number, total: number) => void): Promise<number> {
  const [forms] = await Promise.all([
    fetchAndKeep<{ items: FormSummary[] }>('/api/forms'),
    fetchAndKeep('/api/campaigns'),
    fetchAndKeep('/api/divisions'),
    // Each household's state for the village's list and 我的待办, with no signal too.
    fetchAndKeep(statesPath(code)),
  ]);
  const households: HouseholdSummary[] = [];
  for (let page = 1; ; page++) {
    const list = await api<Paged<HouseholdSummary>>('GET', `/api/households?division=${code}&pageSize=200&page=${page}`);
    households.push(...list.items);
    if (households.length >= list.total || list.items.length === 0) break;
  }
  await keepAs(villageKey(code), households);

  let done = 0;
  let total = households.length;
  const tick = () => progress(++done, total);
  const details = await inBatches(households, (h) => fetchAndKeep<HouseholdDetail>(`/api/households/${h.id}`), tick);

  // The forms as the start page reads them, and every version a household may be filled or corrected on.
  const versions = new Map<string, { formId: string; version: number }>();
  const need = (formId: string, version: number) => versions.set(`${formId}/${version}`, { formId, version });
  for (const form of forms.items) if (form.version !== null) need(form.id, form.version);
  // Each open campaign's own version of the form (one that has not adopted the latest).
  for (const form of forms.items) for (const c of form.campaigns ?? []) if (typeof c.formVersion === 'number') need(form.id, c.formVersion);
  for (const detail of details) for (const s of detail.submissions) need(s.formId, s.formVersion);
  const local = new Set((await allDrafts()).map((d) => d.id));
  const submissions = details.flatMap((d) => d.submissions).filter((s) => !local.has(s.id));
  total += forms.items.length + versions.size + submissions.length;
  progress(done, total);
  await inBatches(forms.items, (f) => fetchAndKeep(`/api/forms/${encodeURIComponent(f.id)}`), tick);
  await inBatches([...versions.values()], async ({ formId, version }) => {
    await fetchAndKeep(`/api/forms/${encodeURIComponent(formId)}/versions/${version}`);
    // Imported, not only fetched, so that what it loads (re2js for a pattern) is kept too.
    await importValidators(versionValidatorsUrl(formId, version));
  }, tick);
  await inBatches(submissions, (s) => fetchAndKeep(`/api/submissions/${s.id}`), tick);
  return households.length;
}
