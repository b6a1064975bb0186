// The main thread's side of the SQLite writer thread: run(name, ...args) sends a write and
// resolves with its result once it is committed, or rejects with its error. The writes of one turn
// of the event loop (the requests that arrived together) leave as one message, which the thread
// commits together: sent one by one, each would find the thread idle and cost a commit of its own.
// A thread that dies (a bug, the disk) fails only the writes it had been sent, none of which was
// acknowledged; the next write starts a new one. The thread keeps the process alive only while
// writes are pending, so a script ends when its work is done. A write whose arguments are not
// plain data is refused on its own (plainArgs.ts), before it can break the message it would share.
import { Worker } from 'node:worker_threads';
import { notPlainData } from './plainArgs';
import { fromWire } from './wireError';
import type { WriteArgs, WriteName, WriteResult } from './writeOperations';
import type { WriteReply, WriteRequest } from './writerThread';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  sent: boolean;
}

interface Thread {
  worker: Worker;
  exited: Promise<void>;
}

export class SqliteWriter {
  private readonly file: string;
  private thread: Thread | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private outgoing: WriteRequest[] = [];
  private closed = false;

  constructor(file: string) {
    this.file = file;
    this.start();
  }

  run<N extends WriteName>(name: N, ...args: WriteArgs<N>): Promise<Awaited<WriteResult<N>>> {
    if (this.closed) return Promise.reject(new Error('SQLite 写入线程已关闭'));
    const odd = notPlainData(args);
    if (odd !== null) return Promise.reject(new Error(`SQLite 写入 ${name} 被拒绝：数据中有不能保存的值（${odd}）`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) (this.thread ?? this.start()).worker.ref();
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, sent: false });
      if (this.outgoing.length === 0) setImmediate(() => this.send());
      this.outgoing.push({ id, name, args });
    });
  }

  /** Commits what was sent, then ends the thread and its connection. */
  async close(): Promise<void> {
    this.send();
    this.closed = true;
    const thread = this.thread;
    if (!thread) return;
    // The worker is unreferenced while idle; until it has closed the database it keeps the process
    // alive, or a script ending on `await store.close()` would exit with the close unsettled.
    thread.worker.ref();
    thread.worker.postMessage('close');
    await thread.exited;
  }

  private start(): Thread {
    const worker = new Worker(new URL('./writerThread.mjs', import.meta.url), { workerData: { file: this.file } });
    worker.unref();
    let crash: Error | null = null;
    worker.on('message', (replies: WriteReply[]) => this.settle(replies));
    worker.on('error', (error) => { crash = error; });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => {
      if (this.thread?.worker === worker) this.thread = null;
      const reason = this.closed ? 'SQLite 写入线程已关闭' : `SQLite 写入线程意外退出${crash ? `（${crash.message}）` : ''}，本次写入未保存`;
      this.failSent(new Error(reason));
      resolve();
    }));
    this.thread = { worker, exited };
    return this.thread;
  }

  private send(): void {
    if (this.outgoing.length === 0) return;
    const thread = this.thread ?? this.start();
    const batch = this.outgoing;
    this.outgoing = [];
    for (const request of batch) this.waiting.get(request.id)!.sent = true;
    try {
      thread.worker.postMessage(batch);
    } catch {
      // Something plainArgs let through cannot be cloned: each write goes alone, and only those that cannot fail.
      for (const request of batch) {
        try {
          thread.worker.postMessage([request]);
        } catch (error) {
          this.settle([{ id: request.id, ok: false, error: { name: 'DataCloneError', message: `SQLite 写入 ${request.name} 被拒绝：${(error as Error).message}` } }]);
        }
      }
    }
  }

  private settle(replies: WriteReply[]): void {
    for (const reply of replies) {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) continue;
      this.waiting.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(fromWire(reply.error));
    }
    if (this.waiting.size === 0) this.thread?.worker.unref();
  }

  /** The writes a dead thread had been sent fail; those still waiting to leave go to the next. */
  private failSent(error: Error): void {
    for (const [id, waiting] of this.waiting) {
      if (!waiting.sent) continue;
      this.waiting.delete(id);
      waiting.reject(error);
    }
  }
}
