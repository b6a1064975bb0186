// Every page's frame: a header with the way back, the page title and the user, the network
// banner, then the page. Narrow screens first; wider ones get a centred column.
import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { useSession } from '../app/SessionContext';
import { t } from '../i18n/t';
import { AppLanguageToggle } from './LanguagePicker';
import { SyncIndicator } from './SyncIndicator';

export function Layout({ title, back, children, wide = false, actions }: { title: string; back?: string; children: ReactNode; wide?: boolean; actions?: ReactNode }) {
  const { user, logout } = useSession();
  return (
    <div className={`page${wide ? ' wide' : ''}`}>
      <header className="top-bar">
        {back ? <Link to={back} className="back" aria-label={t('back')}>‹</Link> : <span className="brand">{t('appName')}</span>}
        <h1>{title}</h1>
        <div className="top-actions">
          {actions}
          <AppLanguageToggle />
          {user ? (
            <button type="button" className="link user" onClick={() => void logout().then(() => window.location.assign('/login'))} title={t('logout')}>
              {user.displayName} · {t('logout')}
            </button>
          ) : null}
        </div>
      </header>
      <SyncIndicator />
      <main>{children}</main>
    </div>
  );
}

export function Loading() {
  return <p className="loading" role="status">{t('loading')}</p>;
}

export function ErrorMessage({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      {message}
      {retry ? <button type="button" onClick={retry}>{t('retry')}</button> : null}
    </div>
  );
}

export function StaleNote({ since }: { since: string | null }) {
  if (!since) return null;
  return <p className="stale" role="status">{t('offlineCached', { time: new Date(since).toLocaleString('zh-CN') })}</p>;
}
