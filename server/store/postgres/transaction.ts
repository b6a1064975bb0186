// Runs work in one transaction on one connection: committed when it resolves, rolled back when it
// throws. Read committed, with the rows a write depends on locked (SELECT ... FOR UPDATE) or
// checked in the UPDATE itself: what SQLite's single writer gives for free. A deadlock or a
// serialization failure between server instances is retried from the start: the work only
// touches the database, so running it again is safe.
import type pg from 'pg';

const RETRIED = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

async function once<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    // A connection that cannot even roll back is dropped, not handed to the next caller.
    await client.query('ROLLBACK').catch((e: Error) => { broken = e; });
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(pool, 'BEGIN', work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || code === undefined || !RETRIED.has(code)) throw error;
    }
  }
}

/** Several reads that must agree (a count and its page): one read-only snapshot. */
export function snapshot<T>(pool: pg.Pool, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return once(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', read);
}
