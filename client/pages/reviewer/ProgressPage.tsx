// 填报进度: the weekly progress report of a form in a campaign for the reviewer's area (or the
// township or village chosen in the tree): the totals, a chart per village, the table per village
// with township totals, the counts per household kind, the households still missing, and the
// report as XLSX or CSV.
import { navigate, useLocation } from '../../app/router';
import { ErrorMessage, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tReviewer';
import { DivisionTree } from './DivisionTree';
import { ExportButtons } from './ExportButtons';
import { MissingHouseholds } from './MissingHouseholds';
import { ProgressChart } from './ProgressChart';
import { fillRate, filledOf } from './progressMath';
import { KindTable, ProgressTable } from './ProgressTable';
import { progressExportUrl, reviewerApi } from './reviewerApi';
import { useCatalog } from './ReviewerCatalog';
import { ReviewerFrame } from './ReviewerFrame';

export function ProgressPage({ formId }: { formId: string }) {
  const catalog = useCatalog();
  const { query } = useLocation();
  const campaign = query.get('campaign') || undefined;
  const division = /^\d{2,12}$/.test(query.get('division') ?? '') ? query.get('division')! : undefined;
  const report = useLoad(() => reviewerApi.progress(formId, campaign, division), [formId, campaign, division]);
  const go = (next: { formId?: string; campaign?: string; division?: string }) => {
    const params = new URLSearchParams();
    const c = 'campaign' in next ? next.campaign : campaign;
    const d = 'division' in next ? next.division : division;
    if (c) params.set('campaign', c);
    if (d) params.set('division', d);
    navigate(`/review/progress/${encodeURIComponent(next.formId ?? formId)}${params.toString() ? `?${params}` : ''}`);
  };
  const r = report.value;
  const shownCampaign = campaign ?? r?.campaign.id;
  const villages = r?.townships.flatMap((township) => township.villages) ?? [];
  return (
    <ReviewerFrame
      tab="progress"
      selection={{ formId, campaign: shownCampaign, division }}
      onForm={(id) => id && go({ formId: id, campaign: undefined })}
      onCampaign={(c) => go({ campaign: c })}
      allCampaigns={false}
      side={<DivisionTree roots={catalog.tree} selected={division} onSelect={(d) => go({ division: d })} />}
    >
      {report.error ? <ErrorMessage message={report.error} retry={report.reload} /> : null}
      {!r && report.loading ? <Loading /> : null}
      {r ? (
        <div className={report.loading ? 'rv-refreshing' : ''} aria-busy={report.loading}>
          <div className="rv-head-line">
            <h2>{r.form.title} · {r.campaign.title}</h2>
            <ExportButtons targets={[
              { label: t('rv_exportXlsx'), url: progressExportUrl(formId, shownCampaign, division, 'xlsx') },
              { label: t('rv_exportCsv'), url: progressExportUrl(formId, shownCampaign, division, 'csv', 'summary') },
              ...(r.kinds ? [{ label: t('rv_exportMissing'), url: progressExportUrl(formId, shownCampaign, division, 'csv', 'missing') }] : []),
            ]} />
          </div>
          <p className="muted">{r.kinds ? t('rv_expectedKinds', { kinds: r.kinds.join('、') }) : t('rv_noExpected')}</p>
          <dl className="rv-summary">
            {r.kinds ? <div><dt>{t('rv_expected')}</dt><dd>{r.total.expected}</dd></div> : null}
            <div><dt>{t('rv_filled')}</dt><dd>{filledOf(r.total)}{r.kinds ? <small>{fillRate(r.total)}</small> : null}</dd></div>
            <div><dt>{t('rv_approved')}</dt><dd>{r.total.approved}</dd></div>
            <div><dt>{t('rv_submitted')}</dt><dd>{r.total.submitted}</dd></div>
            <div><dt>{t('rv_returned')}</dt><dd>{r.total.returned}</dd></div>
            <div><dt>{t('rv_draft')}</dt><dd>{r.total.draft}</dd></div>
            {r.kinds ? <div className="rv-summary-missing"><dt>{t('rv_missing')}</dt><dd>{r.total.missing}</dd></div> : null}
          </dl>
          <ProgressChart villages={villages} />
          <section className="panel">
            <h2>{t('rv_tabProgress')}</h2>
            <ProgressTable report={r} />
          </section>
          <section className="panel">
            <h2>{t('rv_byKind')}</h2>
            <KindTable report={r} />
          </section>
          {r.kinds ? <MissingHouseholds key={`${formId}|${r.campaign.id}|${division ?? ''}`} formId={formId} campaign={r.campaign.id} division={division} /> : null}
        </div>
      ) : null}
    </ReviewerFrame>
  );
}
