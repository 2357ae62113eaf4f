// Two writers storing the same interaction at once on PostgreSQL. The ingest copies a batch with COPY, which
// has no ON CONFLICT, so a row that another writer commits meanwhile makes COPY fail on the unique index. The
// batch must then be rolled back to its savepoint and store the other rows.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/connect';
import { migrateToLatest } from '../../../backend/src/db/migrate';
import { storeInteractions } from '../../../backend/src/interactions/repository';
import type { NormalizedInteraction } from '../../../backend/src/interactions/normalize';
import { createTestDatabase, testDialects, type TestDatabase } from '../../support/databases';

const interaction = (id: string): NormalizedInteraction => ({
  interactionId: id,
  interactionType: 'EmailSent',
  occurredAt: Date.UTC(2026, 10, 2),
  contactId: `contact-${id}`,
  customerJourneyId: 'journey-1',
  activityId: '02',
  fields: { InteractionType: 'EmailSent', InternalMarketingInteractionId: id, Timestamp: Date.UTC(2026, 10, 2), ContactId: `contact-${id}` },
});

describe.runIf(testDialects.includes('postgres'))('ingest race on postgres', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let other: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    handle = openDatabase(database.url);
    await migrateToLatest(handle);
    other = new pg.Client({ connectionString: database.url });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await handle?.close();
    await database?.drop();
  });

  it('falls back when COPY meets a concurrent row', async () => {
    // The other writer inserts race-2 and keeps its transaction open, so the ingest's COPY waits on the
    // unique index until the other transaction commits, and then fails.
    await other.query('BEGIN');
    await other.query(
      "INSERT INTO interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields) VALUES ('race-2', 'EmailSent', 0, 'contact-x', 'journey-1', '02', '{}')",
    );

    const storing = storeInteractions(handle, [interaction('race-1'), interaction('race-2'), interaction('race-3')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.query('COMMIT');
    const stored = await storing;

    expect([...stored].sort()).toEqual(['race-1', 'race-3']);
    const rows = await other.query<{ interaction_id: string; contact_id: string }>("SELECT interaction_id, contact_id FROM interaction WHERE interaction_id LIKE 'race-%' ORDER BY interaction_id");
    expect(rows.rows).toEqual([
      { interaction_id: 'race-1', contact_id: 'contact-race-1' },
      { interaction_id: 'race-2', contact_id: 'contact-x' },
      { interaction_id: 'race-3', contact_id: 'contact-race-3' },
    ]);
  });

  it('copies only new rows of a repeated batch', async () => {
    const stored = await storeInteractions(handle, [interaction('race-1'), interaction('race-4')]);
    expect([...stored]).toEqual(['race-4']);
  });
});
