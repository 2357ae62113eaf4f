// The data sets of the go-live benchmark: N synthetic interactions in a migrated database.
//
// SQLite data sets are kept under the cache folder, named by size and generator version, so later runs reuse
// them (and only apply migrations added since). PostgreSQL data sets are loaded into a schema of their own and
// dropped after the run. Both load without the secondary indexes and build them afterwards, which is much
// faster than maintaining them row by row.

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import SQLite from 'better-sqlite3';
import pg from 'pg';

import { openDatabase, type DatabaseHandle } from '../backend/src/db/connect';
import { migrateToLatest } from '../backend/src/db/migrate';
import { copyIntoPostgres, insertIntoSqlite } from './bulk-load';
import { createBenchSchema } from './postgres-schema';
import { generatorVersion, syntheticInteractions, syntheticWorld, type SyntheticWorld } from './synthetic-interactions';

export interface GoLiveData {
  handle: DatabaseHandle;
  world: SyntheticWorld;
  interactions: number;
  /** Seconds spent generating and loading; 0 when a cached data set was reused. */
  loadSeconds: number;
  close(): Promise<void>;
}

const seed = 20260105;

async function migrate(url: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

function buildSqliteFile(file: string, count: number, world: SyntheticWorld): void {
  const database = new SQLite(file);
  const indexes = database
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interaction' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) {
    database.exec(`DROP INDEX "${index.name}"`);
  }
  database.close();

  insertIntoSqlite(file, syntheticInteractions(world, count, { seed, interactionIds: 'ordered' }), { rowsPerTransaction: 100_000, durable: false });

  const indexing = new SQLite(file);
  indexing.pragma('cache_size = -1000000');
  for (const index of indexes) {
    indexing.exec(index.sql);
  }
  indexing.pragma('journal_mode = WAL');
  indexing.close();
}

/** Opens the cached SQLite data set of `count` interactions, generating it first when there is none. */
export async function sqliteGoLiveData(cacheFolder: string, count: number): Promise<GoLiveData> {
  mkdirSync(cacheFolder, { recursive: true });
  const file = join(cacheFolder, `interactions-${count}-v${generatorVersion}.sqlite`);
  const world = syntheticWorld(count, seed);
  let loadSeconds = 0;

  if (!existsSync(file)) {
    const started = Date.now();
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    log(`generating ${count.toLocaleString('en-US')} interactions into ${file} (kept for later runs)`);
    await migrate(partial);
    buildSqliteFile(partial, count, world);
    for (const suffix of ['-wal', '-shm']) {
      rmSync(`${partial}${suffix}`, { force: true });
    }
    renameSync(partial, file);
    loadSeconds = (Date.now() - started) / 1000;
  }

  const handle = openDatabase(file);
  await migrateToLatest(handle);
  return { handle, world, interactions: count, loadSeconds, close: () => handle.close() };
}

/** Loads `count` interactions into a new schema on the PostgreSQL server; close() drops it. */
export async function postgresGoLiveData(serverUrl: string, count: number): Promise<GoLiveData> {
  const started = Date.now();
  const world = syntheticWorld(count, seed);
  const schema = await createBenchSchema(serverUrl);
  try {
    await migrate(schema.url);
    log(`copying ${count.toLocaleString('en-US')} interactions into PostgreSQL schema ${schema.name}`);

    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      const indexes = await client.query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'interaction' AND indexdef NOT LIKE 'CREATE UNIQUE%'",
      );
      for (const index of indexes.rows) {
        await client.query(`DROP INDEX "${index.indexname}"`);
      }
      await copyIntoPostgres(client, syntheticInteractions(world, count, { seed, interactionIds: 'ordered' }));
      await client.query("SET maintenance_work_mem = '512MB'");
      for (const index of indexes.rows) {
        await client.query(index.indexdef);
      }
      // Autovacuum would vacuum and analyze the table soon after a load this size. Doing it now gives the
      // steady state: statistics for the planner, and a visibility map that allows index-only scans.
      await client.query('VACUUM (ANALYZE) interaction');
    } finally {
      await client.end();
    }
  } catch (error) {
    await schema.drop();
    throw error;
  }

  const handle = openDatabase(schema.url);
  return {
    handle,
    world,
    interactions: count,
    loadSeconds: (Date.now() - started) / 1000,
    close: async () => {
      await handle.close();
      await schema.drop();
    },
  };
}

/** Creates the cache folder with a README that describes what it contains and that it may be deleted. */
export function describeCacheFolder(cacheFolder: string): void {
  mkdirSync(cacheFolder, { recursive: true });
  writeFileSync(join(cacheFolder, 'README.txt'), 'Generated benchmark data sets (npm run bench). Safe to delete; they are generated again.\n');
}
