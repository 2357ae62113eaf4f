// Measures how fast simulated interactions go through the ingest path (validation, conversion and idempotent
// storage) into a fresh SQLite file, and into a fresh PostgreSQL schema when the server accepts a connection. Ingests about
// 200,000 interactions of the demo journeys in batches of 5,000 and prints one JSON line per database:
// {name, interactionsPerSecond, interactions, batchSize}. Only the ingest calls are timed.
//
// Run: npx tsx bench/ingest.ts    (POSTGRES_URL overrides postgres://postgres@127.0.0.1:5432/test)

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { openDatabase, type DatabaseHandle } from '../backend/src/db/connect';
import { migrateToLatest } from '../backend/src/db/migrate';
import { demoJourneys } from '../backend/src/demo/journeys';
import { simulateContact } from '../backend/src/demo/simulator';
import { ingestInteractions } from '../backend/src/interactions/ingest';
import type { RawInteraction } from '../backend/src/interactions/normalize';

const targetInteractions = 200_000;
const batchSize = 5_000;
const seed = 20261102;
const postgresUrl = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Simulates contacts through the demo journeys, in turn, until there are enough interactions. */
function simulateInteractions(): RawInteraction[] {
  const interactions: RawInteraction[] = [];
  for (let index = 0; interactions.length < targetInteractions; index++) {
    const journey = demoJourneys[index % demoJourneys.length];
    const enteredAt = journey.startDate + index * 60_000;
    interactions.push(...simulateContact(journey, index, enteredAt, { seed, until: enteredAt + 30 * 24 * 3600_000 }));
  }
  return interactions.slice(0, targetInteractions);
}

async function measure(name: string, handle: DatabaseHandle, interactions: readonly RawInteraction[]): Promise<void> {
  await migrateToLatest(handle);

  let stored = 0;
  const started = performance.now();
  for (let start = 0; start < interactions.length; start += batchSize) {
    const summary = await ingestInteractions(handle, interactions.slice(start, start + batchSize));
    if (summary.rejected > 0) {
      throw new Error(`${name}: ${summary.rejected} simulated interactions were rejected, the first: ${JSON.stringify(summary.outcomes.find((outcome) => outcome.status === 'rejected'))}`);
    }
    stored += summary.stored;
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(JSON.stringify({ name, interactionsPerSecond: Math.round(stored / seconds), interactions: stored, batchSize }));
}

async function benchSqlite(interactions: readonly RawInteraction[]): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const handle = openDatabase(join(folder, 'ingest.sqlite'));
  try {
    await measure('ingest-sqlite', handle, interactions);
  } finally {
    await handle.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchPostgres(interactions: readonly RawInteraction[]): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.error(`PostgreSQL at ${postgresUrl.replace(/:[^:@/]*@/, ':***@')} is not reachable (${(error as Error).message}); skipping it.`);
    return;
  }

  const schema = `bench_ingest_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const handle = openDatabase(url.toString());
  try {
    await measure('ingest-postgres', handle, interactions);
  } finally {
    await handle.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

const interactions = simulateInteractions();
await benchSqlite(interactions);
await benchPostgres(interactions);
