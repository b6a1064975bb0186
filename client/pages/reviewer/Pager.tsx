// Paging for a long list: previous, where we are, next, and how many rows a page shows.
import { t } from '../../i18n/tReviewer';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  sizes?: number[];
  onPageSize?(size: number): void;
}

export function Pager({ page, pageSize, total, onPage, sizes, onPageSize }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="rv-pager">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>{t('rv_prev')}</button>
      <span>{t('rv_pageOf', { page, pages })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>{t('rv_next')}</button>
      {sizes && onPageSize ? (
        <label>
          <span>{t('rv_pageSize')}</span>
          <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {sizes.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      ) : null}
    </div>
  );
}
