// A village's households: filter by kind (脱贫户, 监测户 and its three kinds, 边缘户…), search by
// head name or ID number, open one. "离线下载" keeps every household of the village (and the
// published forms) on the phone, for a day in places with no signal. A household with a save or
// submit still to send shows where it stands and what to do.
import { useState } from 'react';
import { Link, navigate, useLocation } from '../../app/router';
import type { Division, FormSummary, HouseholdSummary, Paged } from '../../api/types';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { QueueLine } from '../../components/QueueNotice';
import { KindBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/t';
import { cachedGet } from '../../offline/cachedGet';
import { OfflineError } from '../../api/http';
import { downloadVillage } from '../../offline/downloadVillage';
import { keptVillage } from '../../offline/keptVillage';
import { useQueue } from '../../offline/useQueue';

const KINDS = ['', '脱贫户', '监测户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户', '一般农户'];
const PAGE_SIZE = 30;

export function HouseholdsPage({ code }: { code: string }) {
  const { query } = useLocation();
  const kind = query.get('kind') ?? '';
  const q = query.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [pages, setPages] = useState(1);
  const [download, setDownload] = useState<string | null>(null);
  const divisions = useLoad(() => cachedGet<{ items: Division[] }>('/api/divisions'), []);
  const forms = useLoad(() => cachedGet<{ items: FormSummary[] }>('/api/forms'), []);
  const list = useLoad(async () => {
    const params = new URLSearchParams({ division: code, pageSize: String(PAGE_SIZE * pages) });
    if (kind) params.set('kind', kind);
    if (q) params.set('q', q);
    try {
      return await cachedGet<Paged<HouseholdSummary>>(`/api/households?${params}`);
    } catch (error) {
      // No signal and this very list never opened: the downloaded village, filtered here.
      const village = error instanceof OfflineError ? await keptVillage(code, { kind, q, pageSize: PAGE_SIZE * pages }) : null;
      if (!village) throw error;
      return village;
    }
  }, [code, kind, q, pages]);
  const village = divisions.value?.data.items.find((d) => d.code === code);
  const identification = (forms.value?.data.items ?? []).filter((f) => f.createsHousehold);
  const setFilter = (next: { kind?: string; q?: string }) => {
    const params = new URLSearchParams();
    const k = next.kind ?? kind;
    const s = next.q ?? q;
    if (k) params.set('kind', k);
    if (s) params.set('q', s);
    setPages(1);
    navigate(`/villages/${code}${params.size ? `?${params}` : ''}`, { replace: true });
  };
  const items = list.value?.data.items ?? [];
  const queued = useQueue();
  return (
    <Layout title={village ? t('villageHouseholds', { village: village.name }) : t('households')} back="/villages">
      <div className="filters">
        <div className="chips" role="group" aria-label="户类型">
          {KINDS.map((k) => (
            <button key={k || 'all'} type="button" className={k === kind ? 'chosen' : ''} aria-pressed={k === kind} onClick={() => setFilter({ kind: k })}>
              {k || t('filterAll')}
            </button>
          ))}
        </div>
        <form className="search" onSubmit={(e) => { e.preventDefault(); setFilter({ q: search.trim() }); }}>
          <input type="search" placeholder={t('searchHousehold')} aria-label={t('searchHousehold')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit">搜索</button>
        </form>
      </div>
      <StaleNote since={list.value?.staleSince ?? null} />
      {list.error ? <ErrorMessage message={list.error} retry={list.reload} /> : null}
      {list.value ? <p className="muted">{t('householdCount', { n: list.value.data.total })}</p> : null}
      <ul className="card-list households">
        {items.map((h) => (
          <li key={h.id}>
            <Link to={`/households/${h.id}`} className="card-link">
              <strong>{h.headName}</strong> <KindBadge kind={h.kind} />
              <span className="muted">{t('memberCount', { n: h.memberCount })} · {h.address ?? ''}</span>
              {queued.filter((d) => d.householdId === h.id).map((d) => <span key={d.id} className="queue-item">{d.formTitle}：<QueueLine draft={d} /></span>)}
            </Link>
          </li>
        ))}
      </ul>
      {list.loading ? <Loading /> : null}
      {!list.loading && items.length === 0 && !list.error ? <p className="empty">{t('noHouseholds')}</p> : null}
      {list.value && items.length < list.value.data.total ? (
        <button type="button" className="load-more" onClick={() => setPages((n) => n + 1)}>{t('loadMore')}</button>
      ) : null}
      <div className="page-actions">
        {identification.map((form) => (
          <Link key={form.id} to={`/start/${form.id}?division=${code}`} className="button">
            + {t('newIdentification')}：{form.title}
          </Link>
        ))}
        <button type="button" disabled={download !== null && !download.startsWith('✓')} onClick={() => {
          setDownload('…');
          downloadVillage(code, (done, total) => setDownload(`${done}/${total}`))
            .then((n) => setDownload(`✓ 已下载 ${n} 户，可离线填报`))
            .catch(() => setDownload(t('networkError')));
        }}>
          离线下载本村数据{download ? `（${download}）` : ''}
        </button>
      </div>
    </Layout>
  );
}
