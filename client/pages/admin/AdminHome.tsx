// The administrator's start page: the kinds of work, each a card (行政区划 first: a new county starts there),
// and the links residents apply from.
import { Link } from '../../app/router';
import { Layout } from '../../components/Layout';
import { t } from '../../i18n/tAdmin';
import { ApplyLinks } from './ApplyLinks';

const CARDS = [
  { to: '/admin/divisions', title: 'dv_title', text: 'dv_hint' },
  { to: '/admin/campaigns', title: 'ad_campaigns', text: 'ad_campaignsHint' },
  { to: '/admin/forms', title: 'ad_forms', text: 'ad_formsHint' },
  { to: '/admin/users', title: 'ad_users', text: 'ad_usersHint' },
  { to: '/admin/households/import', title: 'ad_import', text: 'ad_importHint' },
  { to: '/admin/warnings/import', title: 'ad_warningImport', text: 'ad_warningImportHint' },
] as const;

export function AdminHome() {
  return (
    <Layout title={t('ad_title')} wide>
      <ul className="admin-cards">
        {CARDS.map((card) => (
          <li key={card.to}>
            <Link to={card.to} className="admin-card">
              <strong>{t(card.title)}</strong>
              <span className="muted">{t(card.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <ApplyLinks />
    </Layout>
  );
}
