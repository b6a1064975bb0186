// One export through the real route (app.request), its body read chunk by chunk as a client would,
// with its time, size and memory: peak RSS growth, peak JS heap + Buffers growth (garbage
// included), and the live JS heap after a full collection (at its highest, collected once a
// second). Shared by the export bench and the files bench. Figures only, never asserted.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { createApp } from '../server/app';
import { fmt } from './measure';

setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;

export const MB = 1024 * 1024;

export interface Run {
  rows: number;
  seconds: number;
  bytes: number;
  rssGrowth: number;
  /** JS heap and Buffers (the file's bytes live outside the JS heap), garbage included. */
  heapGrowth: number;
  /** JS heap still in use after a full collection, at its highest (collected once a second). */
  liveGrowth: number;
}

/**
 * One export through the route, its body read as a client would (at `bytesPerSecond` when given).
 * Memory is sampled at most every 5 ms and the heap collected fully once a second: measuring must
 * not cost more than what it measures.
 */
export async function exportOnce(app: ReturnType<typeof createApp>, cookie: string, query: string, bytesPerSecond = 0): Promise<Run> {
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  const heapOf = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
  let peakHeap = heapOf(base);
  let live = base.heapUsed;
  let sampledAt = 0;
  let collectedAt = performance.now();
  const sample = (now: number) => {
    if (now - sampledAt < 5) return;
    sampledAt = now;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, heapOf(m));
    if (now - collectedAt >= 1000) {
      gc();
      live = Math.max(live, process.memoryUsage().heapUsed);
      collectedAt = performance.now();
    }
  };
  const timer = setInterval(() => sample(performance.now()), 5);
  const start = performance.now();
  const response = await app.request(`/api/forms/${query}`, { headers: { Cookie: cookie } });
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  const rows = Number(response.headers.get('x-export-rows'));
  const reader = response.body!.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sample(performance.now());
    if (bytesPerSecond > 0) await new Promise((r) => setTimeout(r, (value.byteLength / bytesPerSecond) * 1000));
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  return { rows, seconds, bytes, rssGrowth: peakRss - base.rss, heapGrowth: peakHeap - heapOf(base), liveGrowth: live - base.heapUsed };
}

/** The memory figures of a run, as both benches print them. */
export function memoryOf(run: Run): string {
  return `peak RSS +${fmt(run.rssGrowth / MB, 1)} MB, heap+buffers +${fmt(run.heapGrowth / MB, 1)} MB, live heap +${fmt(run.liveGrowth / MB, 1)} MB`;
}

/** How much more memory the larger run took than the smaller: about ×1 when memory is flat. */
export function memoryRatio(large: Run, small: Run): string {
  const ratio = (a: number, b: number) => fmt(a / Math.max(b, 1), 2);
  return `RSS growth ×${ratio(large.rssGrowth, small.rssGrowth)}, heap+buffers growth ×${ratio(large.heapGrowth, small.heapGrowth)}, `
    + `live heap ×${ratio(large.liveGrowth, small.liveGrowth)}`;
}
