// Opens the connection pool as the store needs it: every connection works in the chosen schema
// (search_path), so several deployments or test runs can share one database. Durability is left
// at the server's setting (synchronous_commit=on by default: COMMIT returns once the WAL is
// flushed); nothing here lowers it, nor forces a level that could be weaker than a configured one.
import pg from 'pg';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /** The schema the tables live in (created by migrate); unset: the role's default search_path. */
  schema?: string;
  /** Most connections this server opens (default 10). */
  maxConnections?: number;
  /** An idle connection broke (the database restarted...): the next query reports it too. */
  onIdleError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function openPool(options: PostgresOptions): pg.Pool {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`模式名 ${options.schema} 不可用：只能用小写字母、数字和下划线，且不以数字开头`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/** Where a query runs: the pool (one statement) or a transaction's connection. */
export type Db = pg.Pool | pg.PoolClient;
