// A write from one of the 民主评议 / 公示 forms: busy while it runs, the server's refusal in its
// own words (a 409 says someone changed the submission first), done() after it is saved.
import { useState } from 'react';
import { ApiError, OfflineError } from '../api/http';
import { t } from '../i18n/tDeliberation';

export function useSave(done: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      done();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : e instanceof OfflineError ? t('networkError') : t('serverError'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, save, setError };
}
