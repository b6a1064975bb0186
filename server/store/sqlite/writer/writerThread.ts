// The SQLite writer thread: owns the one writing connection, takes the writes sent while it was
// busy (each message carries those of one turn of the server's event loop) and commits them
// together. While a commit waits on fsync, the server's main thread goes
// on serving requests, whose writes queue here for the next commit: the busier the server, the
// more writes each fsync makes durable. An answer leaves only after its commit.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../openDatabase';
import { commitTogether } from './commitTogether';
import { toWire } from './wireError';
import { WRITE_OPERATIONS, type WriteName } from './writeOperations';

export interface WriteRequest {
  id: number;
  name: WriteName;
  args: unknown[];
}

export type WriteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ReturnType<typeof toWire> };

const db = openDatabase((workerData as { file: string }).file);
const port = parentPort!;
let queue: WriteRequest[] = [];
let scheduled = false;

function flush(): void {
  const batch = queue;
  queue = [];
  scheduled = false;
  if (batch.length === 0) return;
  const works = batch.map((request) => () => (WRITE_OPERATIONS[request.name] as (...args: unknown[]) => unknown)(db, ...request.args));
  const outcomes = commitTogether(db, works);
  port.postMessage(batch.map((request, i): WriteReply => {
    const outcome = outcomes[i]!;
    return outcome.ok ? { id: request.id, ok: true, value: outcome.value } : { id: request.id, ok: false, error: toWire(outcome.error) };
  }));
}

port.on('message', (message: WriteRequest[] | 'close') => {
  if (message === 'close') {
    if (queue.length > 0) flush();
    db.close();
    port.close();
    return;
  }
  queue.push(...message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
