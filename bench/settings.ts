// Sizes of every benchmark. BENCH_QUICK=1 selects a smoke run that finishes in a minute or two: the same code
// paths on small data, whose numbers only show that the benchmarks still work.

import { resolve } from 'node:path';

export interface BenchSettings {
  quick: boolean;
  /** Interactions per ingest throughput measurement, and the rows per ingest batch. */
  ingestInteractions: number;
  ingestBatch: number;
  /** Interaction counts of the go-live data sets, per database. */
  goLiveSizesSqlite: number[];
  goLiveSizesPostgres: number[];
  /** Timed runs per go-live query and floor query. */
  goLiveRuns: number;
  captures: number;
  /** Seconds the busy host page mutates its DOM, per browser session. */
  busyPageSeconds: number;
  /** The folder that keeps generated SQLite data sets between runs. */
  cacheFolder: string;
  /** The PostgreSQL server; the benchmarks create their own schema there and drop it afterwards. */
  postgresUrl: string;
}

export function benchSettings(environment: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = environment.BENCH_QUICK === '1';
  return {
    quick,
    ingestInteractions: quick ? 5_000 : 200_000,
    ingestBatch: quick ? 1_000 : 10_000,
    goLiveSizesSqlite: quick ? [20_000] : [1_000_000, 10_000_000],
    goLiveSizesPostgres: quick ? [20_000] : [1_000_000, 10_000_000],
    goLiveRuns: quick ? 3 : 30,
    captures: quick ? 5 : 50,
    busyPageSeconds: quick ? 2 : 10,
    cacheFolder: resolve(environment.BENCH_CACHE ?? '.tmp/bench'),
    postgresUrl: environment.BENCH_POSTGRES_URL ?? environment.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}
