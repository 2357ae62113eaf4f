// The position up to which maintenance has applied stored interactions to live segments. Reading from it,
// instead of relying only on the ingest callback, also covers interactions stored by other paths (demo seeding,
// imports, another process) and interactions stored while the backend was down.

import { sql, type Transaction } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { Database } from '../db/schema';

const cursorName = 'interactions';

/** The fields of a stored interaction that maintenance reads. */
export interface StoredInteraction {
  interactionType: string;
  customerJourneyId: string | null;
  contactId: string | null;
}

export async function readInteractionCursor(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db.selectFrom('membership_maintenance').select('interaction_seq').where('name', '=', cursorName).executeTakeFirst();
  return Number(row?.interaction_seq ?? 0);
}

export async function writeInteractionCursor(trx: Transaction<Database>, seq: number, at: number): Promise<void> {
  await trx
    .insertInto('membership_maintenance')
    .values({ name: cursorName, interaction_seq: seq, updated_at: at })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ interaction_seq: seq, updated_at: at }))
    .execute();
}

/** Returns the highest interaction seq stored, or 0. */
export async function latestInteractionSeq(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db.selectFrom('interaction').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Returns the interactions with a seq in (after, upTo], those without a contact included. */
export async function interactionsBetween(handle: DatabaseHandle, after: number, upTo: number): Promise<StoredInteraction[]> {
  const rows = await handle.db
    .selectFrom('interaction')
    .select(['interaction_type', 'customer_journey_id', 'contact_id'])
    .where(sql.ref<number>('seq'), '>', after)
    .where(sql.ref<number>('seq'), '<=', upTo)
    .execute();
  return rows.map((row) => ({ interactionType: row.interaction_type, customerJourneyId: row.customer_journey_id, contactId: row.contact_id }));
}
