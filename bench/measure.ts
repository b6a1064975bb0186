// Tiny measuring tools for the benchmarks: operations per second over a time budget (best of a
// few rounds, after a warm-up), and percentiles. Figures are printed, never asserted: these
// machines are shared and noisy.

export function opsPerSecond(work: () => void, { rounds = 5, roundMs = 400 } = {}): number {
  const warmUntil = performance.now() + roundMs;
  while (performance.now() < warmUntil) work();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < roundMs) {
      for (let i = 0; i < 20; i++) work();
      n += 20;
      now = performance.now();
    }
    best = Math.max(best, (n * 1000) / (now - start));
  }
  return best;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}
