// The print view: one submission (/review/submissions/:id/print) or all of a village's
// submissions of a form in one campaign and status (/review/print?form=…&campaign=…&division=
// <village>&status=approved), each on its own A4 page, printed or saved as PDF by the browser
// (打印 calls window.print()). The bar above the sheets is not printed (print.css).
import { Link } from '../../../app/router';
import { ErrorMessage, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tReviewer';
import { useCatalog } from '../ReviewerCatalog';
import { LAST_TABLE_KEY } from '../SubmissionsPage';
import { loadOneSheet, loadVillageSheets, MAX_SHEETS, type Sheets, type VillageQuery } from './loadSheets';
import { PrintedSheet } from './PrintedSheet';
import './print.css';

export function PrintSheets({ sheets, back }: { sheets: Sheets; back: string }) {
  return (
    <div className="print-page">
      <div className="print-bar">
        <Link to={back} className="button">{t('pr_back')}</Link>
        <button type="button" className="primary" onClick={() => window.print()} disabled={sheets.sheets.length === 0}>{t('pr_print')}</button>
        <span role="status">{sheets.sheets.length ? t('pr_count', { n: sheets.sheets.length }) : t('pr_none')}</span>
        {sheets.cut ? <span role="alert">{t('pr_more', { n: MAX_SHEETS })}</span> : null}
      </div>
      {sheets.sheets.map((sheet) => <PrintedSheet key={sheet.submission.id} {...sheet} />)}
    </div>
  );
}

function Loaded({ load, deps, back }: { load: () => Promise<Sheets>; deps: unknown[]; back: string }) {
  const loaded = useLoad(load, deps);
  if (loaded.error) return <div className="print-page"><ErrorMessage message={loaded.error} retry={loaded.reload} /></div>;
  if (!loaded.value) return <Loading />;
  return <PrintSheets sheets={loaded.value} back={back} />;
}

export function SubmissionPrintPage({ id }: { id: string }) {
  const catalog = useCatalog();
  return <Loaded load={() => loadOneSheet(id, catalog)} deps={[id]} back={`/review/submissions/${encodeURIComponent(id)}`} />;
}

export function VillagePrintPage({ query }: { query: URLSearchParams }) {
  const catalog = useCatalog();
  const formId = query.get('form') ?? '';
  const division = query.get('division') ?? '';
  const back = sessionStorage.getItem(LAST_TABLE_KEY) ?? '/review';
  if (!formId || !/^\d{12}$/.test(division)) return <div className="print-page"><ErrorMessage message={t('pr_chooseVillage')} /></div>;
  const village: VillageQuery = { formId, division, campaign: query.get('campaign') || undefined, status: query.get('status') || 'approved' };
  return <Loaded load={() => loadVillageSheets(village, catalog)} deps={[query.toString()]} back={back} />;
}
