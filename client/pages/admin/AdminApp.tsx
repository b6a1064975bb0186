// The administrator's pages, loaded only when opened (the officer's phone never downloads them):
// campaigns, forms and their builder, users, the household import, and the divisions (行政区划). Desk-sized (Layout wide).
import { matchPath, useLocation } from '../../app/router';
import { useSession } from '../../app/SessionContext';
import { ErrorMessage, Layout } from '../../components/Layout';
import { t } from '../../i18n/tAdmin';
import { AdminHome } from './AdminHome';
import { BuilderPage } from './builder/BuilderPage';
import { CampaignPage } from './campaigns/CampaignPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { DivisionsPage } from './divisions/DivisionsPage';
import { FormPage } from './forms/FormPage';
import { FormsPage } from './forms/FormsPage';
import { ImportPage } from './households/ImportPage';
import { WarningImportPage } from './warnings/WarningImportPage';
import { UsersPage } from './users/UsersPage';
import './admin.css';

export default function AdminApp() {
  const { user } = useSession();
  const { path } = useLocation();
  if (user?.role !== 'admin') return <Layout title={t('ad_title')} back="/"><ErrorMessage message={t('ad_adminOnly')} /></Layout>;
  let m: Record<string, string> | null;
  if ((m = matchPath('/admin/campaigns/:id', path))) return <CampaignPage id={m.id!} />;
  if (path === '/admin/campaigns' || path === '/admin/campaigns/') return <CampaignsPage />;
  if ((m = matchPath('/admin/forms/:id/edit', path))) return <BuilderPage formId={m.id!} />;
  if ((m = matchPath('/admin/forms/:id', path))) return <FormPage formId={m.id!} />;
  if (path === '/admin/forms' || path === '/admin/forms/') return <FormsPage />;
  if (matchPath('/admin/users', path)) return <UsersPage />;
  if (matchPath('/admin/households/import', path)) return <ImportPage />;
  if (matchPath('/admin/warnings/import', path)) return <WarningImportPage />;
  if (matchPath('/admin/divisions', path)) return <DivisionsPage />;
  return <AdminHome />;
}
