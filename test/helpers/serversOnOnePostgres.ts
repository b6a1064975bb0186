// Several real servers (server/main.ts in child processes) on one fresh PostgreSQL schema, with
// the demo township, and a client that speaks to any of them: a session made on one is a cookie
// and a CSRF token that every server honours, since sessions live in the database. For tests of
// what several stateless servers on one database must hold together (multiServer.test.ts).
import { startServerProcess, type ServerProcess } from './serverProcess';
import { callWith, logInOverHttp, overHttp, type Session } from './testClient';
import { dropTestSchema, newTestSchema } from './testServer';

export type { Session } from './testClient';

export const DEMO_PASSWORD = 'demo-pass-2021';
export const ADMIN_PASSWORD = 'admin-pass-2021';

export interface Answer<T = any> {
  status: number;
  body: T;
  /** The server that answered (its index). */
  server: number;
}

export interface ServersOnOnePostgres {
  schema: string;
  servers: ServerProcess[];
  /** Logs in on server `on`; the session is good on every server. Default password: the demo's (the admin's for admin). */
  logIn(username: string, on?: number, password?: string): Promise<Session>;
  /** One request to server `on` (indexes wrap round), as a browser with `session` sends it. */
  call<T = any>(on: number, session: Session | null, method: string, path: string, body?: unknown): Promise<Answer<T>>;
  /** Stops every server and drops the schema. */
  close(): Promise<void>;
}

/** Starts `count` servers at once on a new schema of the database at `url`, the demo township seeded once. */
export async function startServersOnOnePostgres(url: string, count: number): Promise<ServersOnOnePostgres> {
  const schema = newTestSchema();
  const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema, DEMO: '1', DEMO_PASSWORD, ADMIN_PASSWORD };
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServerProcess(env)));
  const servers = started.filter((s): s is PromiseFulfilledResult<ServerProcess> => s.status === 'fulfilled').map((s) => s.value);
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await dropTestSchema(url, schema);
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }

  const call = async <T,>(on: number, session: Session | null, method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const server = on % servers.length;
    const { status, body: answer } = await callWith<T>(overHttp(servers[server]!.url), session, method, path, body);
    return { status, body: answer, server };
  };

  const logIn = (username: string, on = 0, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD): Promise<Session> =>
    logInOverHttp(servers[on % servers.length]!.url, username, password);

  return { schema, servers, logIn, call, close };
}
