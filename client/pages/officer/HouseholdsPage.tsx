// A village's households, each with where its forms stand in the open campaigns (未填, 草稿 在本机
// or 已保存, 待上传, 已提交待审核, 被退回 with the reviewer's comment, 已通过): returned households
// first, counts per state, filters by state and by kind (脱贫户, 监测户 and its three kinds…),
// search by head name or ID number (or a member's), open one. The states come from the server in
// one answer for the village, kept on the phone, merged with the phone's own drafts and queue, so
// the list works offline and follows sends as they happen. "离线下载" keeps every household of
// the village (and the forms, and the states) on the phone, for a day in places with no signal.
import { useMemo, useState } from 'react';
import { MONITORED_KINDS } from '@engine';
import { Link, navigate, useLocation } from '../../app/router';
import { OfflineError } from '../../api/http';
import type { Division, FormSummary, HouseholdSummary, Paged } from '../../api/types';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { QueueLine } from '../../components/QueueNotice';
import { KindBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { countHouseholds, filterOf, householdIn, returnedFirst, type HouseholdGlance, type UnregisteredGlance } from '../../glance/glance';
import { FormStates } from '../../glance/GlanceBadge';
import { filterFromQuery, StateFilter } from '../../glance/StateFilter';
import { useGlance } from '../../glance/useGlance';
import { t } from '../../i18n/t';
import { cachedGet } from '../../offline/cachedGet';
import { downloadVillage } from '../../offline/downloadVillage';
import { keptVillage } from '../../offline/keptVillage';
import { useQueue } from '../../offline/useQueue';

const KINDS = ['', '脱贫户', '监测户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户', '一般农户'];
const PAGE_SIZE = 30;

/** The village's households as the server (or, with no signal, the downloaded village) lists them. */
async function listHouseholds(code: string, filter: { kind: string; q: string; pageSize: number }) {
  const params = new URLSearchParams({ division: code, pageSize: String(filter.pageSize) });
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.q) params.set('q', filter.q);
  try {
    return await cachedGet<Paged<HouseholdSummary>>(`/api/households?${params}`);
  } catch (error) {
    // No signal and this very list never opened: the downloaded village, filtered here.
    const village = error instanceof OfflineError ? await keptVillage(code, filter) : null;
    if (!village) throw error;
    return village;
  }
}

