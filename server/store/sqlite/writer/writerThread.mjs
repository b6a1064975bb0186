// Entry of the SQLite writer thread. The server runs its TypeScript through tsx; a worker thread
// started under another runner (vitest, a plain node) has no TypeScript loader, so it registers
// tsx's before loading the thread's module.
import { register } from 'tsx/esm/api';

register();
await import('./writerThread.ts');
