// Who is signed in. Asked of the server at start; with no network the last signed-in user is
// taken from the phone, so the officer can keep filling drafts (sending waits for the network
// and, if the session ended meanwhile, for a new login). "Expired" means a session this phone
// had has ended — never said to a first visitor, who simply has none yet. 退出 with no signal is
// finished by the next start with a signal.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, OfflineError, onUnauthenticated, setCsrfToken } from '../api/http';
import { onSessionRenewed } from '../api/renewSession';
import type { LoginRequest, Session, User } from '../api/types';
import { getMeta, setMeta } from '../offline/db';

interface SessionValue {
  user: User | null;
  /** The user comes from the phone: the server could not be asked. */
  offlineUser: boolean;
  loading: boolean;
  /** The server said the session ended: log in again (local drafts are kept). */
  expired: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

let early: Promise<Session> | null = null;

/** Asks who is signed in as the app's script starts, before React renders (main.tsx). */
export function askSessionEarly(): void {
  early = api<Session>('GET', '/api/session');
  early.catch(() => {});
}

/** The answer asked for early (once), or asked now. */
function askSession(): Promise<Session> {
  const asked = early ?? api<Session>('GET', '/api/session');
  early = null;
  return asked;
}

/**
 * Ends the server's session. With no signal (or a server that cannot be reached) the phone keeps
 * that it is still to be ended, and the next start that finds the session open ends it: a phone
 * handed on after 退出 never opens as the officer who left.
 */
async function endSession(): Promise<void> {
  await setMeta('logoutPending', true);
  const ended = await api('DELETE', '/api/session').then(() => true, (error: unknown) => !(error instanceof OfflineError));
  setCsrfToken('');
  if (ended) await setMeta('logoutPending', false);
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [offlineUser, setOfflineUser] = useState(false);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let active = true;
    askSession()
      .then(async (session) => {
        // 退出 tapped with no signal left the server's session open: it ends now, as the officer asked.
        if (await getMeta<boolean>('logoutPending')) {
          await endSession();
          return;
        }
        setCsrfToken(session.csrfToken);
        // Kept for an app opened with no signal; the page does not wait for the phone's write.
        void setMeta('lastUser', session.user).catch(() => {});
        if (active) setUser(session.user);
      })
      .catch(async (error) => {
        if (error instanceof OfflineError) {
          const last = await getMeta<User>('lastUser');
          if (active && last) {
            setUser(last);
            setOfflineUser(true);
          }
        } else if (error instanceof ApiError) {
          // Someone signed in on this phone before and never logged out: their session ended.
          if (error.status === 401 && active && (await getMeta<User>('lastUser'))) setExpired(true);
        } else {
          throw error;
        }
      })
      .finally(() => active && setLoading(false));
    const stop = onUnauthenticated(() => setExpired(true));
    // The queue asked again once the network was back (an app opened with no signal).
    const stopRenewed = onSessionRenewed((renewed) => {
      setUser(renewed);
      setOfflineUser(false);
      setExpired(false);
      void setMeta('lastUser', renewed);
    });
    return () => {
      active = false;
      stop();
      stopRenewed();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api<Session>('POST', '/api/session', { username, password } satisfies LoginRequest);
    await setMeta('logoutPending', false);
    setCsrfToken(session.csrfToken);
    await setMeta('lastUser', session.user);
    setUser(session.user);
    setOfflineUser(false);
    setExpired(false);
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    await setMeta('lastUser', null);
    await endSession();
    setUser(null);
  }, []);

  return <SessionContext.Provider value={{ user, offlineUser, loading, expired, login, logout }}>{children}</SessionContext.Provider>;
}
