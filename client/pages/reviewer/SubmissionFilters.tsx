// The table's filters: status (or "waiting on me": submitted at my level), submission dates, and
// the head's name or ID number. A change applies at once (text on 搜索 or Enter) and goes back
// to the first page.
import { useEffect, useState, type FormEvent } from 'react';
import type { SubmissionStatus } from '../../api/types';
import { t } from '../../i18n/tReviewer';
import type { TableQuery } from './tableQuery';

interface Props {
  query: TableQuery;
  /** The level this reviewer acts at (null: any, an administrator; undefined: not known yet). */
  myLevel: number | null | undefined;
  onChange(patch: Partial<TableQuery>): void;
}

const STATUSES: SubmissionStatus[] = ['draft', 'submitted', 'returned', 'approved'];

export function SubmissionFilters({ query, myLevel, onChange }: Props) {
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);
  const waitingOnMe = query.status === 'submitted' && myLevel !== undefined && (myLevel === null ? query.level === undefined : query.level === myLevel);
  const change = (patch: Partial<TableQuery>) => onChange({ ...patch, page: 1 });
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ q: text.trim() || undefined });
  };
  const filtered = query.status || query.q || query.from || query.to || query.level !== undefined;
  return (
    <div className="rv-filters">
      <label>
        <span>{t('rv_status')}</span>
        <select value={query.status ?? ''} onChange={(e) => change({ status: (e.target.value || undefined) as SubmissionStatus | undefined, level: undefined })}>
          <option value="">{t('rv_allStatuses')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status_${s}`)}</option>)}
        </select>
      </label>
      {myLevel !== undefined ? (
        <label className="rv-check">
          <input
            type="checkbox"
            checked={waitingOnMe}
            onChange={(e) => change(e.target.checked ? { status: 'submitted', level: myLevel ?? undefined } : { status: undefined, level: undefined })}
          />
          <span>{t('rv_waitingOnMe')}</span>
        </label>
      ) : null}
      <label>
        <span>{t('rv_from')}</span>
        <input type="date" value={query.from ?? ''} onChange={(e) => change({ from: e.target.value || undefined })} />
      </label>
      <label>
        <span>{t('rv_to')}</span>
        <input type="date" value={query.to ?? ''} onChange={(e) => change({ to: e.target.value || undefined })} />
      </label>
      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is the ARIA pattern; a <search> wrapper would add a box to the filter row's flex layout, and older Android WebViews do not map it. */}
      <form className="rv-search" role="search" onSubmit={search}>
        <input type="search" value={text} maxLength={50} placeholder={t('rv_search')} aria-label={t('rv_search')} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('rv_searchButton')}</button>
      </form>
      {filtered ? (
        <button type="button" className="link" onClick={() => change({ status: undefined, level: undefined, q: undefined, from: undefined, to: undefined })}>
          {t('rv_clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
