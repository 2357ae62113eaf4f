// Summaries of repeated timings.

import { performance } from 'node:perf_hooks';

/** Returns the p-th percentile (0-100) by the nearest-rank method; `values` need not be sorted. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    throw new RangeError('Cannot take a percentile of no values: measure at least once.');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export const median = (values: readonly number[]) => percentile(values, 50);

/**
 * Runs `task` `warmup` times unmeasured, then `runs` times, alternating with nothing else, and returns the
 * duration of each measured run in milliseconds.
 */
export async function timeRuns(task: () => Promise<unknown> | unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let run = 0; run < warmup; run++) {
    await task();
  }
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await task();
    durations.push(performance.now() - start);
  }
  return durations;
}

/**
 * Times two tasks in alternation (a, b, a, b, ...), so that both see the same cache and machine load, and
 * returns the durations of each in milliseconds.
 */
export async function timeAlternating(
  a: () => Promise<unknown> | unknown,
  b: () => Promise<unknown> | unknown,
  runs: number,
  warmup = 1,
): Promise<{ a: number[]; b: number[] }> {
  for (let run = 0; run < warmup; run++) {
    await a();
    await b();
  }
  const durations = { a: [] as number[], b: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const startA = performance.now();
    await a();
    durations.a.push(performance.now() - startA);
    const startB = performance.now();
    await b();
    durations.b.push(performance.now() - startB);
  }
  return durations;
}
