// Membership maintenance beyond the randomized check: window expiry on the timer of a running backend,
// interactions stored without the ingest callback, evaluation failures and their retry, and the periodic full
// evaluation of segments that read contact fields.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { parseQuery } from '../../../shared/query/parser';
import { printQuery } from '../../../shared/query/printer';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/connect';
import { migrateToLatest } from '../../../backend/src/db/migrate';
import { ingestInteractions } from '../../../backend/src/interactions/ingest';
import { MembershipMaintenance } from '../../../backend/src/membership/maintenance';
import { goLive } from '../../../backend/src/segments/lifecycle-go-live';
import { insertSegment } from '../../../backend/src/segments/repository';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { createTestDatabase, testDialects, type TestDatabase } from '../../support/databases';
import { interaction, SegmentClient } from '../lifecycle/segment-client';

const minute = 60_000;

describe.each(testDialects)('membership maintenance on %s', (dialect) => {
  describe('in a running backend', () => {
    let backend: TestBackend;
    let client: SegmentClient;

    beforeAll(async () => {
      backend = await startTestBackend({ dialect });
      client = new SegmentClient(backend);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('expires a window member on time', async () => {
      const logic = "INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == 'journey-window').HAVING(COUNT() > 0, UTCDAYS(1))";
      const live = await client.live('Window expiry', logic);
      // The open leaves the one-day window about two seconds from now.
      await client.ingest([interaction('EmailOpened', 'w1', 24 - 2 / 3600, { CustomerJourneyId: 'journey-window' })]);
      await client.until(async () => (await client.memberIds(live.segmentId)).includes('w1'), 'w1 to join');

      const joined = await client.get(live.segmentId);
      expect(Date.parse(joined.nextEvaluationAt!)).toBeGreaterThan(Date.now());
      expect(Date.parse(joined.nextEvaluationAt!)).toBeLessThan(Date.now() + 5_000);

      await client.until(async () => (await client.memberIds(live.segmentId)).length === 0, 'w1 to leave when its open leaves the window');
      const left = await client.get(live.segmentId);
      expect(left.memberCount).toBe(0);
      expect(left.nextEvaluationAt).toBeNull();
    });
  });

  describe('with its own clock', () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let now: number;
    let membership: MembershipMaintenance;
    let counter = 0;

    const members = async (segmentId: string) =>
      (await handle.db.selectFrom('segment_member').select('contact_id').where('segment_id', '=', segmentId).orderBy('contact_id').execute()).map((row) => row.contact_id);
    const segmentRow = (segmentId: string) => handle.db.selectFrom('segment').selectAll().where('segment_id', '=', segmentId).executeTakeFirstOrThrow();

    async function createLive(name: string, logic: string): Promise<string> {
      const { ast } = parseQuery(logic);
      const segmentId = `segment-${++counter}`;
      await insertSegment(handle, {
        segment_id: segmentId,
        name,
        description: '',
        status: 'draft',
        logic: printQuery(ast!),
        logic_ast: JSON.stringify(ast),
        origin: null,
        journey_id: null,
        member_count: null,
        counted_at: null,
        idempotency_key: null,
        created_at: now + counter,
        updated_at: now + counter,
      });
      await goLive({ handle, membership }, segmentId, 'test');
      return segmentId;
    }

    const record = (type: string, contactId: string, id: string) => ({
      InteractionType: type,
      InternalMarketingInteractionId: id,
      Timestamp: new Date(now - minute).toISOString(),
      ContactId: contactId,
    });

    beforeEach(async () => {
      database = await createTestDatabase(dialect);
      handle = openDatabase(database.url);
      await migrateToLatest(handle);
      now = Date.UTC(2026, 5, 1, 12);
      membership = new MembershipMaintenance(handle, { clock: () => now, timers: false, retryIntervalMs: minute, fullEvaluationIntervalMs: 5 * minute });
    });

    afterEach(async () => {
      await handle.close();
      await database.drop();
    });

    it('applies interactions stored without the ingest callback', async () => {
      const segmentId = await createLive('Imported', 'INTERACTION(EmailSent, EmailSent_Contact)');
      await ingestInteractions(handle, [record('EmailSent', 'a1', 'x1'), record('EmailSent', 'a2', 'x2')]);

      const run = await membership.runOnce();
      expect(run.added).toBe(2);
      expect(await members(segmentId)).toEqual(['a1', 'a2']);
    });

    it('records a failed evaluation and retries it', async () => {
      const referenced = await createLive('Referenced', 'INTERACTION(EmailSent, EmailSent_Contact)');
      const segmentId = await createLive('Referencing', 'SEGMENT(Referenced)');
      const working = (await segmentRow(referenced)).logic_ast;
      const broken = JSON.stringify(parseQuery('SEGMENT(Missing)').ast);
      await handle.db.updateTable('segment').set({ logic_ast: broken, updated_at: now + 100 }).where('segment_id', '=', referenced).execute();

      await ingestInteractions(handle, [record('EmailSent', 'b1', 'y1')], { onStored: membership.notifyStored });
      const failed = await membership.runOnce();
      expect(failed.failures).toBeGreaterThan(0);
      const row = await segmentRow(segmentId);
      expect(JSON.parse(row.last_error!)).toMatchObject({ action: 'maintenance', code: 'unknown-segment' });
      expect(Number(row.next_evaluation_at)).toBe(now + minute);
      expect(await members(segmentId)).toEqual([]);

      await handle.db.updateTable('segment').set({ logic_ast: working, updated_at: now + 200 }).where('segment_id', '=', referenced).execute();
      now += minute;
      const retried = await membership.runOnce();
      expect(retried.fullEvaluations).toBeGreaterThan(0);
      expect((await segmentRow(segmentId)).last_error).toBeNull();
      expect(await members(segmentId)).toEqual(['b1']);
    });

    it('evaluates contact filters again when the interval passes', async () => {
      await handle.db.insertInto('contact').values({ contact_id: 'p1', full_name: 'Pat', email: null, attributes: JSON.stringify({ address1_city: 'Bonn' }) }).execute();
      const segmentId = await createLive('Berlin', "PROFILE(contact, c).FILTER(c.address1_city == 'Berlin')");
      expect(Number((await segmentRow(segmentId)).next_evaluation_at)).toBe(now + 5 * minute);

      await handle.db.updateTable('contact').set({ attributes: JSON.stringify({ address1_city: 'Berlin' }) }).where('contact_id', '=', 'p1').execute();
      now += 4 * minute;
      await membership.runOnce();
      expect(await members(segmentId)).toEqual([]);

      now += minute;
      await membership.runOnce();
      expect(await members(segmentId)).toEqual(['p1']);
    });

    it('expires month windows at the calendar boundary', async () => {
      now = Date.UTC(2026, 2, 31, 10);
      const segmentId = await createLive('Monthly', 'INTERACTION(EmailOpened, EmailOpened_Contact).HAVING(COUNT() > 0, UTCMONTHS(1))');
      await ingestInteractions(handle, [{ ...record('EmailOpened', 'm1', 'z1'), Timestamp: new Date(now).toISOString() }], { onStored: membership.notifyStored });
      await membership.runOnce();
      // March 31 minus one month is February 28, so the open stays inside until May 1 begins.
      expect(Number((await segmentRow(segmentId)).next_evaluation_at)).toBe(Date.UTC(2026, 4, 1));

      now = Date.UTC(2026, 3, 30, 23, 59, 59, 999);
      await membership.runOnce();
      expect(await members(segmentId)).toEqual(['m1']);

      now = Date.UTC(2026, 4, 1);
      await membership.runOnce();
      expect(await members(segmentId)).toEqual([]);
    });
  });
});
