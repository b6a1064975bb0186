// Runs work in one transaction on one connection: committed when it resolves, rolled back when it
// throws. Read committed, with the rows a write depends on locked (SELECT ... FOR UPDATE) or
// checked in the UPDATE itself: what SQLite's single writer gives for free. A deadlock or a
// serialization failure between server instances is retried from the start after a short,
// random pause (the work only touches the database, so running it again is safe); one that goes
// on is a StoreConflict('contended'), a 409 saying nothing was saved, never a 500.
import type pg from 'pg';
import { StoreConflict } from '../Store';

const RETRIED = new Set(['40P01', '40001']);
export const ATTEMPTS = 5;

/** Up to 20 ms, 40 ms, 80 ms…, at random: two transactions that collided do not start again together. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));

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
      if (code === undefined || !RETRIED.has(code)) throw error;
      if (attempt >= ATTEMPTS) throw new StoreConflict('contended', '数据库正忙：与同时进行的其他修改相互等待，本次未保存任何内容，请稍后重试');
      await pause(attempt);
    }
  }
}

/** Several reads that must agree (a count and its page): one read-only snapshot. */
export function snapshot<T>(pool: pg.Pool, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return once(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', read);
}
