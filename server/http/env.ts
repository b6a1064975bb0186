// The Hono environment of every route: the authenticated session, if any, set by `authenticate`.
import type { ActiveSession } from '../auth/sessions';

export interface AppEnv {
  Variables: {
    auth: ActiveSession | null;
  };
}
