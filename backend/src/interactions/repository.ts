// Writes interactions. The interaction id is the key, so storing the same interaction twice changes nothing.
//
// This is the ingest's hot path, so each dialect gets the statement shape its database runs fastest while
// still reporting which rows were new. On SQLite one prepared single-row INSERT runs per row, and its change
// count shows whether the row was new. On PostgreSQL COPY writes the batch, which is about twice as fast as
// INSERT ... ON CONFLICT DO NOTHING (bench/ingest-throughput.ts). When an interaction of the batch is already
// stored, COPY fails on the unique index and is rolled back to a savepoint. Then one query finds the stored
// ids, and COPY writes the others. Another writer may store one of those in between, and then the batch falls back
// to INSERT ... ON CONFLICT DO NOTHING.

import type SQLite from 'better-sqlite3';
import type pg from 'pg';

import type { DatabaseHandle } from '../db/connect';
import type { NormalizedInteraction } from './normalize';
import { copyInteractions } from './postgres-copy';

/** Rows per PostgreSQL statement: large enough to amortize the round trip, small enough to bound its memory. */
const rowsPerPostgresStatement = 5_000;

const insertSqlite =
  'INSERT INTO interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (interaction_id) DO NOTHING';

const preparedInserts = new WeakMap<SQLite.Database, SQLite.Statement>();

function sqliteInsert(connection: SQLite.Database): SQLite.Statement {
  let statement = preparedInserts.get(connection);
  if (!statement) {
    statement = connection.prepare(insertSqlite);
    preparedInserts.set(connection, statement);
  }
  return statement;
}

function storeOnSqlite(connection: SQLite.Database, interactions: readonly NormalizedInteraction[], stored: Set<string>): void {
  const insert = sqliteInsert(connection);
  for (const interaction of interactions) {
    const result = insert.run(
      interaction.interactionId,
      interaction.interactionType,
      interaction.occurredAt,
      interaction.contactId,
      interaction.customerJourneyId,
      interaction.activityId,
      JSON.stringify(interaction.fields),
    );
    if (result.changes > 0) {
      stored.add(interaction.interactionId);
    }
  }
}

/** Inserts with ON CONFLICT DO NOTHING from seven array parameters; unnest keeps the order of the batch. */
async function insertOnPostgres(client: pg.PoolClient, interactions: readonly NormalizedInteraction[], stored: Set<string>): Promise<void> {
  for (let start = 0; start < interactions.length; start += rowsPerPostgresStatement) {
    const chunk = interactions.slice(start, start + rowsPerPostgresStatement);
    const inserted = await client.query<{ interaction_id: string }>(
      `INSERT INTO interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (interaction_id) DO NOTHING
       RETURNING interaction_id`,
      [
        chunk.map((interaction) => interaction.interactionId),
        chunk.map((interaction) => interaction.interactionType),
        chunk.map((interaction) => interaction.occurredAt),
        chunk.map((interaction) => interaction.contactId),
        chunk.map((interaction) => interaction.customerJourneyId),
        chunk.map((interaction) => interaction.activityId),
        chunk.map((interaction) => JSON.stringify(interaction.fields)),
      ],
    );
    for (const row of inserted.rows) {
      stored.add(row.interaction_id);
    }
  }
}

async function storedIds(client: pg.PoolClient, interactions: readonly NormalizedInteraction[]): Promise<Set<string>> {
  const result = await client.query<{ interaction_id: string }>('SELECT interaction_id FROM interaction WHERE interaction_id = ANY($1::text[])', [
    interactions.map((interaction) => interaction.interactionId),
  ]);
  return new Set(result.rows.map((row) => row.interaction_id));
}

const uniqueViolation = '23505';

/**
 * Copies the interactions inside a savepoint. Returns false, with nothing written, when one of them is already
 * stored, which the unique index on interaction_id reports.
 */
async function copyUnlessStored(client: pg.PoolClient, interactions: readonly NormalizedInteraction[]): Promise<boolean> {
  await client.query('SAVEPOINT copy_interactions');
  try {
    await copyInteractions(client, interactions);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== uniqueViolation) {
      throw error;
    }
    await client.query('ROLLBACK TO SAVEPOINT copy_interactions');
    return false;
  }
}

async function storeOnPostgres(pool: pg.Pool, interactions: readonly NormalizedInteraction[], stored: Set<string>): Promise<void> {
  const client = await pool.connect();
  // A client whose ROLLBACK failed is in an unknown state, so it is destroyed instead of returned to the pool.
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      if (await copyUnlessStored(client, interactions)) {
        interactions.forEach((interaction) => stored.add(interaction.interactionId));
      } else {
        const existing = await storedIds(client, interactions);
        const fresh = interactions.filter((interaction) => !existing.has(interaction.interactionId));
        if (await copyUnlessStored(client, fresh)) {
          fresh.forEach((interaction) => stored.add(interaction.interactionId));
        } else {
          await insertOnPostgres(client, fresh, stored);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      stored.clear();
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Stores interactions in one transaction and returns the ids that were new; ids already stored are skipped.
 * Either every new row is written or, on error, none is.
 */
export async function storeInteractions(handle: DatabaseHandle, interactions: readonly NormalizedInteraction[]): Promise<Set<string>> {
  const stored = new Set<string>();
  if (interactions.length === 0) {
    return stored;
  }

  if (handle.postgres) {
    await storeOnPostgres(handle.postgres, interactions, stored);
    return stored;
  }

  const connection = handle.sqlite;
  if (!connection) {
    throw new Error(`The database handle for ${handle.location} has neither a SQLite connection nor a PostgreSQL pool; open it with openDatabase.`);
  }
  await handle.db.transaction().execute(async () => {
    storeOnSqlite(connection, interactions, stored);
  });
  return stored;
}
