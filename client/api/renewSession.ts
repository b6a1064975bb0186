// Asks the server again who is signed in, for the CSRF token an app opened with no signal never
// had (or one a new session replaced). Says whether the session is still there; when it is gone
// the app is told, so it asks the officer to log in again. No network: throws OfflineError.
import { api, ApiError, notifyUnauthenticated, setCsrfToken } from './http';
import type { Session, User } from './types';

const renewedListeners = new Set<(user: User) => void>();

/** Called with the user each time the session is confirmed (the app leaves its offline mode). */
export function onSessionRenewed(listener: (user: User) => void): () => void {
  renewedListeners.add(listener);
  return () => renewedListeners.delete(listener);
}

export async function renewSession(): Promise<boolean> {
  try {
    const session = await api<Session>('GET', '/api/session');
    setCsrfToken(session.csrfToken);
    for (const listener of renewedListeners) listener(session.user);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken('');
      notifyUnauthenticated();
      return false;
    }
    throw error;
  }
}
