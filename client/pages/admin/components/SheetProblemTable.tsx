// A spreadsheet's problems as the clerk fixes them: sheet row, column, message (a warning marked),
// for the household import and the division adjustment sheet alike.
import type { ImportProblem } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';

export function SheetProblemTable({ problems }: { problems: ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <table className="admin-table problems-table">
      <thead><tr><th>{t('ad_sheetRow')}</th><th>{t('ad_column')}</th><th>{t('ad_problem')}</th></tr></thead>
      <tbody>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat.
          <tr key={i} className={p.severity}>
            <td>{t('ad_rowN', { n: p.row })}</td>
            <td>{p.column}</td>
            <td>{p.severity === 'warning' ? `${t('ad_warning')}：` : ''}{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
