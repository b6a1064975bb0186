// 我的村: the villages of the officer's area, each with how many households are in each state
// (被退回, 待上传, 草稿, 未填…, the phone's drafts and queue included); with only one village,
// straight to its households.
import { useEffect } from 'react';
import { Link, navigate } from '../../app/router';
import type { Division } from '../../api/types';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { countHouseholds, FILTER_NAMES, FILTERS, type Glance } from '../../glance/glance';
import { useGlance } from '../../glance/useGlance';
import { t } from '../../i18n/t';
import { cachedGet } from '../../offline/cachedGet';

function VillageCounts({ glance, code }: { glance: Glance; code: string }) {
  const counts = countHouseholds(glance.households.filter((h) => h.divisionCode === code));
  const shown = FILTERS.filter((f) => counts[f] > 0);
  if (shown.length === 0) return null;
  return (
    <span className="village-counts">
      {shown.map((f) => <span key={f} className={`count glance-${f}`}>{FILTER_NAMES[f]} {counts[f]}</span>)}
    </span>
  );
}

export function VillagesPage() {
  const divisions = useLoad(() => cachedGet<{ items: Division[] }>('/api/divisions'), []);
  const villages = (divisions.value?.data.items ?? []).filter((d) => d.code.length === 12);
  const names = new Map((divisions.value?.data.items ?? []).map((d) => [d.code, d.name]));
  const glance = useGlance();
  // An officer with one village goes straight to it.
  const onlyVillage = villages.length === 1 ? villages[0]!.code : null;
  useEffect(() => {
    if (onlyVillage) navigate(`/villages/${onlyVillage}`, { replace: true });
  }, [onlyVillage]);
  return (
    <Layout title={t('myVillages')} back="/todo">
      {divisions.loading ? <Loading /> : null}
      {divisions.error ? <ErrorMessage message={divisions.error} retry={divisions.reload} /> : null}
      <StaleNote since={divisions.value?.staleSince ?? glance.staleSince} />
      <ul className="card-list">
        {villages.map((village) => (
          <li key={village.code}>
            <Link to={`/villages/${village.code}`} className="card-link">
              <strong>{village.name}</strong>
              <span className="muted">{village.parentCode ? names.get(village.parentCode) : ''} · {village.code}</span>
              {glance.glance ? <VillageCounts glance={glance.glance} code={village.code} /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
