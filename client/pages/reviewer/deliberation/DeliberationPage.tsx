// 评议公示 (/review/deliberation): pick a form of an open campaign that has 民主评议 or 公示 steps
// and a village (or township) in the area, then its board. ?set=<campaign>|<form>&division=<code>.
import { useLoad } from '../../../components/useLoad';
import { ErrorMessage } from '../../../components/Layout';
import { navigate, useLocation } from '../../../app/router';
import { t } from '../../../i18n/tDeliberation';
import { DivisionTree } from '../DivisionTree';
import { useCatalog } from '../ReviewerCatalog';
import { ReviewerFrame } from '../ReviewerFrame';
import { deliberationApi } from '../../../deliberation/deliberationApi';
import { LoadedBoard } from '../../../deliberation/LoadedBoard';
import '../../../deliberation/deliberation.css';

const href = (set: string | undefined, division: string | undefined) => {
  const params = new URLSearchParams();
  if (set) params.set('set', set);
  if (division) params.set('division', division);
  return `/review/deliberation${params.toString() ? `?${params}` : ''}`;
};

export function DeliberationPage() {
  const catalog = useCatalog();
  const { query } = useLocation();
  const sets = useLoad(() => deliberationApi.stepSets(), []);
  const division = /^(\d{9}|\d{12})$/.test(query.get('division') ?? '') ? query.get('division')! : undefined;
  const items = sets.value?.items ?? [];
  const set = items.find((s) => `${s.campaignId}|${s.formId}` === query.get('set')) ?? items[0];
  const setKey = set ? `${set.campaignId}|${set.formId}` : undefined;
  return (
    <ReviewerFrame
      tab="deliberation"
      selection={{ division }}
      onForm={() => {}}
      onCampaign={() => {}}
      allCampaigns
      allForms
      side={<DivisionTree roots={catalog.tree} selected={division} onSelect={(d) => navigate(href(setKey, d))} />}
    >
      <section className="panel">
        <h2>{t('dl_title')}</h2>
        {sets.error ? <ErrorMessage message={sets.error} retry={sets.reload} /> : null}
        {sets.value && items.length === 0 ? <p className="muted">{t('dl_noSteps')}</p> : null}
        {items.length > 0 ? (
          <label className="rv-pick">
            <span>{t('dl_stepSet')}</span>
            <select value={setKey} onChange={(e) => navigate(href(e.target.value, division))}>
              {items.map((s) => <option key={`${s.campaignId}|${s.formId}`} value={`${s.campaignId}|${s.formId}`}>{s.campaignTitle} · {s.formTitle}</option>)}
            </select>
          </label>
        ) : null}
        {set && !division ? <p className="muted">{t('dl_chooseVillage')}</p> : null}
      </section>
      {set && division ? <LoadedBoard campaignId={set.campaignId} formId={set.formId} division={division} /> : null}
    </ReviewerFrame>
  );
}
