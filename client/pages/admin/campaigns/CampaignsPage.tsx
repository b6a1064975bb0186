// Campaigns: the list (open or closed, what a clone left to confirm, forms, parameters), next
// year's campaign made by cloning one (its forms and versions, parameters with dates a year on and
// divisions, with a new id, title and year; optionally closing the old one), a new campaign from
// scratch, and each opened or closed in one click.
import { useState } from 'react';
import { Link, navigate } from '../../../app/router';
import type { AdminFormSummary, Campaign, CampaignParameters } from '../../../api/types';
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { ActionMessage, useAction } from '../components/useAction';
import { CampaignForms } from './CampaignForms';
import { ParameterFields } from './ParameterFields';
import { useDeclarations } from './useDeclarations';

/** "2021-lookback" -> "2022-lookback", "2021年…" -> "2022年…". */
export function nextYearOf(text: string, year: number): string {
  return text.split(String(year)).join(String(year + 1));
}

function CloneForm({ source, onDone }: { source: Campaign; onDone(): void }) {
  const [id, setId] = useState(() => nextYearOf(source.id, source.year));
  const [title, setTitle] = useState(() => nextYearOf(source.title, source.year));
  const [year, setYear] = useState(source.year + 1);
  const [closeSource, setCloseSource] = useState(false);
  const action = useAction();
  const submit = async () => {
    const created = await action.run(() => adminApi.createCampaign({ id: id.trim(), title: title.trim(), year, cloneFrom: source.id, closeSource }));
    if (created) navigate(`/admin/campaigns/${created.id}`);
  };
  return (
    <form className="admin-form" aria-label={t('ad_cloneOf', { title: source.title })} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p className="wide-field">{t('ad_cloneExplain', { title: source.title })}</p>
      <label>{t('ad_campaignId')}<input value={id} onChange={(e) => setId(e.target.value)} required /></label>
      <label>{t('ad_campaignTitle')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
      <label>{t('ad_year')}<input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} required /></label>
      <label className="check"><input type="checkbox" checked={closeSource} onChange={(e) => setCloseSource(e.target.checked)} />{t('ad_closeSource', { title: source.title })}</label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{t('ad_clone')}</button>
        <button type="button" onClick={onDone}>{t('ad_cancel')}</button>
        <ActionMessage action={action} />
      </div>
    </form>
  );
}

function NewCampaignForm({ forms, onDone }: { forms: AdminFormSummary[]; onDone(): void }) {
  const thisYear = new Date().getFullYear();
  const [id, setId] = useState(String(thisYear));
  const [year, setYear] = useState(thisYear);
  const [title, setTitle] = useState(`${thisYear}年度防返贫监测动态调整和信息采集`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [parameters, setParameters] = useState<CampaignParameters>({});
  const declarations = useDeclarations(chosen);
  const action = useAction();
  const submit = async () => {
    const created = await action.run(() => adminApi.createCampaign({ id: id.trim(), title: title.trim(), year, forms: chosen, parameters }));
    if (created) navigate(`/admin/campaigns/${created.id}`);
  };
  return (
    <form className="admin-form" aria-label={t('ad_newCampaign')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>{t('ad_campaignId')}<input value={id} onChange={(e) => setId(e.target.value)} required /></label>
      <label>{t('ad_campaignTitle')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
      <label>{t('ad_year')}<input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} required /></label>
      <CampaignForms forms={forms} chosen={chosen} onChange={setChosen} className="wide-field" />
      <fieldset className="wide-field">
        <legend>{t('ad_parameters')}</legend>
        <ParameterFields declarations={declarations} value={parameters} onChange={setParameters} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{t('ad_createCampaign')}</button>
        <button type="button" onClick={onDone}>{t('ad_cancel')}</button>
        <ActionMessage action={action} />
      </div>
    </form>
  );
}

function parameterSummary(c: Campaign): string {
  const p = c.parameters;
  const parts: string[] = [];
  if (p.incomeLine !== undefined) parts.push(t('ad_summaryIncomeLine', { value: String(p.incomeLine) }));
  if (p.incomePeriodStart !== undefined) parts.push(t('ad_summaryPeriod', { from: String(p.incomePeriodStart), to: String(p.incomePeriodEnd ?? '') }));
  if (p.referenceDate !== undefined) parts.push(t('ad_summaryReference', { date: String(p.referenceDate) }));
  return parts.join('；');
}

export function CampaignsPage() {
  const campaigns = useLoad(adminApi.campaigns, []);
  const forms = useLoad(adminApi.forms, []);
  const [cloning, setCloning] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const toggle = useAction();
  const titles = new Map((forms.value ?? []).map((f) => [f.id, f.title]));
  return (
    <Layout title={t('ad_campaigns')} back="/admin" wide actions={<button type="button" onClick={() => setCreating(true)}>{t('ad_newCampaign')}</button>}>
      {creating ? <section className="panel"><h2>{t('ad_newCampaign')}</h2><NewCampaignForm forms={forms.value ?? []} onDone={() => setCreating(false)} /></section> : null}
      {campaigns.loading && !campaigns.value ? <Loading /> : null}
      {campaigns.error ? <ErrorMessage message={campaigns.error} retry={campaigns.reload} /> : null}
      <ActionMessage action={toggle} onReload={() => { toggle.clear(); campaigns.reload(); }} />
      <ul className="campaign-list">
        {(campaigns.value ?? []).map((c) => (
          <li key={c.id} className="panel">
            <h2>
              <Link to={`/admin/campaigns/${c.id}`}>{c.title}</Link>
              <span className={`badge ${c.status === 'open' ? 'status-approved' : 'status-draft'}`}>{t(c.status === 'open' ? 'ad_open' : 'ad_closed')}</span>
              {c.unconfirmed?.length ? <span className="badge status-submitted">{t('ad_unconfirmedCount', { n: c.unconfirmed.length })}</span> : null}
            </h2>
            <p className="muted">{c.id === String(c.year) ? c.id : `${c.id} · ${c.year}`} · {parameterSummary(c)}</p>
            <p>{c.forms.map((id) => titles.get(id) ?? id).join('、')}</p>
            <div className="page-actions">
              <Link className="button" to={`/admin/campaigns/${c.id}`}>{t('ad_edit')}</Link>
              <button type="button" onClick={() => setCloning(cloning === c.id ? null : c.id)} aria-expanded={cloning === c.id}>{t('ad_cloneNextYear')}</button>
              <button type="button" disabled={toggle.busy} onClick={() => void toggle.run(async () => {
                await adminApi.updateCampaign(c.id, c.revision, { status: c.status === 'open' ? 'closed' : 'open' });
                campaigns.reload();
              })}>{t(c.status === 'open' ? 'ad_close' : 'ad_reopen')}</button>
            </div>
            {cloning === c.id ? <CloneForm source={c} onDone={() => setCloning(null)} /> : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
