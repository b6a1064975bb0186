// The progress table: each township's villages with the township's total under them, and the
// grand total; expected households against drafts, submitted, returned, approved and missing.
import type { ProgressCounts, ProgressAnswer } from '../../api/types';
import { t } from '../../i18n/tReviewer';
import { fillRate, filledOf } from './progressMath';

function Cells({ c }: { c: ProgressCounts }) {
  return (
    <>
      <td>{c.expected}</td>
      <td className={c.missing ? 'rv-missing' : ''}>{c.missing}</td>
      <td>{c.draft}</td>
      <td>{c.submitted}</td>
      <td className={c.returned ? 'rv-returned' : ''}>{c.returned}</td>
      <td>{c.approved}</td>
      <td>{filledOf(c)}</td>
      <td>{fillRate(c)}</td>
    </>
  );
}

export function CountHeaders() {
  return (
    <>
      <th scope="col">{t('rv_expected')}</th>
      <th scope="col">{t('rv_missing')}</th>
      <th scope="col">{t('rv_draft')}</th>
      <th scope="col">{t('rv_submitted')}</th>
      <th scope="col">{t('rv_returned')}</th>
      <th scope="col">{t('rv_approved')}</th>
      <th scope="col">{t('rv_filled')}</th>
      <th scope="col">{t('rv_fillRate')}</th>
    </>
  );
}

export function ProgressTable({ report }: { report: ProgressAnswer }) {
  return (
    <div className="rv-table-wrap">
      <table className="rv-table rv-progress">
        <thead>
          <tr><th scope="col">{t('rv_township')}</th><th scope="col">{t('rv_village')}</th><CountHeaders /></tr>
        </thead>
        <tbody>
          {report.townships.flatMap((township) => [
            ...township.villages.map((v) => (
              <tr key={v.code} data-code={v.code}><td>{township.name}</td><th scope="row">{v.name}</th><Cells c={v} /></tr>
            )),
            <tr key={`${township.code}-total`} className="rv-subtotal" data-code={township.code}>
              <td>{township.name}</td><th scope="row">{t('rv_townshipTotal', { name: township.name })}</th><Cells c={township} />
            </tr>,
          ])}
        </tbody>
        <tfoot>
          <tr className="rv-total"><th scope="row" colSpan={2}>{t('rv_grandTotal')}</th><Cells c={report.total} /></tr>
        </tfoot>
      </table>
    </div>
  );
}

export function KindTable({ report }: { report: ProgressAnswer }) {
  return (
    <div className="rv-table-wrap">
      <table className="rv-table rv-progress">
        <thead><tr><th scope="col">{t('rv_kind')}</th><CountHeaders /></tr></thead>
        <tbody>
          {report.byKind.map((k) => <tr key={k.kind}><th scope="row">{k.kind || t('rv_noKind')}</th><Cells c={k} /></tr>)}
        </tbody>
      </table>
    </div>
  );
}
