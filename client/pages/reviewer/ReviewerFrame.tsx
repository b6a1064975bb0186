// The frame of every reviewer page, for a desk (wide) but usable on a phone: the tabs
// (审核, 填报进度, 数据质量, 重点核查户), the form and campaign being looked at, the area tree beside the
// content (above it on a narrow screen), then the page.
import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import { Layout } from '../../components/Layout';
import { t } from '../../i18n/tReviewer';
import { t as tDeliberation } from '../../i18n/tDeliberation';
import { useCatalog } from './ReviewerCatalog';

export type ReviewerTab = 'submissions' | 'progress' | 'quality' | 'verification' | 'deliberation';

export interface FrameSelection {
  formId?: string;
  campaign?: string;
  division?: string;
}

function tabHref(tab: ReviewerTab, s: FrameSelection): string {
  const params = new URLSearchParams();
  if (tab === 'quality' && s.formId) params.set('form', s.formId);
  if (s.campaign) params.set('campaign', s.campaign);
  if (s.division) params.set('division', s.division);
  const query = params.toString() ? `?${params}` : '';
  if (tab === 'quality') return `/review/quality${query}`;
  if (tab === 'verification') return `/review/verification${s.division ? `?division=${s.division}` : ''}`;
  if (tab === 'deliberation') return `/review/deliberation${s.division ? `?division=${s.division}` : ''}`;
  const formId = s.formId ?? '';
  return tab === 'submissions' ? `/review/forms/${encodeURIComponent(formId)}${query}` : `/review/progress/${encodeURIComponent(formId)}${query}`;
}

interface Props {
  tab: ReviewerTab;
  selection: FrameSelection;
  onForm(formId: string | undefined): void;
  onCampaign(campaign: string | undefined): void;
  /** The table may show every campaign; progress counts one. */
  allCampaigns: boolean;
  /** Data quality may look at every form. */
  allForms?: boolean;
  side?: ReactNode;
  children: ReactNode;
}

export function ReviewerFrame({ tab, selection, onForm, onCampaign, allCampaigns, allForms = false, side, children }: Props) {
  const catalog = useCatalog();
  const campaigns = selection.formId ? catalog.campaignsOf(selection.formId) : catalog.campaigns;
  const tabs: [ReviewerTab, string][] = [['submissions', t('rv_tabSubmissions')], ['progress', t('rv_tabProgress')], ['quality', t('rv_tabQuality')], ['verification', t('rv_tabVerification')], ['deliberation', tDeliberation('dl_tab')]];
  return (
    <Layout title={t('rv_title')} wide>
      <div className="rv-bar">
        <nav className="rv-tabs" aria-label={t('rv_title')}>
          {tabs.map(([id, label]) => (
            selection.formId || id === 'quality' || id === 'verification' || id === 'deliberation'
              ? <Link key={id} to={tabHref(id, selection)} className={tab === id ? 'chosen' : ''} aria-current={tab === id ? 'page' : undefined}>{label}</Link>
              : <span key={id} className="rv-tab-off">{label}</span>
          ))}
        </nav>
        <label className="rv-pick">
          <span>{t('rv_form')}</span>
          <select value={selection.formId ?? ''} onChange={(e) => onForm(e.target.value || undefined)}>
            {allForms ? <option value="">{t('rv_allForms')}</option> : null}
            {catalog.forms.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
          </select>
        </label>
        {tab !== 'quality' && tab !== 'verification' ? (
          <label className="rv-pick">
            <span>{t('rv_campaign')}</span>
            <select value={selection.campaign ?? ''} onChange={(e) => onCampaign(e.target.value || undefined)}>
              {allCampaigns ? <option value="">{t('rv_allCampaigns')}</option> : null}
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.status === 'closed' ? t('rv_campaignClosed', { title: c.title }) : c.title}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <div className="rv-layout">
        {side ? <aside className="rv-side">{side}</aside> : null}
        <div className="rv-main">{children}</div>
      </div>
    </Layout>
  );
}
