// Three backend instances on one PostgreSQL schema, each with its own pool and its own membership maintenance,
// as a deployment behind a load balancer runs them. Captures and ingest batches go through all three at once.
// Maintenance must apply each batch exactly once across the instances (the advisory lock in
// maintenance-lock.ts), and the stored members of every live segment must equal a full evaluation.

import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord } from '../../../shared/api/segments';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/connect';
import { migrateToLatest } from '../../../backend/src/db/migrate';
import { launchJourney } from '../../../backend/src/demo/journeys';
import { seedDemo } from '../../../backend/src/demo/seed';
import type { MaintenanceLogger, MaintenanceRun } from '../../../backend/src/membership/maintenance';
import journeySegments from '../../../backend/src/plugin';
import { jsonBodyLimit } from '../../../backend/src/security/body-limit';
import { createTestDatabase, testDialects, type TestDatabase } from '../../support/databases';

interface Instance {
  name: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  /** Maintenance runs that changed members, as the instance's maintenance logged them. */
  runs: MaintenanceRun[];
  /** Errors the instance's maintenance logged. */
  errors: Array<{ message: string; error: unknown }>;
}

const journeyId = launchJourney.journeyId;
const rounds = 4;
const contactsPerBatch = 40;

async function startInstance(name: string, databaseUrl: string): Promise<Instance> {
  const database = openDatabase(databaseUrl);
  await migrateToLatest(database);

  const runs: MaintenanceRun[] = [];
  const errors: Instance['errors'] = [];
  const log: MaintenanceLogger = {
    debug: (object, message) => {
      if (message === 'membership maintenance run') {
        runs.push(object as MaintenanceRun);
      }
    },
    info: () => {},
    error: (object, message) => errors.push({ message, error: (object as { err?: unknown }).err }),
  };

  const app = Fastify({ logger: false, bodyLimit: jsonBodyLimit });
  await app.register(journeySegments, { database, auth: 'off', membership: { log } });
  app.addHook('onClose', async () => {
    await database.close();
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { name, app, database, url, runs, errors };
}

async function post<Body>(instance: Instance, path: string, body: unknown): Promise<Body> {
  const response = await fetch(`${instance.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as Body;
  if (!response.ok) {
    throw new Error(`POST ${path} on instance ${instance.name} failed with ${response.status}: ${JSON.stringify(reply)}`);
  }
  return reply;
}

/** Interactions of new contacts at the launch email (tile 02): every one is sent, every third clicks. */
function batch(prefix: string): string {
  const lines: string[] = [];
  for (let index = 0; index < contactsPerBatch; index++) {
    const contactId = `${prefix}-contact-${index}`;
    const common = { ContactId: contactId, CustomerJourneyId: journeyId, ActivityId: '02', Timestamp: '2026-11-03T10:00:00Z' };
    lines.push(JSON.stringify({ ...common, InteractionType: 'EmailSent', InternalMarketingInteractionId: `${prefix}-sent-${index}` }));
    if (index % 3 === 0) {
      lines.push(JSON.stringify({ ...common, InteractionType: 'EmailClicked', InternalMarketingInteractionId: `${prefix}-clicked-${index}` }));
    }
  }
  return `${lines.join('\n')}\n`;
}

async function ingest(instance: Instance, body: string): Promise<void> {
  const response = await fetch(`${instance.url}/api/interactions`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  if (!response.ok) {
    throw new Error(`Ingest on instance ${instance.name} failed with ${response.status}: ${await response.text()}`);
  }
}

describe.runIf(testDialects.includes('postgres'))('three instances on one PostgreSQL schema', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let instances: Instance[] = [];
  const segments: SegmentRecord[] = [];
  let membersAtGoLive = 0;

  /** Lists the members of a captured result by a hand-written query: the contacts with one of its interactions. */
  async function expectedMembers(types: readonly string[]): Promise<string[]> {
    const result = await client.query<{ contact_id: string }>(
      `SELECT DISTINCT contact_id FROM interaction
       WHERE interaction_type = ANY($1::text[]) AND customer_journey_id = $2 AND activity_id = '02' AND contact_id IS NOT NULL
       ORDER BY contact_id`,
      [types, journeyId],
    );
    return result.rows.map((row) => row.contact_id);
  }

  async function storedMembers(segmentId: string): Promise<string[]> {
    const result = await client.query<{ contact_id: string }>('SELECT contact_id FROM segment_member WHERE segment_id = $1 ORDER BY contact_id', [segmentId]);
    return result.rows.map((row) => row.contact_id);
  }

  /** Waits until maintenance has read every stored interaction and no instance has a run in progress. */
  async function settle(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ cursor: string | null; latest: string | null }>(
        "SELECT (SELECT interaction_seq FROM membership_maintenance WHERE name = 'interactions') AS cursor, (SELECT MAX(seq) FROM interaction) AS latest",
      );
      const locked = await client.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted");
      if (rows[0].cursor === rows[0].latest && locked.rowCount === 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('Membership maintenance did not catch up with the ingested interactions within 30 s.');
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const first = await startInstance('A', database.url);
    await seedDemo(first.database, { seed: 7, contacts: 60 });
    instances = [first, await startInstance('B', database.url), await startInstance('C', database.url)];
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    for (const instance of instances) {
      await instance.app.close();
    }
    await database?.drop();
  });

  it('captures the same counts on every instance', async () => {
    const captures = [
      { resultId: 'uniqueClicks', name: 'Clickers via A' },
      { resultId: 'processed', name: 'Sent via B' },
      { resultId: 'uniqueClicks', name: 'Clickers via C' },
    ];
    const created = await Promise.all(
      captures.map((capture, index) =>
        post<SegmentRecord>(instances[index], '/api/segments/captures', { journeyId, activityId: '02', resultId: capture.resultId, name: capture.name, description: '' }),
      ),
    );
    segments.push(...created);

    expect(created[0].memberCount).toBe((await expectedMembers(['EmailClicked'])).length);
    expect(created[1].memberCount).toBe((await expectedMembers(['EmailSent'])).length);
    expect(created[2].memberCount).toBe(created[0].memberCount);
  });

  it('goes live through different instances', async () => {
    const live = await Promise.all(segments.map((segment, index) => post<SegmentRecord>(instances[(index + 1) % 3], `/api/segments/${segment.segmentId}/go-live`, {})));
    for (const segment of live) {
      expect(segment.status).toBe('live');
      membersAtGoLive += segment.memberCount ?? 0;
    }
  });

  it('applies parallel ingest once across instances', async () => {
    for (let round = 0; round < rounds; round++) {
      await Promise.all(instances.map((instance) => ingest(instance, batch(`r${round}-${instance.name}`))));
    }
    await settle();

    const clickers = await expectedMembers(['EmailClicked']);
    const senders = await expectedMembers(['EmailSent']);
    expect(await storedMembers(segments[0].segmentId)).toEqual(clickers);
    expect(await storedMembers(segments[1].segmentId)).toEqual(senders);
    expect(await storedMembers(segments[2].segmentId)).toEqual(clickers);

    // Each new member was added by exactly one run on one instance: a batch applied twice would either add
    // members twice or fail on the member table's primary key.
    const added = instances.flatMap((instance) => instance.runs).reduce((sum, run) => sum + run.added, 0);
    const finalMembers = 2 * clickers.length + senders.length;
    expect(added).toBe(finalMembers - membersAtGoLive);
    expect(instances.flatMap((instance) => instance.errors)).toEqual([]);
  });

  it('logs each member change once', async () => {
    for (const segment of segments) {
      const { rows } = await client.query<{ contact_id: string; changes: string }>(
        "SELECT contact_id, COUNT(*) AS changes FROM segment_member_change WHERE segment_id = $1 AND change = 'added' GROUP BY contact_id HAVING COUNT(*) > 1",
        [segment.segmentId],
      );
      expect(rows).toEqual([]);
    }
  });
});
