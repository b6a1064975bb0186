// A household: its base data and members from the registry (ID numbers masked: they are shown
// whole in the form's fields), its submissions across forms and campaigns (and drafts still only
// on this phone), and the published forms to fill for it.
import { useEffect } from 'react';
import { Link } from '../../app/router';
import type { FormSummary, HouseholdDetail } from '../../api/types';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { maskIdNumber } from '../../components/maskIdNumber';
import { QueueLine } from '../../components/QueueNotice';
import { KindBadge, StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/t';
import { cachedGet } from '../../offline/cachedGet';
import { onDraftChanged } from '../../offline/draftEvents';
import { draftsOfHousehold } from '../../offline/drafts';
import { HouseholdWarnings } from '../../verification/HouseholdWarnings';

export function HouseholdPage({ id }: { id: string }) {
  const household = useLoad(() => cachedGet<HouseholdDetail>(`/api/households/${id}`), [id]);
  const forms = useLoad(() => cachedGet<{ items: FormSummary[] }>('/api/forms'), []);
  const drafts = useLoad(() => draftsOfHousehold(id), [id]);
  // The queue sending in the background changes what is shown here.
  useEffect(() => onDraftChanged(drafts.reload), [drafts.reload]);
  // Keep the forms' definitions on the phone: the next visit may have no signal.
  useEffect(() => {
    for (const form of forms.value?.data.items ?? []) void cachedGet(`/api/forms/${form.id}`).catch(() => {});
  }, [forms.value]);
  const h = household.value?.data;
  const serverIds = new Set(h?.submissions.map((s) => s.id));
  const localOnly = (drafts.value ?? []).filter((d) => !serverIds.has(d.id));
  const queued = new Map((drafts.value ?? []).filter((d) => d.pending).map((d) => [d.id, d]));
  const fillable = (forms.value?.data.items ?? []).filter((f) => f.forHousehold);
  return (
    <Layout title={h?.headName ?? t('households')} back={h ? `/villages/${h.divisionCode}` : '/villages'}>
      {household.loading ? <Loading /> : null}
      {household.error ? <ErrorMessage message={household.error} retry={household.reload} /> : null}
      <StaleNote since={household.value?.staleSince ?? null} />
      {h ? (
        <>
          <section className="panel">
            <h2>{t('baseData')} <KindBadge kind={h.kind} /></h2>
            <dl className="facts">
              <dt>户主</dt><dd>{h.headName}</dd>
              <dt>证件号码</dt><dd>{maskIdNumber(h.headIdNumber)}</dd>
              <dt>联系电话</dt><dd>{h.phone ?? '—'}</dd>
              <dt>家庭住址</dt><dd>{h.address ?? '—'}</dd>
              {h.identifiedMonth ? (<><dt>纳入监测</dt><dd>{h.identifiedMonth}</dd></>) : null}
              {h.riskEliminatedMonth ? (<><dt>风险消除</dt><dd>{h.riskEliminatedMonth}（{h.riskEliminationMethod ?? ''}）</dd></>) : null}
            </dl>
          </section>
          <HouseholdWarnings householdId={h.id} />
          <section className="panel">
            <h2>{t('members')}（{t('memberCount', { n: h.members.length })}）</h2>
            <ul className="members">
              {h.members.map((m) => (
                <li key={m.idNumber}><strong>{m.name}</strong> {m.relation} · {m.gender ?? ''} · {maskIdNumber(m.idNumber)}{m.health && m.health !== '健康' ? ` · ${m.health}` : ''}</li>
              ))}
            </ul>
          </section>
          <section className="panel">
            <h2>{t('householdSubmissions')}</h2>
            {h.submissions.length === 0 && localOnly.length === 0 ? <p className="empty">{t('noSubmissions')}</p> : null}
            <ul className="card-list">
              {localOnly.map((d) => (
                <li key={d.id}>
                  <Link to={`/fill/${d.id}`} className="card-link">
                    <strong>{d.formTitle}</strong> {d.serverStatus ? <StatusBadge status={d.serverStatus} /> : d.pending ? null : <StatusBadge status="local" />}
                    <span className="muted">{new Date(d.updatedAt).toLocaleString('zh-CN')}</span>
                    <QueueLine draft={d} />
                  </Link>
                </li>
              ))}
              {h.submissions.map((s) => (
                <li key={s.id}>
                  <Link to={`/fill/${s.id}`} className="card-link">
                    <strong>{s.formTitle}</strong> <StatusBadge status={s.status} />
                    {queued.has(s.id) ? <QueueLine draft={queued.get(s.id)!} /> : null}
                    <span className="muted">{s.campaignTitle} · {new Date(s.updatedAt).toLocaleString('zh-CN')}</span>
                    {s.status === 'returned' && s.returnComment ? <span className="return-comment">{t('returnedBy', { comment: s.returnComment })}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel">
            <h2>{t('fillForm')}</h2>
            <ul className="card-list">
              {fillable.map((form) => (
                <li key={form.id}>
                  <Link to={`/start/${form.id}?household=${h.id}`} className="card-link">
                    <strong>{form.title}</strong>
                    <span className="muted">{form.campaigns.map((c) => c.title).join('、')}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </Layout>
  );
}
