// The XLSForm import's report on the builder page: what was read, every problem at its sheet, row
// and column (errors first), the form's test cases run on the imported definition, and — only
// when all of that passes — the button that saves it as the draft.
import type { XlsformImport } from '@engine/contract';
import { tXlsform as t } from '../../../i18n/tXlsform';

interface Props {
  report: XlsformImport;
  busy: boolean;
  dirty: boolean;
  onSave(): void;
  onClose(): void;
}

export function XlsformReport({ report, busy, dirty, onSave, onClose }: Props) {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const failed = report.cases.filter((c) => !c.passed);
  const problems = [...errors, ...report.problems.filter((p) => p.severity === 'warning')];
  const { summary } = report;
  return (
    <section className="xlsform-report" aria-label={t('xl_report')}>
      <h2>{t('xl_report')}</h2>
      <p>
        {t('xl_summary', { fields: summary.fields, sections: summary.sections, tables: summary.tables, rules: summary.rules })}
        {summary.languages.length > 0 ? t('xl_languages', { languages: summary.languages.join('、') }) : ''}
      </p>
      <p role="status" className={report.ok ? 'action-notice' : 'action-error'}>
        {report.ok ? t('xl_ok') : errors.length > 0 ? t('xl_refused', { n: errors.length }) : t('xl_casesFailed', { n: failed.length })}
      </p>
      {problems.length > 0 ? (
        <table className="xlsform-problems">
          <thead><tr><th>{t('xl_where')}</th><th>{t('xl_message')}</th></tr></thead>
          <tbody>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: display-only rows rebuilt whole from each report.
              <tr key={i} className={p.severity}>
                <td>{[p.sheet, p.row === null ? null : t('xl_row', { row: p.row }), p.column].filter(Boolean).join(' · ')}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.cases.length > 0 ? (
        <ul className="xlsform-cases" aria-label={t('xl_cases')}>
          {report.cases.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same case may run under several campaigns.
            <li key={i} className={c.passed ? 'passed' : 'error'}>
              {c.passed ? t('xl_casePassed') : t('xl_caseFailed')}：{c.name}{c.campaignTitle ? `（${c.campaignTitle}）` : ''}
              {c.failures.length > 0 ? <ul>{c.failures.map((f) => <li key={f}>{f}</li>)}</ul> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {report.ok ? (
          <>
            {dirty ? <span className="formula-error">{t('xl_replaceUnsaved')}</span> : null}
            <button type="button" className="primary" disabled={busy} onClick={onSave}>{t('xl_save')}</button>
          </>
        ) : null}
        <button type="button" onClick={onClose}>{t('xl_close')}</button>
      </div>
    </section>
  );
}
