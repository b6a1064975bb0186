// The reviewer's table: a row per submission with its state and what it waits on (a returned
// one visibly waits on its officer), village, head, ID number, when and by whom it was submitted,
// the form's key values and its warnings. Rows this reviewer may act on now can be chosen for
// approving together; a column header sorts by it (again: the other way).
import { Link } from '../../app/router';
import type { ReviewRow } from '../../api/types';
import { maskIdNumber } from '../../components/maskIdNumber';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n/tReviewer';
import { formatTime } from './formatTime';
import type { SortColumn, TableQuery } from './tableQuery';

interface Props {
  rows: ReviewRow[];
  columns: { key: string; title: string }[];
  query: Pick<TableQuery, 'sort' | 'order'>;
  onSort(column: SortColumn, order: 'asc' | 'desc'): void;
  selected: ReadonlySet<string>;
  onSelect(selected: Set<string>): void;
}

function Waiting({ row }: { row: ReviewRow }) {
  if (row.status === 'submitted') {
    return (
      <span className={`rv-waiting${row.canReview ? ' mine' : ''}`} title={row.escalation?.reason}>
        {t('rv_waitingFor', { level: row.waitingOn ?? '' })}{row.escalation ? ` · ${t('rv_escalatedTo', { level: row.escalation.levelTitle })}` : ''}{row.canReview ? ` · ${t('rv_yourTurn')}` : ''}
      </span>
    );
  }
  if (row.status === 'returned') {
    return <span className="rv-waiting officer" title={row.returnComment ?? ''}>{t('rv_waitingOfficer')}{row.returnComment ? `：${row.returnComment}` : ''}</span>;
  }
  if (row.status === 'approved') return <span className="rv-waiting done">{t('rv_approvedAt', { time: formatTime(row.approvedAt) })}</span>;
  return <span className="rv-waiting">{t('rv_draftNotSubmitted')}</span>;
}

function SortHeader({ column, label, query, onSort }: { column: SortColumn; label: string } & Pick<Props, 'query' | 'onSort'>) {
  const active = query.sort === column;
  const order = active ? query.order ?? 'desc' : undefined;
  const next = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : undefined}>
      <button type="button" className="rv-sort" onClick={() => onSort(column, next)} title={t('rv_sortBy', { column: label })}>
        {label}<span aria-hidden="true">{order === 'asc' ? ' ▲' : order === 'desc' ? ' ▼' : ''}</span>
      </button>
    </th>
  );
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? value.toLocaleString('zh-CN') : value;
}

export function SubmissionTable({ rows, columns, query, onSort, selected, onSelect }: Props) {
  const actionable = rows.filter((r) => r.canReview);
  const allChosen = actionable.length > 0 && actionable.every((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  const togglePage = (on: boolean) => {
    const next = new Set(selected);
    for (const r of actionable) {
      if (on) next.add(r.id);
      else next.delete(r.id);
    }
    onSelect(next);
  };
  if (rows.length === 0) return <p className="empty">{t('rv_noRows')}</p>;
  return (
    <div className="rv-table-wrap">
      <table className="rv-table">
        <thead>
          <tr>
            <th scope="col" className="rv-pick-cell">
              <input type="checkbox" aria-label={t('rv_selectPage')} checked={allChosen} disabled={actionable.length === 0} onChange={(e) => togglePage(e.target.checked)} />
            </th>
            <SortHeader column="status" label={t('rv_status')} query={query} onSort={onSort} />
            <SortHeader column="divisionCode" label={t('rv_village')} query={query} onSort={onSort} />
            <SortHeader column="headName" label={t('rv_head')} query={query} onSort={onSort} />
            <th scope="col">{t('rv_idNumber')}</th>
            <SortHeader column="submittedAt" label={t('rv_submittedAt')} query={query} onSort={onSort} />
            <th scope="col">{t('rv_filler')}</th>
            {columns.map((c) => <th key={c.key} scope="col" className="rv-key">{c.title}</th>)}
            <th scope="col">{t('rv_issues')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={`status-row-${row.status}${row.canReview ? ' actionable' : ''}`} data-id={row.id}>
              <td className="rv-pick-cell">
                {row.canReview ? (
                  <input type="checkbox" aria-label={t('rv_selectRow', { name: row.headName })} checked={selected.has(row.id)} onChange={(e) => toggle(row.id, e.target.checked)} />
                ) : null}
              </td>
              <td><StatusBadge status={row.status} /> <Waiting row={row} /></td>
              <td className="rv-nowrap">{row.villageName || row.divisionCode}</td>
              <td className="rv-nowrap"><Link to={`/review/submissions/${row.id}`} className="rv-head">{row.headName || '—'}</Link></td>
              <td className="rv-id">{maskIdNumber(row.headIdNumber)}</td>
              <td className="rv-time">{formatTime(row.submittedAt) || '—'}</td>
              <td className="rv-nowrap">{row.createdBy.name}</td>
              {columns.map((c) => <td key={c.key} className="rv-key">{cell(row.keyValues[c.key])}</td>)}
              <td>{row.warningCount ? <span className="badge rv-warn">{t('rv_warnings', { n: row.warningCount })}</span> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
