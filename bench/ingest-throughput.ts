// Ingest throughput: interactions per second through ingestInteractions (validation, normalization, the
// idempotent INSERT ... ON CONFLICT DO NOTHING RETURNING of the repository), against the floor of writing the
// same rows the most direct way: one prepared INSERT in one transaction on SQLite, COPY on PostgreSQL. Each
// side starts from an empty, migrated database. Target: at least 0.8x the floor.
//
// Run alone: npx tsx bench/ingest-throughput.ts (BENCH_QUICK=1 for small sizes)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { openDatabase } from '../backend/src/db/connect';
import { migrateToLatest } from '../backend/src/db/migrate';
import { ingestInteractions } from '../backend/src/interactions/ingest';
import type { NormalizedInteraction, RawInteraction } from '../backend/src/interactions/normalize';
import { copyIntoPostgres, insertIntoSqlite } from './bulk-load';
import { ratioTarget, type Figure } from './figure';
import { createBenchSchema } from './postgres-schema';
import { benchSettings, type BenchSettings } from './settings';
import { runAlone } from './run-alone';
import { syntheticInteractions, syntheticWorld, toRawInteraction } from './synthetic-interactions';

const group = 'Ingest throughput';
const target = ratioTarget(0.8, 'higher');
/** Runs per side; the best counts, since slower runs measure other load on the machine. */
const repetitions = 2;

async function migratedDatabase(url: string): Promise<void> {
  const handle = openDatabase(url);
  await migrateToLatest(handle);
  await handle.close();
}

async function timeIngest(url: string, batches: RawInteraction[][]): Promise<number> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle);
    const start = performance.now();
    for (const batch of batches) {
      const summary = await ingestInteractions(handle, batch);
      if (summary.stored !== batch.length) {
        throw new Error(`The ingest stored ${summary.stored} of ${batch.length} interactions; the benchmark data must be valid and new.`);
      }
    }
    return performance.now() - start;
  } finally {
    await handle.close();
  }
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}

const perSecond = (count: number, millis: number) => Math.round((count / millis) * 1000);

async function measureSqlite(rows: NormalizedInteraction[], batches: RawInteraction[][], label: string): Promise<Figure> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    let ingestMillis = Infinity;
    let floorMillis = Infinity;
    for (let run = 0; run < repetitions; run++) {
      ingestMillis = Math.min(ingestMillis, await timeIngest(join(folder, `ingest-${run}.sqlite`), batches));

      const floorFile = join(folder, `floor-${run}.sqlite`);
      await migratedDatabase(floorFile);
      const start = performance.now();
      insertIntoSqlite(floorFile, rows, { rowsPerTransaction: Infinity, durable: true });
      floorMillis = Math.min(floorMillis, performance.now() - start);
    }
    return {
      group,
      name: `SQLite, ${label}`,
      value: perSecond(rows.length, ingestMillis),
      unit: 'interactions/s',
      direction: 'higher',
      floor: { value: perSecond(rows.length, floorMillis), what: 'one prepared INSERT, one transaction (better-sqlite3)' },
      target,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measurePostgres(settings: BenchSettings, rows: NormalizedInteraction[], batches: RawInteraction[][], label: string): Promise<Figure> {
  let ingestMillis = Infinity;
  let floorMillis = Infinity;
  for (let run = 0; run < repetitions; run++) {
    const ingestSchema = await createBenchSchema(settings.postgresUrl);
    try {
      ingestMillis = Math.min(ingestMillis, await timeIngest(ingestSchema.url, batches));
    } finally {
      await ingestSchema.drop();
    }

    const floorSchema = await createBenchSchema(settings.postgresUrl);
    try {
      await migratedDatabase(floorSchema.url);
      const client = new pg.Client({ connectionString: floorSchema.url });
      await client.connect();
      try {
        const start = performance.now();
        await copyIntoPostgres(client, rows);
        floorMillis = Math.min(floorMillis, performance.now() - start);
      } finally {
        await client.end();
      }
    } finally {
      await floorSchema.drop();
    }
  }
  return {
    group,
    name: `PostgreSQL, ${label}`,
    value: perSecond(rows.length, ingestMillis),
    unit: 'interactions/s',
    direction: 'higher',
    floor: { value: perSecond(rows.length, floorMillis), what: 'COPY FROM STDIN of the same rows' },
    target,
  };
}

/**
 * Runs bench/ingest.ts, which ingests interactions of the simulated demo journeys, and reports the rates it
 * prints. It has no floor of its own, so its lines are reported beside the figures above.
 */
function demoJourneyIngest(settings: BenchSettings): Figure[] {
  if (settings.quick || !existsSync('bench/ingest.ts')) {
    return [];
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ingest.ts'], {
    encoding: 'utf8',
    env: { ...process.env, POSTGRES_URL: settings.postgresUrl },
    timeout: 5 * 60_000,
  });
  if (run.status !== 0) {
    throw new Error(`bench/ingest.ts failed with exit status ${run.status}: ${(run.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
  }

  const figures: Figure[] = [];
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) {
      continue;
    }
    const result = JSON.parse(line) as { name: string; interactionsPerSecond: number; interactions: number; batchSize: number };
    figures.push({
      group,
      name: `${result.name}: demo journeys, ${result.interactions.toLocaleString('en-US')} interactions in batches of ${result.batchSize.toLocaleString('en-US')} (bench/ingest.ts)`,
      value: result.interactionsPerSecond,
      unit: 'interactions/s',
      direction: 'higher',
      target: { text: 'reported; the floors are in the rows above', met: () => true },
    });
  }
  return figures;
}

export async function measureIngestThroughput(settings: BenchSettings = benchSettings()): Promise<Figure[]> {
  const count = settings.ingestInteractions;
  const world = syntheticWorld(count, 11);
  const rows = [...syntheticInteractions(world, count, { seed: 11, interactionIds: 'random' })];
  const batches = batchesOf(rows.map(toRawInteraction), settings.ingestBatch);
  const label = `${count.toLocaleString('en-US')} interactions in batches of ${settings.ingestBatch.toLocaleString('en-US')}`;

  return [await measureSqlite(rows, batches, label), await measurePostgres(settings, rows, batches, label), ...demoJourneyIngest(settings)];
}

runAlone(import.meta.url, measureIngestThroughput);
