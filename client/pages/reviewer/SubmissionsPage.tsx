// 审核: a form's submissions in the reviewer's area. The area tree narrows to a township or a
// village (with counts under the other filters), the filters and the sort live in the address,
// rows this reviewer may act on can be approved together, and the filtered table exports as
// XLSX or CSV from the server's streaming export with its progress shown. Narrowed to a village,
// its approved sheets print at once (打印本村已通过的表) and its households' positions plot.
import { useEffect, useMemo, useState } from 'react';
import { Link, navigate, useLocation } from '../../app/router';
import type { ApprovalsAnswer } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tReviewer';
import { BatchApproveBar, BatchOutcome } from './BatchApproveBar';
import { codesOf, countsUnder } from './buildDivisionTree';
import { DivisionTree } from './DivisionTree';
import { ExportButtons } from './ExportButtons';
import { Pager } from './Pager';
import { VillagePlotSection } from './plot/VillagePlotSection';
import { villagePrintHref } from './print/villagePrintHref';
import { exportUrl, reviewerApi } from './reviewerApi';
import { useCatalog } from './ReviewerCatalog';
import { ReviewerFrame } from './ReviewerFrame';
import { SubmissionFilters } from './SubmissionFilters';
import { SubmissionTable } from './SubmissionTable';
import { pageSizes, readTableQuery, tableSearch, type TableQuery } from './tableQuery';

export const LAST_TABLE_KEY = 'rv_lastTable';

export function SubmissionsPage({ formId }: { formId: string }) {
  const catalog = useCatalog();
  const location = useLocation();
  const query = readTableQuery(location.query);
  const search = tableSearch(query);
  const rows = useLoad(() => reviewerApi.rows(formId, query), [formId, search]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ answer: ApprovalsAnswer; names: Map<string, string> } | null>(null);

  const go = (patch: Partial<TableQuery>) => navigate(`/review/forms/${encodeURIComponent(formId)}${(() => {
    const next = tableSearch({ ...query, ...patch });
    return next ? `?${next}` : '';
  })()}`);
  useEffect(() => {
    sessionStorage.setItem(LAST_TABLE_KEY, `/review/forms/${encodeURIComponent(formId)}${search ? `?${search}` : ''}`);
  }, [formId, search]);
  // A choice only holds rows still shown and still waiting on this reviewer.
  useEffect(() => {
    const actionable = new Set((rows.value?.items ?? []).filter((r) => r.canReview).map((r) => r.id));
    setSelected((before) => new Set([...before].filter((id) => actionable.has(id))));
  }, [rows.value]);

  const page = rows.value;
  const counts = useMemo(() => (page ? countsUnder(page.byDivision, codesOf(catalog.tree)) : undefined), [page, catalog.tree]);
  // A village (12 digits) is chosen: its approved sheets print at once, its households plot.
  const villageChosen = query.division?.length === 12;
  const chosen = (page?.items ?? []).filter((r) => selected.has(r.id));
  const finished = (answer: ApprovalsAnswer) => {
    setOutcome({ answer, names: new Map(chosen.map((r) => [r.id, r.headName])) });
    setSelected(new Set());
    rows.reload();
  };

  return (
    <ReviewerFrame
      tab="submissions"
      selection={{ formId, campaign: query.campaign, division: query.division }}
      onForm={(id) => id && navigate(`/review/forms/${encodeURIComponent(id)}${query.division ? `?division=${query.division}` : ''}`)}
      onCampaign={(campaign) => go({ campaign, page: 1 })}
      allCampaigns
      side={<DivisionTree roots={catalog.tree} selected={query.division} onSelect={(division) => go({ division, page: 1 })} counts={counts} />}
    >
      <div className="rv-head-line">
        <h2>{page ? t('rv_total', { n: page.total }) : t('rv_title')}</h2>
        {villageChosen ? (
          <Link to={villagePrintHref({ formId, division: query.division!, campaign: query.campaign, status: 'approved' })} className="button">{t('rv_printApproved')}</Link>
        ) : null}
        <ExportButtons targets={[
          { label: t('rv_exportXlsx'), url: exportUrl(formId, query, 'xlsx') },
          { label: t('rv_exportCsv'), url: exportUrl(formId, query, 'csv') },
          ...(catalog.forms.find((f) => f.id === formId)?.hasFiles ? [{ label: t('rv_exportZip'), url: exportUrl(formId, query, 'zip'), native: true, hint: t('rv_exportZipHint') }] : []),
        ]} />
      </div>
      <SubmissionFilters query={query} myLevel={page ? page.myLevel : undefined} onChange={go} />
      {outcome ? <BatchOutcome answer={outcome.answer} names={outcome.names} onClose={() => setOutcome(null)} /> : null}
      <BatchApproveBar chosen={chosen} onClear={() => setSelected(new Set())} onDone={finished} />
      {rows.error ? <ErrorMessage message={rows.error} retry={rows.reload} /> : null}
      {!page && rows.loading ? <Loading /> : null}
      {page ? (
        <div className={rows.loading ? 'rv-refreshing' : ''} aria-busy={rows.loading}>
          <SubmissionTable
            rows={page.items}
            columns={page.columns}
            query={query}
            onSort={(sort, order) => go({ sort, order, page: 1 })}
            selected={selected}
            onSelect={setSelected}
          />
          <Pager page={query.page} pageSize={query.pageSize} total={page.total} onPage={(p) => go({ page: p })} sizes={pageSizes} onPageSize={(pageSize) => go({ pageSize, page: 1 })} />
        </div>
      ) : null}
      {villageChosen ? <VillagePlotSection formId={formId} division={query.division!} campaign={query.campaign} village={catalog.divisionName(query.division!)} /> : null}
    </ReviewerFrame>
  );
}
