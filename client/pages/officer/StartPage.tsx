// Starting a form for a household (or, for identification, for a village): picks the campaign
// (asks when several are open, unless 我的待办 named it) and fills the version of the form it serves, opens the household's existing
// submission when the form allows one per household, otherwise starts a new draft on the phone
// (the filler's fields filled from the signed-in user and today's date) and opens it. Opened for a
// household to verify (重点核查户, ?item=), the draft starts from its person and reason and the item
// is linked to it, so its approval includes the item.
import { useEffect, useState } from 'react';
import { chinaDate } from '@engine';
import { navigate, useLocation } from '../../app/router';
import { useSession } from '../../app/SessionContext';
import type { FormCampaign, FormVersion, HouseholdDetail, LatestForm } from '../../api/types';
import { ErrorMessage, Layout, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/t';
import { cachedGet } from '../../offline/cachedGet';
import { draftsOfHousehold } from '../../offline/drafts';
import { householdKeyOf } from '../../offline/LocalDraft';
import { startDraft } from '../../offline/startDraft';
import { verificationApi } from '../../verification/verificationApi';
import { verificationSeed } from '../../verification/verificationSeed';

export function StartPage({ formId }: { formId: string }) {
  const { query } = useLocation();
  const { user } = useSession();
  const householdId = query.get('household');
  const division = query.get('division') ?? '';
  const itemId = query.get('item');
  // 我的待办 names the campaign a household has not started the form in.
  const named = query.get('campaign');
  const [campaign, setCampaign] = useState<FormCampaign | null>(null);
  const loaded = useLoad(async () => {
    const form = (await cachedGet<LatestForm>(`/api/forms/${formId}`)).data;
    const household = householdId ? (await cachedGet<HouseholdDetail>(`/api/households/${householdId}`)).data : null;
    const item = itemId ? await verificationApi.get(itemId) : null;
    return { form, household, item };
  }, [formId, householdId, itemId]);
  const campaigns = [...(loaded.value?.form.campaigns ?? [])].sort((a, b) => b.year - a.year);
  const chosen = campaign ?? campaigns.find((c) => c.id === named) ?? (campaigns.length === 1 ? campaigns[0]! : null);

  // Runs once the form and the campaign are known (chosen?.id): the other values it reads come with them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: starting a draft twice would make two; it runs per loaded form and chosen campaign only.
  useEffect(() => {
    if (!loaded.value || (!chosen && campaigns.length > 1)) return;
    const { form, household, item } = loaded.value;
    void (async () => {
      if (household && form.definition.review?.onePerHousehold) {
        const existing = household.submissions.find((s) => s.formId === formId && (!chosen || s.campaignId === chosen.id));
        if (existing) return navigate(`/fill/${existing.id}`, { replace: true });
        const local = (await draftsOfHousehold(householdKeyOf(household.id, household.divisionCode)))
          .find((d) => d.formId === formId && (!chosen || d.campaignId === chosen.id) && d.serverStatus !== 'approved');
        if (local) return navigate(`/fill/${local.id}`, { replace: true });
      }
      const filler = { name: user?.displayName, phone: user?.phone, date: chinaDate(new Date()) };
      // The version the chosen campaign serves, which may be older than the latest (one not adopting it).
      const served = chosen?.formVersion ?? form.version;
      const version = served === form.version ? form : (await cachedGet<FormVersion>(`/api/forms/${encodeURIComponent(formId)}/versions/${served}`)).data;
      const seed = item ? verificationSeed(version.definition, item) : {};
      const draft = await startDraft(version, chosen, household, household?.divisionCode ?? division, filler, seed);
      // Linked now, while the page has signal; without it the item stays open to be opened again.
      if (item) await verificationApi.link(item.id, draft.id).catch(() => undefined);
      navigate(`/fill/${draft.id}`, { replace: true });
    })();
  }, [loaded.value, chosen?.id]);

  return (
    <Layout title={loaded.value?.form.title ?? t('fillForm')} back={householdId ? `/households/${householdId}` : `/villages/${division}`}>
      {loaded.error ? <ErrorMessage message={loaded.error} retry={loaded.reload} /> : null}
      {loaded.value && campaigns.length === 0 ? <ErrorMessage message="此表当前没有开放的填报活动" /> : null}
      {loaded.value && !chosen && campaigns.length > 1 ? (
        <section className="panel">
          <h2>选择填报活动</h2>
          <ul className="card-list">
            {campaigns.map((c) => (
              <li key={c.id}>
                <button type="button" className="card-link" onClick={() => setCampaign(c)}>
                  <strong>{c.title}</strong>
                  <span className="muted">收入线 {String(c.parameters.incomeLine ?? '—')} 元 · 收入计算周期 {String(c.parameters.incomePeriodStart ?? '')} 至 {String(c.parameters.incomePeriodEnd ?? '')}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : <Loading />}
    </Layout>
  );
}
