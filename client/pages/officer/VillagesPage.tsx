// 我的村: the villages of the officer's area; with only one, straight to its households.
import { useEffect } from 'react';
import { Link, navigate } from '../../app/router';
import type { Division } from '../../api/types';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/t';
import { cachedGet } from '../../offline/cachedGet';

export function VillagesPage() {
  const divisions = useLoad(() => cachedGet<{ items: Division[] }>('/api/divisions'), []);
  const villages = (divisions.value?.data.items ?? []).filter((d) => d.code.length === 12);
  const names = new Map((divisions.value?.data.items ?? []).map((d) => [d.code, d.name]));
  useEffect(() => {
    if (villages.length === 1) navigate(`/villages/${villages[0]!.code}`, { replace: true });
  }, [villages.length === 1 ? villages[0]!.code : null]);
  return (
    <Layout title={t('myVillages')}>
      {divisions.loading ? <Loading /> : null}
      {divisions.error ? <ErrorMessage message={divisions.error} retry={divisions.reload} /> : null}
      <StaleNote since={divisions.value?.staleSince ?? null} />
      <ul className="card-list">
        {villages.map((village) => (
          <li key={village.code}>
            <Link to={`/villages/${village.code}`} className="card-link">
              <strong>{village.name}</strong>
              <span className="muted">{village.parentCode ? names.get(village.parentCode) : ''} · {village.code}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
