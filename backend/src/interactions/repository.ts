// Writes interactions. The interaction id is the key, so storing the same interaction twice changes nothing.

import type { DatabaseHandle } from '../db/connect';
import type { NormalizedInteraction } from './normalize';

// 8 bound values a row keeps a chunk far below SQLite's limit of 32,766 variables per statement.
const rowsPerStatement = 500;

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
    for (let start = 0; start < interactions.length; start += rowsPerStatement) {
      const rows = interactions.slice(start, start + rowsPerStatement).map((interaction) => ({
        interaction_id: interaction.interactionId,
        interaction_type: interaction.interactionType,
        occurred_at: interaction.occurredAt,
        contact_id: interaction.contactId,
        customer_journey_id: interaction.customerJourneyId,
        activity_id: interaction.activityId,
        fields: JSON.stringify(interaction.fields),
      }));
      const inserted = await trx
        .insertInto('interaction')
        .values(rows)
        .onConflict((conflict) => conflict.column('interaction_id').doNothing())
        .returning('interaction_id')
        .execute();
      for (const row of inserted) {
        stored.add(row.interaction_id);
      }
    }
  });

  return stored;
}
