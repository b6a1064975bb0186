// The main thread's side of the SQLite writer thread: run(name, ...args) sends a write and
// resolves with its result once it is committed, or rejects with its error. The writes of one turn
// of the event loop (the requests that arrived together) leave as one message, which the thread
// commits together: sent one by one, each would find the thread idle and cost a commit of its own.
// The thread keeps the process alive only while writes are pending, so a script ends when its
// work is done.
import { Worker } from 'node:worker_threads';
import { fromWire } from './wireError';
import type { WriteArgs, WriteName, WriteResult } from './writeOperations';
import type { WriteReply, WriteRequest } from './writerThread';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private outgoing: WriteRequest[] = [];
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(file: string) {
    this.worker = new Worker(new URL('./writerThread.mjs', import.meta.url), { workerData: { file } });
    this.worker.unref();
    this.worker.on('message', (replies: WriteReply[]) => this.settle(replies));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => {
      this.fail(new Error('SQLite 写入线程已退出'));
      resolve();
    }));
  }

  run<N extends WriteName>(name: N, ...args: WriteArgs<N>): Promise<Awaited<WriteResult<N>>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.outgoing.length === 0) setImmediate(() => this.send());
      this.outgoing.push({ id, name, args });
    });
  }

  /** Commits what was sent, then ends the thread and its connection. */
  async close(): Promise<void> {
    this.send();
    this.worker.postMessage('close');
    await this.exited;
  }

  private send(): void {
    if (this.outgoing.length === 0) return;
    this.worker.postMessage(this.outgoing);
    this.outgoing = [];
  }

  private settle(replies: WriteReply[]): void {
    for (const reply of replies) {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) continue;
      this.waiting.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(fromWire(reply.error));
    }
    if (this.waiting.size === 0) this.worker.unref();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
