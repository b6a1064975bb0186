// 评议公示 on the officer's phone (/deliberation?village=&set=): the village records its meeting
// (民主评议) and posts its notice (公示) for the forms of open campaigns whose approval chain has
// those steps. The same board as the reviewer's tab (client/deliberation/), for the officer's
// own village(s); the notice prints from /deliberation/notices/<id>/print.
import type { Division } from '../../api/types';
import { navigate, useLocation } from '../../app/router';
import { ErrorMessage, Layout, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { deliberationApi } from '../../deliberation/deliberationApi';
import { LoadedBoard } from '../../deliberation/LoadedBoard';
import { t } from '../../i18n/tDeliberation';
import { cachedGet } from '../../offline/cachedGet';
import '../../deliberation/deliberation.css';

const printPath = (id: string) => `/deliberation/notices/${encodeURIComponent(id)}/print`;

const href = (village: string | undefined, set: string | undefined) => {
  const params = new URLSearchParams();
  if (village) params.set('village', village);
  if (set) params.set('set', set);
  return `/deliberation${params.toString() ? `?${params}` : ''}`;
};

export function DeliberationPage() {
  const { query } = useLocation();
  const divisions = useLoad(() => cachedGet<{ items: Division[] }>('/api/divisions'), []);
  const sets = useLoad(() => deliberationApi.stepSets(), []);
  const villages = (divisions.value?.data.items ?? []).filter((d) => d.code.length === 12);
  const village = villages.find((v) => v.code === query.get('village')) ?? villages[0];
  const items = sets.value?.items ?? [];
  const set = items.find((s) => `${s.campaignId}|${s.formId}` === query.get('set')) ?? items[0];
  const setKey = set ? `${set.campaignId}|${set.formId}` : undefined;
  return (
    <Layout title={t('dl_tab')} back={village ? `/villages/${village.code}` : '/todo'}>
      <div className="dl-officer">
        {divisions.error ? <ErrorMessage message={divisions.error} retry={divisions.reload} /> : null}
        {sets.error ? <ErrorMessage message={sets.error} retry={sets.reload} /> : null}
        {divisions.loading || sets.loading ? <Loading /> : null}
        {sets.value && items.length === 0 ? <p className="empty">{t('dl_noSteps')}</p> : null}
        {villages.length > 1 ? (
          <label className="dl-pick">
            <span>{t('dl_officerVillage')}</span>
            <select value={village?.code} onChange={(e) => navigate(href(e.target.value, setKey), { replace: true })}>
              {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
            </select>
          </label>
        ) : null}
        {items.length > 1 ? (
          <label className="dl-pick">
            <span>{t('dl_stepSet')}</span>
            <select value={setKey} onChange={(e) => navigate(href(village?.code, e.target.value), { replace: true })}>
              {items.map((s) => <option key={`${s.campaignId}|${s.formId}`} value={`${s.campaignId}|${s.formId}`}>{s.campaignTitle} · {s.formTitle}</option>)}
            </select>
          </label>
        ) : null}
        {set && village ? <LoadedBoard campaignId={set.campaignId} formId={set.formId} division={village.code} printPath={printPath} /> : null}
      </div>
    </Layout>
  );
}
