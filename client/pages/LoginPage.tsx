// 登录: username and password; the server's own message on refusal (wrong password, too many
// attempts with the wait, a disabled account).
import { useState, type FormEvent } from 'react';
import { navigate } from '../app/router';
import { useSession } from '../app/SessionContext';
import { ApiError, OfflineError } from '../api/http';
import { t } from '../i18n/t';

export function LoginPage({ next }: { next?: string }) {
  const { login, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(expired ? t('loginRequired') : null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : e instanceof OfflineError ? t('networkError') : t('serverError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit}>
        <h1>{t('appName')}</h1>
        <p className="subtitle">{t('appSubtitle')}</p>
        <label htmlFor="username">{t('username')}</label>
        <input id="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="password">{t('password')}</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error ? <p className="error-box" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('loggingIn') : t('login')}</button>
      </form>
    </div>
  );
}
