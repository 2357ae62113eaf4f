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
import { storeInteractions } from '../backend/src/interactions/repository';
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
const repetitions = 3;

async function migratedDatabase(url: string): Promise<void> {
  const handle = openDatabase(url);
  await migrateToLatest(handle);
  await handle.close();
}

/** Times storeInteractions alone on rows already normalized, to separate storage from validation. */
async function timeStore(url: string, rows: NormalizedInteraction[], batchSize: number): Promise<number> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle);
    const start = performance.now();
    for (let index = 0; index < rows.length; index += batchSize) {
      await storeInteractions(handle, rows.slice(index, index + batchSize));
    }
    return performance.now() - start;
  } finally {
    await handle.close();
  }
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

interface IngestTimes {
  ingest: number;
  store: number;
  floor: number;
}

/** Builds the two figures of one database: the whole ingest path, and storage alone, both against the floor. */
function figuresOf(database: string, times: IngestTimes, count: number, label: string, floorWhat: string, batchSize: number): Figure[] {
  const floor = { value: perSecond(count, times.floor), what: floorWhat };
  return [
    { group, name: `${database}, ${label}`, value: perSecond(count, times.ingest), unit: 'interactions/s', direction: 'higher', floor, target },
    {
      group,
      name: `${database}, storage alone: storeInteractions on normalized rows in batches of ${batchSize.toLocaleString('en-US')}`,
      value: perSecond(count, times.store),
      unit: 'interactions/s',
      direction: 'higher',
      floor,
      target: { text: 'reported; shows how much of the gap is validation', met: () => true },
    },
  ];
}

async function measureSqlite(rows: NormalizedInteraction[], batches: RawInteraction[][], label: string, batchSize: number): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const times: IngestTimes = { ingest: Infinity, store: Infinity, floor: Infinity };
    for (let run = 0; run < repetitions; run++) {
      times.ingest = Math.min(times.ingest, await timeIngest(join(folder, `ingest-${run}.sqlite`), batches));
      times.store = Math.min(times.store, await timeStore(join(folder, `store-${run}.sqlite`), rows, batchSize));

      const floorFile = join(folder, `floor-${run}.sqlite`);
      await migratedDatabase(floorFile);
      const start = performance.now();
      insertIntoSqlite(floorFile, rows, { rowsPerTransaction: Infinity, durable: true });
      times.floor = Math.min(times.floor, performance.now() - start);
    }
    return figuresOf('SQLite', times, rows.length, label, 'one prepared INSERT, one transaction (better-sqlite3)', batchSize);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs `measure` on a new schema of the benchmark server and drops the schema afterwards. */
async function inNewSchema<T>(settings: BenchSettings, measure: (url: string) => Promise<T>): Promise<T> {
  const schema = await createBenchSchema(settings.postgresUrl);
  try {
    return await measure(schema.url);
  } finally {
    await schema.drop();
  }
}

async function measurePostgres(settings: BenchSettings, rows: NormalizedInteraction[], batches: RawInteraction[][], label: string): Promise<Figure[]> {
  const times: IngestTimes = { ingest: Infinity, store: Infinity, floor: Infinity };
  for (let run = 0; run < repetitions; run++) {
    times.ingest = Math.min(times.ingest, await inNewSchema(settings, (url) => timeIngest(url, batches)));
    times.store = Math.min(times.store, await inNewSchema(settings, (url) => timeStore(url, rows, settings.ingestBatch)));

    const floorMillis = await inNewSchema(settings, async (url) => {
      await migratedDatabase(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const start = performance.now();
        await copyIntoPostgres(client, rows);
        return performance.now() - start;
      } finally {
        await client.end();
      }
    });
    times.floor = Math.min(times.floor, floorMillis);
  }
  return figuresOf('PostgreSQL', times, rows.length, label, 'COPY FROM STDIN of the same rows', settings.ingestBatch);
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

  return [...(await measureSqlite(rows, batches, label, settings.ingestBatch)), ...(await measurePostgres(settings, rows, batches, label)), ...demoJourneyIngest(settings)];
}

runAlone(import.meta.url, measureIngestThroughput);
