// A migrated throwaway database for the evaluator tests, and shorthand for filling it.

import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/connect';
import { migrateToLatest } from '../../../backend/src/db/migrate';
import { createTestDatabase, type TestDialect } from '../../support/databases';

export interface QueryDatabase {
  handle: DatabaseHandle;
  /** Closes the handle and removes the file or drops the schema. */
  drop(): Promise<void>;
}

export async function openQueryDatabase(dialect: TestDialect): Promise<QueryDatabase> {
  const database = await createTestDatabase(dialect);
  const handle = openDatabase(database.url);
  await migrateToLatest(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

export interface ContactRow {
  contactId: string;
  fullName?: string;
  email?: string | null;
  attributes?: Record<string, unknown>;
}

export async function insertContacts(handle: DatabaseHandle, contacts: ContactRow[]): Promise<void> {
  await handle.db
    .insertInto('contact')
    .values(
      contacts.map((contact) => ({
        contact_id: contact.contactId,
        full_name: contact.fullName ?? contact.contactId,
        email: contact.email ?? null,
        attributes: JSON.stringify(contact.attributes ?? {}),
      })),
    )
    .execute();
}

export interface InteractionRow {
  interactionId: string;
  interactionType: string;
  occurredAt: number;
  contactId: string | null;
  customerJourneyId?: string;
  activityId?: string;
  /** Type-specific fields, such as BlockedReason. */
  fields?: Record<string, string | number>;
}

/** Inserts interactions the way the ingest stores them: journey fields in columns and every field in the JSON. */
export async function insertInteractions(handle: DatabaseHandle, interactions: InteractionRow[]): Promise<void> {
  const rows = interactions.map((interaction) => {
    const fields: Record<string, string | number> = {
      InteractionType: interaction.interactionType,
      InternalMarketingInteractionId: interaction.interactionId,
      Timestamp: interaction.occurredAt,
      ...interaction.fields,
    };
    const optional = { ContactId: interaction.contactId, CustomerJourneyId: interaction.customerJourneyId, ActivityId: interaction.activityId };
    for (const [name, value] of Object.entries(optional)) {
      if (value !== null && value !== undefined) {
        fields[name] = value;
      }
    }
    return {
      interaction_id: interaction.interactionId,
      interaction_type: interaction.interactionType,
      occurred_at: interaction.occurredAt,
      contact_id: interaction.contactId,
      customer_journey_id: interaction.customerJourneyId ?? null,
      activity_id: interaction.activityId ?? null,
      fields: JSON.stringify(fields),
    };
  });

  for (let start = 0; start < rows.length; start += 100) {
    await handle.db.insertInto('interaction').values(rows.slice(start, start + 100)).execute();
  }
}
