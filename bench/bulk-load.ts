// The most direct ways to put interaction rows into each database, without the backend in between: prepared
// INSERTs in large transactions on SQLite (better-sqlite3 directly) and COPY FROM STDIN on PostgreSQL. They are
// the floors of the ingest benchmark and load the data sets of the go-live benchmark.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { NormalizedInteraction } from '../backend/src/interactions/normalize';

const insertSql =
  'INSERT INTO interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields) VALUES (?, ?, ?, ?, ?, ?, ?)';

export interface SqliteLoadOptions {
  /** Rows per transaction; Infinity for one transaction. */
  rowsPerTransaction: number;
  /**
   * true: the backend's own settings (WAL, synchronous=FULL), for a fair floor. false: no journal and no syncs,
   * for generating throwaway data sets fast.
   */
  durable: boolean;
}

/** Inserts the rows into the interaction table of the SQLite file with one prepared statement; returns the row count. */
export function insertIntoSqlite(file: string, rows: Iterable<NormalizedInteraction>, options: SqliteLoadOptions): number {
  const database = new SQLite(file);
  try {
    if (options.durable) {
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = FULL');
    } else {
      database.pragma('journal_mode = OFF');
      database.pragma('synchronous = OFF');
      database.pragma('cache_size = -1000000');
    }

    const insert = database.prepare(insertSql);
    const insertMany = database.transaction((batch: NormalizedInteraction[]) => {
      for (const row of batch) {
        insert.run(row.interactionId, row.interactionType, row.occurredAt, row.contactId, row.customerJourneyId, row.activityId, JSON.stringify(row.fields));
      }
    });

    let count = 0;
    let batch: NormalizedInteraction[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= options.rowsPerTransaction) {
        insertMany(batch);
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) {
      insertMany(batch);
      count += batch.length;
    }
    return count;
  } finally {
    database.close();
  }
}

// COPY's text format: backslash, tab, newline and carriage return inside a value are escaped, \N is NULL.
function copyValue(value: string | number | null): string {
  if (value === null) {
    return '\\N';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character]!) : value;
}

function copyLine(row: NormalizedInteraction): string {
  return `${[row.interactionId, row.interactionType, row.occurredAt, row.contactId, row.customerJourneyId, row.activityId, JSON.stringify(row.fields)].map(copyValue).join('\t')}\n`;
}

/** Joins rows into chunks of about 256 KB, so the stream moves few large writes. */
function* copyChunks(rows: Iterable<NormalizedInteraction>, counter: { rows: number }): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row);
    counter.rows += 1;
    if (chunk.length >= 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) {
    yield chunk;
  }
}

/** Copies the rows into the interaction table of the client's search_path with COPY FROM STDIN; returns the row count. */
export async function copyIntoPostgres(client: pg.ClientBase, rows: Iterable<NormalizedInteraction>): Promise<number> {
  const counter = { rows: 0 };
  const stream = client.query(
    copyFrom('COPY interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields) FROM STDIN'),
  );
  await pipeline(Readable.from(copyChunks(rows, counter)), stream);
  return counter.rows;
}
