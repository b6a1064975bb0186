// One submission laid out as the seed's paper sheet, for A4 (print.css): the title, 填报单位 (the
// division's path), the household head and the date; the fields in their sections with their
// labels, the member table as a table, computed values as the server stored them; the drawn
// signatures, or blank lines for the household and the officer to sign on paper. Fields and
// sections the form's conditions hide are left out, as the officer never saw them.
import { valueAt } from '@engine';
import { t } from '../../../i18n/tReviewer';
import { formatTime } from '../formatTime';
import type { SheetField, SheetLayout } from './sheetLayout';
import { SheetValue, SignatureValue } from './SheetValue';

export interface SheetSubmission {
  id: string;
  headName: string;
  submittedAt: string | null;
  data: Record<string, unknown>;
}

/** One sheet as loadSheets makes it and PrintedSheet prints it. */
export interface SheetModel {
  title: string;
  layout: SheetLayout;
  /** 填报单位: the division's names from the province down ("重庆市永川区临江镇高滩村"). */
  unit: string;
  submission: SheetSubmission;
  /** Pointers and section ids the form's conditions hide for this data (the engine's evaluation). */
  hidden: ReadonlySet<string>;
  hiddenSections: ReadonlySet<string>;
}

const pointerOf = (key: string) => `/${key.split('.').join('/')}`;

function Field({ item, data, hidden }: { item: SheetField; data: Record<string, unknown>; hidden: ReadonlySet<string> }) {
  const pointer = pointerOf(item.field.key);
  if (hidden.has(pointer)) return null;
  const value = valueAt(data, pointer);
  if (item.kind === 'table') {
    const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    return (
      <div className="sheet-table-wrap">
        <table className="sheet-table">
          <caption>{item.field.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pr_rowNumber')}</th>
              {item.columns.map((c) => <th key={c.field.key} scope="col" title={c.field.title}>{c.shortTitle}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <tr><td colSpan={item.columns.length + 1}>{t('pr_noRows')}</td></tr> : null}
            {rows.map((row, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a printed table, rebuilt whole; its rows have no id and their order is the sheet's.
              <tr key={n}>
                <td>{n + 1}</td>
                {item.columns.map((c) => (
                  <td key={c.field.key}>
                    {hidden.has(`${pointer}/${n}/${c.field.code}`) ? null : <SheetValue field={c.field} value={row?.[c.field.code]} />}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className={`sheet-field${item.kind === 'signature' ? ' sheet-sign' : ''}`}>
      <span className="sheet-label">{item.field.title}：</span>
      {item.kind === 'signature' ? <SignatureValue field={item.field} value={value} /> : <SheetValue field={item.field} value={value} />}
    </div>
  );
}

export function PrintedSheet({ title, layout, unit, submission, hidden, hiddenSections }: SheetModel) {
  const date = formatTime(submission.submittedAt).slice(0, 10);
  return (
    <article className="print-sheet" aria-label={t('pr_sheetOf', { title, name: submission.headName })}>
      <h1>{title}</h1>
      <p className="sheet-head">
        <span>{t('pr_unit')}{unit}</span>
        <span>{t('pr_head')}{submission.headName}</span>
        <span>{t('pr_date')}{date || t('pr_notSubmitted')}</span>
      </p>
      {layout.sections.filter((s) => !hiddenSections.has(s.id)).map((section) => (
        <section key={section.id} className="sheet-section" aria-label={section.title || title}>
          {section.title ? <h2>{section.title}</h2> : null}
          <div className="sheet-fields">
            {section.fields.map((item) => <Field key={item.field.key} item={item} data={submission.data} hidden={hidden} />)}
          </div>
        </section>
      ))}
      {layout.signed ? null : (
        <footer className="sheet-foot">
          <span>{t('pr_headSigns')}<span className="sheet-blank" role="img" aria-label={t('pr_toSign', { title: t('pr_headSignsTitle') })}>&nbsp;</span></span>
          <span>{t('pr_officerSigns')}<span className="sheet-blank" role="img" aria-label={t('pr_toSign', { title: t('pr_officerSignsTitle') })}>&nbsp;</span></span>
          <span>{t('pr_signDate')}<span className="sheet-blank" role="img" aria-label={t('pr_toSign', { title: t('pr_signDateTitle') })}>&nbsp;</span></span>
        </footer>
      )}
    </article>
  );
}
