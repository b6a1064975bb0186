// Loads something for a page (usually a cachedGet): loading, the value, when it is the phone's
// stale copy, and the error in Chinese; reload() asks again.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, OfflineError } from '../api/http';
import { t } from '../i18n/t';

export interface Loaded<T> {
  value: T | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load is a new closure on every render; the caller lists what it reads in deps (as for useEffect), and round re-runs it on reload().
  useEffect(() => {
    let active = true;
    setLoading(true);
    setError(null);
    load()
      .then((v) => active && setValue(v))
      .catch((e) => {
        if (!active) return;
        setError(e instanceof ApiError ? e.message : e instanceof OfflineError ? t('networkError') : t('serverError'));
      })
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { value, loading, error, reload };
}
