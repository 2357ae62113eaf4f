// Writes interactions. The interaction id is the key, so storing the same interaction twice changes nothing.
//
// This is the ingest's hot path, so each dialect gets the statement shape its database runs fastest while
// still reporting which rows were new: on SQLite one prepared single-row INSERT run per row (its change count
// says whether the row was new), on PostgreSQL one INSERT ... SELECT FROM unnest(arrays) per chunk, which sends
// seven array parameters instead of seven parameters per row.

import { sql, type Transaction } from 'kysely';
import type SQLite from 'better-sqlite3';

import type { DatabaseHandle } from '../db/connect';
import type { Database } from '../db/schema';
import type { NormalizedInteraction } from './normalize';

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

async function storeOnPostgres(trx: Transaction<Database>, interactions: readonly NormalizedInteraction[], stored: Set<string>): Promise<void> {
  for (let start = 0; start < interactions.length; start += rowsPerPostgresStatement) {
    const chunk = interactions.slice(start, start + rowsPerPostgresStatement);
    const ids = chunk.map((interaction) => interaction.interactionId);
    const types = chunk.map((interaction) => interaction.interactionType);
    const times = chunk.map((interaction) => interaction.occurredAt);
    const contacts = chunk.map((interaction) => interaction.contactId);
    const journeys = chunk.map((interaction) => interaction.customerJourneyId);
    const activities = chunk.map((interaction) => interaction.activityId);
    const fields = chunk.map((interaction) => JSON.stringify(interaction.fields));

    // unnest keeps the order of the arrays, so seq follows the order of the batch as with a VALUES list.
    const inserted = await sql<{ interaction_id: string }>`
      INSERT INTO interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields)
      SELECT * FROM unnest(${ids}::text[], ${types}::text[], ${times}::bigint[], ${contacts}::text[], ${journeys}::text[], ${activities}::text[], ${fields}::text[])
      ON CONFLICT (interaction_id) DO NOTHING
      RETURNING interaction_id`.execute(trx);
    for (const row of inserted.rows) {
      stored.add(row.interaction_id);
    }
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

  await handle.db.transaction().execute(async (trx) => {
    if (handle.sqlite) {
      storeOnSqlite(handle.sqlite, interactions, stored);
    } else {
      await storeOnPostgres(trx, interactions, stored);
    }
  });

  return stored;
}
