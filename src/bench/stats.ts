/** Summary statistics of timings. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN };
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Rounds for JSON output: 3 decimals below 10, 1 above. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  return Math.abs(n) < 10 ? Math.round(n * 1000) / 1000 : Math.round(n * 10) / 10;
}

/** Milliseconds spent in fn, and what it returned. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
