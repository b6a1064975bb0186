// A simple chart of the progress: one bar per village, its parts approved, waiting review,
// returned, draft and missing, scaled to the largest village; the same numbers as the table,
// read at a glance. Drawn with plain elements, so it prints and needs no chart library.
import type { ProgressCounts, VillageProgress } from '../../api/types';
import { t } from '../../i18n/tReviewer';

const PARTS: [keyof ProgressCounts, string][] = [
  ['approved', 'rv_approved'], ['submitted', 'rv_submitted'], ['returned', 'rv_returned'], ['draft', 'rv_draft'], ['missing', 'rv_missing'],
];

export function ProgressChart({ villages }: { villages: VillageProgress[] }) {
  const size = (v: VillageProgress) => PARTS.reduce((sum, [key]) => sum + v[key], 0);
  const largest = Math.max(1, ...villages.map(size));
  return (
    <figure className="rv-chart">
      <figcaption>{t('rv_chart')}</figcaption>
      <ul className="rv-legend" aria-hidden="true">
        {PARTS.map(([key, label]) => <li key={key}><span className={`rv-swatch rv-${key}`} />{t(label as 'rv_approved')}</li>)}
      </ul>
      <ul className="rv-chart-bars">
        {villages.map((v) => (
          <li key={v.code}>
            <span className="rv-chart-name">{v.name}</span>
            <span
              className="rv-chart-bar"
              role="img"
              aria-label={`${v.name}：${PARTS.map(([key, label]) => `${t(label as 'rv_approved')} ${v[key]}`).join('，')}`}
              style={{ width: `${(size(v) / largest) * 100}%` }}
            >
              {PARTS.map(([key]) => (v[key] ? <span key={key} className={`rv-part rv-${key}`} style={{ flexGrow: v[key] }} title={String(v[key])} /> : null))}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
