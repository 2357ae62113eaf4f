// Reads and writes journeys and their tiles, and counts the contacts behind journey results.

import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';

import type { InteractionSource } from '../../../shared/catalog';
import type { DatabaseHandle, Dialect } from '../db/connect';
import type { Database, JourneyTable, TileTable } from '../db/schema';

export type JourneyRow = Selectable<JourneyTable>;
export type TileRow = Selectable<TileTable>;

export interface JourneyDefinition {
  journeyId: string;
  name: string;
  status: string;
  startDate: number;
  recurring: boolean;
  tiles: Array<{
    activityId: string;
    kind: string;
    name: string;
    emailId?: string | null;
    parentActivityId?: string | null;
    path?: string | null;
  }>;
}

/** Creates or replaces a journey and its tiles in one transaction. */
export async function saveJourney(handle: DatabaseHandle, definition: JourneyDefinition, now: number): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('journey').select('created_at').where('journey_id', '=', definition.journeyId).executeTakeFirst();
    const row = {
      journey_id: definition.journeyId,
      name: definition.name,
      status: definition.status,
      start_date: definition.startDate,
      recurring: definition.recurring ? 1 : 0,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await trx
      .insertInto('journey')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('journey_id').doUpdateSet({ name: row.name, status: row.status, start_date: row.start_date, recurring: row.recurring, updated_at: now }),
      )
      .execute();

    await trx.deleteFrom('tile').where('journey_id', '=', definition.journeyId).execute();
    if (definition.tiles.length > 0) {
      await trx
        .insertInto('tile')
        .values(
          definition.tiles.map((tile, position) => ({
            journey_id: definition.journeyId,
            activity_id: tile.activityId,
            kind: tile.kind,
            name: tile.name,
            email_id: tile.emailId ?? null,
            parent_activity_id: tile.parentActivityId ?? null,
            path: tile.path ?? null,
            position,
          })),
        )
        .execute();
    }
  });
}

export async function findJourney(handle: DatabaseHandle, journeyId: string): Promise<JourneyRow | undefined> {
  return handle.db.selectFrom('journey').selectAll().where('journey_id', '=', journeyId).executeTakeFirst();
}

export async function listJourneys(handle: DatabaseHandle): Promise<JourneyRow[]> {
  return handle.db.selectFrom('journey').selectAll().orderBy('created_at').orderBy('journey_id').execute();
}

export async function listTiles(handle: DatabaseHandle, journeyId: string): Promise<TileRow[]> {
  return handle.db.selectFrom('tile').selectAll().where('journey_id', '=', journeyId).orderBy('position').execute();
}

/** Returns the JSON value of one interaction field, as text, in the dialect's syntax. */
export function fieldText(dialect: Dialect, field: string) {
  return dialect === 'sqlite'
    ? sql<string>`json_extract(fields, ${`$.${field}`})`
    : sql<string>`(fields::jsonb ->> ${field})`;
}

function sourceCondition(eb: ExpressionBuilder<Database, 'interaction'>, dialect: Dialect, source: InteractionSource): Expression<SqlBool> {
  const typeMatches = eb('interaction_type', '=', source.interactionType);
  if (!source.match) {
    return typeMatches;
  }
  return eb.and([typeMatches, eb(fieldText(dialect, source.match.field), '=', source.match.value)]);
}

export interface ResultScopeFilter {
  journeyId: string;
  activityId?: string;
}

/** Counts distinct contacts with at least one interaction of `sources` in the scope; anonymous interactions do not count. */
export async function countResultContacts(handle: DatabaseHandle, scope: ResultScopeFilter, sources: readonly InteractionSource[]): Promise<number> {
  let query = handle.db
    .selectFrom('interaction')
    .select((eb) => eb.fn.count<number>('contact_id').distinct().as('count'))
    .where('customer_journey_id', '=', scope.journeyId)
    .where('contact_id', 'is not', null)
    .where((eb) => eb.or(sources.map((source) => sourceCondition(eb, handle.dialect, source))));
  if (scope.activityId !== undefined) {
    query = query.where('activity_id', '=', scope.activityId);
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface ContactAtReason {
  contactId: string;
  name: string | null;
  lastAt: number;
}

/** Lists the contacts with an interaction of `interactionType` on a journey, latest first, with their total. */
export async function listContactsWithInteraction(
  handle: DatabaseHandle,
  journeyId: string,
  interactionType: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; contacts: ContactAtReason[] }> {
  const matching = handle.db
    .selectFrom('interaction')
    .where('customer_journey_id', '=', journeyId)
    .where('interaction_type', '=', interactionType)
    .where('contact_id', 'is not', null);

  const totalRow = await matching.select((eb) => eb.fn.count<number>('contact_id').distinct().as('count')).executeTakeFirstOrThrow();

  const rows = await handle.db
    .selectFrom(
      matching
        .select(['contact_id', (eb) => eb.fn.max('occurred_at').as('last_at')])
        .groupBy('contact_id')
        .as('latest'),
    )
    .leftJoin('contact', 'contact.contact_id', 'latest.contact_id')
    .select(['latest.contact_id as contactId', 'contact.full_name as name', 'latest.last_at as lastAt'])
    .orderBy('latest.last_at', 'desc')
    .orderBy('latest.contact_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

  return {
    total: Number(totalRow.count),
    contacts: rows.map((row) => ({ contactId: row.contactId as string, name: row.name, lastAt: Number(row.lastAt) })),
  };
}
