// Opens the database: a SQLite file by default, PostgreSQL for a postgres:// URL.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The data's location: the SQLite file path, or the PostgreSQL URL without its password. */
  location: string;
  /**
   * On SQLite, the better-sqlite3 connection behind `db`, for hot paths that prepare a statement once and run
   * it many times. Use it only while `db` has handed out its one connection (inside a transaction or
   * `db.connection().execute`), so that no other query can interleave with the statements run on it.
   */
  sqlite?: SQLite.Database;
  /**
   * On PostgreSQL, the pool behind `db`, for the few paths that need a client of their own, such as COPY. A
   * client taken from it must be released, and it runs outside any transaction of `db`.
   */
  postgres?: pg.Pool;
  close(): Promise<void>;
}

// BIGINT (int8) columns hold epoch milliseconds and counts, all far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * Opens `url`: `postgres://…` or `postgresql://…` for PostgreSQL, anything else as a SQLite file path
 * (`:memory:` for a throwaway database).
 */
export function openDatabase(url: string): DatabaseHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), postgres: pool, close: () => db.destroy() };
  }

  if (url !== ':memory:') {
    mkdirSync(dirname(url), { recursive: true });
  }
  const sqlite = new SQLite(url);
  // WAL lets readers run beside the one writer. synchronous=FULL syncs the WAL on every commit, so a
  // transaction the backend has acknowledged survives a crash of the process and of the machine.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Segment evaluation reads large index ranges and builds temporary b-trees for DISTINCT and UNION. A 64 MiB
  // page cache (the default is 2 MiB), reads through a memory map of up to 256 MiB of the file, and temporary
  // b-trees in memory keep those off the read and write system calls. NOTE: bench/go-live.ts measured no
  // change from these while its data set was in the OS page cache; they matter when it is not.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  sqlite.pragma('temp_store = MEMORY');
  // Each checkpoint writes every page changed since the last one back into the file, and ingest changes pages
  // of the random-keyed interaction_id index in every batch. Checkpointing every 10,000 pages (about 40 MiB of
  // WAL) instead of the default 1,000 writes those pages back less often. Storing 200,000 interactions in
  // batches of 10,000 took about 3.7 s instead of 3.8 to 4.6 s (bench/ingest-throughput.ts data, 2-core VM).
  // journal_size_limit truncates the WAL file back to 64 MiB after a checkpoint.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('journal_size_limit = 67108864');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: url, sqlite, close: () => db.destroy() };
}
