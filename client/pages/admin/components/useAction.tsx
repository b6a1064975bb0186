// Runs one of the page's server actions: busy while it runs, the server's Chinese message (with
// its details, such as a 422's problems) when it fails, a short notice when it succeeds. A change
// refused because someone else changed the thing first (409 stale_revision) is marked `stale`:
// the page then offers to load the latest version, as the message asks.
import { useCallback, useState } from 'react';
import { ApiError, OfflineError } from '../../../api/http';
import { t } from '../../../i18n/tAdmin';

export interface Action {
  busy: boolean;
  error: string | null;
  /** The failed request's details (problems, rows…), as the server sent them. */
  details: unknown;
  notice: string | null;
  /** The change was made from a revision someone else has since replaced. */
  stale: boolean;
  run<T>(work: () => Promise<T>, notice?: string | ((value: T) => string)): Promise<T | undefined>;
  clear(): void;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof OfflineError) return t('networkError');
  return t('serverError');
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [details, setDetails] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const run = useCallback(async <T,>(work: () => Promise<T>, done?: string | ((value: T) => string)) => {
    setBusy(true);
    setError(null);
    setDetails(null);
    setNotice(null);
    setStale(false);
    try {
      const value = await work();
      if (done) setNotice(typeof done === 'function' ? done(value) : done);
      return value;
    } catch (e) {
      setError(messageOf(e));
      setDetails(e instanceof ApiError ? e.details : null);
      setStale(e instanceof ApiError && e.code === 'stale_revision');
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setNotice(null);
    setDetails(null);
    setStale(false);
  }, []);
  return { busy, error, details, notice, stale, run, clear };
}

/**
 * The action's outcome as a line under its form: the error (role alert) or the notice (status).
 * `onReload`: when the change was refused as stale, a button that loads the latest version.
 */
export function ActionMessage({ action, onReload }: { action: Action; onReload?: () => void }) {
  if (action.error) {
    return (
      <p className="action-error" role="alert">
        {action.error}
        {action.stale && onReload && <> <button type="button" onClick={onReload}>{t('reloadLatest')}</button></>}
      </p>
    );
  }
  if (action.notice) return <p className="action-notice" role="status">{action.notice}</p>;
  return null;
}
