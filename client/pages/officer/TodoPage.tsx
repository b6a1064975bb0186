// 我的待办, the officer's first page: what waits on the officer across the area, most urgent
// first — submissions the reviewers returned (with their comment), what this phone has not sent
// yet (and why), drafts not yet formally submitted, and the households that have not started a
// form their kind is expected to fill in an open campaign (by form, then household). Read from
// the household states kept on the phone and the phone's own drafts, so it works offline too.
import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { QueueLine } from '../../components/QueueNotice';
import { yearsNeeded, type FormGlance, type HouseholdGlance } from '../../glance/glance';
import { formLabel, GlanceBadge } from '../../glance/GlanceBadge';
import { useGlance } from '../../glance/useGlance';
import { t } from '../../i18n/t';
import { useQueue } from '../../offline/useQueue';

interface Item {
  form: FormGlance;
  headName: string;
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="panel todo-section" aria-label={title}>
      <h2>{title}（{count}）</h2>
      {children}
    </section>
  );
}

function ItemLink({ item, years }: { item: Item; years: boolean }) {
  const { form } = item;
  return (
    <li>
      <Link to={`/fill/${form.id}`} className="card-link">
        <strong>{item.headName || t('noHeadYet')}</strong> <GlanceBadge state={form.state} />
        <span className="muted">{formLabel(form, years)}</span>
        {form.state === 'returned' && form.returnComment ? <span className="return-comment">退回意见：{form.returnComment}</span> : null}
      </Link>
    </li>
  );
}

/** Households not started on a form, grouped by form (campaign and form), each household a link to start it. */
function NotStarted({ households, years }: { households: HouseholdGlance[]; years: boolean }) {
  const groups = new Map<string, { form: FormGlance; households: HouseholdGlance[] }>();
  for (const h of households) {
    for (const f of h.forms.filter((x) => x.state === 'unfilled')) {
      const key = `${f.campaignId}|${f.formId}`;
      const group = groups.get(key) ?? { form: f, households: [] };
      group.households.push(h);
      groups.set(key, group);
    }
  }
  return (
    <ul className="card-list">
      {[...groups.values()].map(({ form, households: hs }) => (
        <li key={`${form.campaignId}|${form.formId}`}>
          <details className="todo-group">
            <summary>{formLabel(form, years)}：{t('todoHouseholds', { n: hs.length })}</summary>
            <ul className="todo-households">
              {hs.map((h) => (
                <li key={h.id}>
                  <Link to={`/start/${encodeURIComponent(form.formId)}?household=${h.id}&campaign=${encodeURIComponent(form.campaignId ?? '')}`}>{h.headName}</Link>
                  {h.kind ? <span className="muted"> {h.kind}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}

export function TodoPage() {
  const { glance, staleSince, loading, error, reload } = useGlance();
  const unsent = useQueue();
  const items: Item[] = [
    ...(glance?.households ?? []).flatMap((h) => h.forms.map((form) => ({ form, headName: h.headName }))),
    ...(glance?.unregistered ?? []).map((u) => ({ form: u as FormGlance, headName: u.headName })),
  ];
  const returned = items.filter((i) => i.form.state === 'returned');
  const drafts = items.filter((i) => i.form.state === 'local' || i.form.state === 'saved');
  const notStarted = (glance?.households ?? []).filter((h) => h.forms.some((f) => f.state === 'unfilled'));
  const years = yearsNeeded(items.map((i) => i.form));
  const nothing = glance && returned.length + unsent.length + drafts.length + notStarted.length === 0;
  return (
    <Layout title={t('todo')}>
      <StaleNote since={staleSince} />
      {error && !glance ? <ErrorMessage message={error} retry={reload} /> : null}
      {loading && !glance ? <Loading /> : null}
      <Section title={t('todoReturned')} count={returned.length}>
        <ul className="card-list">{returned.map((i) => <ItemLink key={i.form.id} item={i} years={years} />)}</ul>
      </Section>
      <Section title={t('todoUnsent')} count={unsent.length}>
        <ul className="card-list">
          {unsent.map((d) => (
            <li key={d.id}>
              <Link to={`/fill/${d.id}`} className="card-link">
                <strong>{d.headName || t('noHeadYet')}</strong> <span className="muted">{d.formTitle}</span>
                <QueueLine draft={d} />
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('todoDrafts')} count={drafts.length}>
        <ul className="card-list">{drafts.map((i) => <ItemLink key={i.form.id} item={i} years={years} />)}</ul>
      </Section>
      <Section title={t('todoNotStarted')} count={notStarted.length}>
        <NotStarted households={notStarted} years={years} />
      </Section>
      {nothing ? <p className="empty">{t('todoNothing')}</p> : null}
      <div className="page-actions">
        <Link to="/villages" className="button primary">{t('allVillages')}</Link>
        <Link to="/deliberation" className="button">评议公示</Link>
      </div>
    </Layout>
  );
}
