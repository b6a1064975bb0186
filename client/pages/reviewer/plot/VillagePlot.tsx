// A village's households drawn where they stand: an SVG plot, north up, with a scale bar in
// metres, each dot a link to the submission named on hover or keyboard focus (and by its
// tooltip), and the same households
// listed with their coordinates beside it for a screen reader or a printout; households whose
// submission holds no position are listed under 未采集位置.
import { useState } from 'react';
import { Link, navigate } from '../../../app/router';
import { t } from '../../../i18n/tReviewer';
import { projectPositions } from './projectPositions';
import type { VillagePositions } from './villagePositions';

const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = 28;

export function VillagePlot({ positions, village }: { positions: VillagePositions; village: string }) {
  const [active, setActive] = useState<string | null>(null);
  const projection = projectPositions(
    positions.placed.map((p) => ({ id: p.submissionId, latitude: p.location.latitude, longitude: p.location.longitude })),
    WIDTH, HEIGHT, MARGIN,
  );
  const byId = new Map(positions.placed.map((p) => [p.submissionId, p]));
  const shown = active ? projection.points.find((p) => p.id === active) : undefined;
  return (
    <div className="rv-plot">
      {positions.placed.length ? (
        <figure className="rv-plot-figure">
          <figcaption>{t('pl_plotOf', { village, n: positions.placed.length })}</figcaption>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="rv-plot-svg">
            <title>{t('pl_plotOf', { village, n: positions.placed.length })}</title>
            <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="rv-plot-ground" />
            <text x={WIDTH - MARGIN} y={MARGIN} textAnchor="middle" className="rv-plot-north">北 ↑</text>
            {projection.points.map((point) => {
              const placed = byId.get(point.id)!;
              const href = `/review/submissions/${encodeURIComponent(placed.submissionId)}`;
              return (
                <a
                  key={point.id} href={href} aria-label={placed.headName} className={active === point.id ? 'rv-plot-dot active' : 'rv-plot-dot'}
                  onClick={(e) => { e.preventDefault(); navigate(href); }}
                  onMouseEnter={() => setActive(point.id)} onMouseLeave={() => setActive(null)} onFocus={() => setActive(point.id)} onBlur={() => setActive(null)}
                >
                  <circle cx={point.x} cy={point.y} r={active === point.id ? 7 : 5} data-household={placed.headName}>
                    <title>{placed.headName}</title>
                  </circle>
                </a>
              );
            })}
            {shown ? <text x={shown.x + 9} y={shown.y - 9} className="rv-plot-name">{byId.get(shown.id)!.headName}</text> : null}
            <g className="rv-plot-scale">
              <line x1={MARGIN} x2={MARGIN + projection.scale.length} y1={HEIGHT - MARGIN / 2} y2={HEIGHT - MARGIN / 2} />
              <text x={MARGIN} y={HEIGHT - MARGIN / 2 - 5}>{t('pl_metres', { m: projection.scale.metres })}</text>
            </g>
          </svg>
        </figure>
      ) : <p className="muted">{t('pl_nonePlaced')}</p>}
      <div className="rv-plot-lists">
        {positions.placed.length ? (
          <details>
            <summary>{t('pl_listPlaced', { n: positions.placed.length })}</summary>
            <ul aria-label={t('pl_listPlacedLabel')}>
              {positions.placed.map((p) => (
                <li key={p.submissionId}>
                  <Link to={`/review/submissions/${encodeURIComponent(p.submissionId)}`}>{p.headName}</Link>
                  {' '}{t('pl_at', { lat: p.location.latitude.toFixed(6), lon: p.location.longitude.toFixed(6) })}
                  {p.location.accuracy !== null ? t('pl_accuracy', { m: p.location.accuracy }) : ''}
                  {p.location.manual ? t('pl_manual') : ''}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {positions.unplaced.length ? (
          <section aria-label={t('pl_unplaced')}>
            <h4>{t('pl_unplacedCount', { n: positions.unplaced.length })}</h4>
            <ul>
              {positions.unplaced.map((p) => <li key={p.submissionId}><Link to={`/review/submissions/${encodeURIComponent(p.submissionId)}`}>{p.headName}</Link></li>)}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