export function HouseholdsPage({ code }: { code: string }) {
  const { query } = useLocation();
  const kind = query.get('kind') ?? '';
  const q = query.get('q') ?? '';
  const state = filterFromQuery(query.get('state'));
  const [search, setSearch] = useState(q);
  const [pages, setPages] = useState(1);
  const [download, setDownload] = useState<string | null>(null);
  const divisions = useLoad(() => cachedGet<{ items: Division[] }>('/api/divisions'), []);
  const forms = useLoad(() => cachedGet<{ items: FormSummary[] }>('/api/forms'), []);
  const glance = useGlance(code);
  const withStates = glance.glance !== null;
  // A search also finds members by name or ID number: the server (or the downloaded village) says which households.
  const found = useLoad(async () => (q ? new Set((await listHouseholds(code, { kind: '', q, pageSize: 200 })).data.items.map((h) => h.id)) : null), [code, q]);
  // Without states (never read, no signal): the plain list, as before.
  const plain = useLoad(async () => (glance.error ? listHouseholds(code, { kind, q, pageSize: PAGE_SIZE * pages }) : null), [glance.error, code, kind, q, pages]);
  const village = divisions.value?.data.items.find((d) => d.code === code);
  // 我的村 leads straight back here when it has only this village: back to 我的待办 then.
  const oneVillage = (divisions.value?.data.items ?? []).filter((d) => d.code.length === 12).length <= 1;
  const identification = (forms.value?.data.items ?? []).filter((f) => f.createsHousehold);
  const setFilter = (next: { kind?: string; q?: string; state?: string }) => {
    const params = new URLSearchParams();
    const k = next.kind ?? kind;
    const s = next.q ?? q;
    const st = next.state ?? state;
    if (k) params.set('kind', k);
    if (s) params.set('q', s);
    if (st) params.set('state', st);
    setPages(1);
    navigate(`/villages/${code}${params.size ? `?${params}` : ''}`, { replace: true });
  };
  const matching = useMemo(() => {
    const kinds: readonly string[] = kind === '监测户' ? MONITORED_KINDS : kind ? [kind] : [];
    return (glance.glance?.households ?? []).filter((h) => (kinds.length === 0 || kinds.includes(h.kind ?? ''))
      && (!q || h.headName.includes(q) || h.headIdNumber === q || found.value?.has(h.id)));
  }, [glance.glance, kind, q, found.value]);
  const counts = countHouseholds(matching);
  const rows = returnedFirst(state ? matching.filter((h) => householdIn(h, state)) : matching);
  const queued = useQueue();
  return (
    <Layout title={village ? t('villageHouseholds', { village: village.name }) : t('households')} back={oneVillage ? '/todo' : '/villages'}>
      <div className="filters">
        {withStates ? <StateFilter chosen={state} counts={counts} onChoose={(st) => setFilter({ state: st })} /> : null}
        {/* biome-ignore lint/a11y/useSemanticElements: a row of large tap-target buttons (officers on phones), as StateFilter's; a fieldset would add its own border and min-width to the wrapping row. */}
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
      {withStates ? (
        <>
          <StaleNote since={glance.staleSince} />
          <p className="muted">{t('householdCount', { n: rows.length })}</p>
          <ul className="card-list households">
            {rows.slice(0, PAGE_SIZE * pages).map((h) => <HouseholdCard key={h.id} household={h} />)}
          </ul>
          {rows.length === 0 ? <p className="empty">{t('noHouseholds')}</p> : null}
          {rows.length > PAGE_SIZE * pages ? <button type="button" className="load-more" onClick={() => setPages((n) => n + 1)}>{t('loadMore')}</button> : null}
          <Identifications items={(glance.glance?.unregistered ?? []).filter((u) => !state || filterOf(u.state) === state)} />
        </>
      ) : (
        <>
          <StaleNote since={plain.value?.staleSince ?? null} />
          {plain.error ? <ErrorMessage message={plain.error} retry={plain.reload} /> : null}
          {plain.value ? <p className="muted">{t('householdCount', { n: plain.value.data.total })}</p> : null}
          <ul className="card-list households">
            {(plain.value?.data.items ?? []).map((h) => (
              <li key={h.id}>
                <Link to={`/households/${h.id}`} className="card-link">
                  <strong>{h.headName}</strong> <KindBadge kind={h.kind} />
                  <span className="muted">{t('memberCount', { n: h.memberCount })} · {h.address ?? ''}</span>
                  {queued.filter((d) => d.householdId === h.id).map((d) => <span key={d.id} className="queue-item">{d.formTitle}：<QueueLine draft={d} /></span>)}
                </Link>
              </li>
            ))}
          </ul>
          {plain.value && plain.value.data.items.length === 0 ? <p className="empty">{t('noHouseholds')}</p> : null}
          {plain.value && plain.value.data.items.length < plain.value.data.total ? (
            <button type="button" className="load-more" onClick={() => setPages((n) => n + 1)}>{t('loadMore')}</button>
          ) : null}
        </>
      )}
      {glance.loading || plain.loading ? <Loading /> : null}
      <div className="page-actions">
        <Link to={`/villages/${code}/verification`} className="button">重点核查户</Link>
        <Link to={`/deliberation?village=${code}`} className="button">评议公示</Link>
        {identification.map((form) => (
          <Link key={form.id} to={`/start/${form.id}?division=${code}`} className="button">
            + {t('newIdentification')}：{form.title}
          </Link>
        ))}
        <button type="button" disabled={download !== null && !download.startsWith('✓')} onClick={() => {
          setDownload('…');
          downloadVillage(code, (done, total) => setDownload(`${done}/${total}`))
            .then((n) => {
              setDownload(`✓ 已下载 ${n} 户，可离线填报`);
              glance.reload();
            })
            .catch(() => setDownload(t('networkError')));
        }}>
          离线下载本村数据{download ? `（${download}）` : ''}
        </button>
      </div>
    </Layout>
  );
}

function HouseholdCard({ household: h }: { household: HouseholdGlance }) {
  return (
    <li>
      <Link to={`/households/${h.id}`} className="card-link">
        <strong>{h.headName}</strong> <KindBadge kind={h.kind ?? undefined} />
        <span className="muted">{t('memberCount', { n: h.memberCount })} · {h.address ?? ''}</span>
        <FormStates forms={h.forms} />
      </Link>
    </li>
  );
}

/** Identifications of the village not yet approved (no household until then), on the server or only here. */
function Identifications({ items }: { items: UnregisteredGlance[] }) {
  if (items.length === 0) return null;
  return (
    <section className="panel">
      <h2>{t('newIdentifications')}</h2>
      <ul className="card-list">
        {items.map((u) => (
          <li key={u.id}>
            <Link to={`/fill/${u.id}`} className="card-link">
              <strong>{u.headName || t('noHeadYet')}</strong>
              <FormStates forms={[u]} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
