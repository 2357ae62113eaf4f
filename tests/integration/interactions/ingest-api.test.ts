// POST /api/interactions over real HTTP: idempotent storage, an outcome per line, and the limits of a batch.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LineOutcome } from '../../../backend/src/interactions/ingest';
import { ingestBodyLimit, ingestMaxLines } from '../../../backend/src/interactions/routes';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

interface IngestReply {
  stored: number;
  duplicates: number;
  rejected: number;
  outcomes: LineOutcome[];
}

let sequence = 0;
const interaction = (overrides: Record<string, unknown> = {}) => ({
  InteractionType: 'EmailClicked',
  InternalMarketingInteractionId: `ingest-test-${++sequence}`,
  Timestamp: '2026-07-14T15:05:09Z',
  Version: 1,
  ContactId: `contact-${sequence}`,
  CustomerJourneyId: 'journey-ingest',
  ActivityId: '02',
  LinkId: 'link-1',
  ...overrides,
});

const ndjson = (lines: readonly unknown[]) => `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`;

describe.each(testDialects)('interaction ingest API on %s', (dialect) => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const post = async (body: string, contentType = 'application/x-ndjson') => {
    const response = await fetch(`${backend.url}/api/interactions`, { method: 'POST', headers: { ...backend.authorization(), 'content-type': contentType }, body });
    return { status: response.status, body: await response.json() };
  };
  const storedRows = async () => {
    const row = await backend.database.db.selectFrom('interaction').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  };
  const storedFields = async (interactionId: string) => {
    const row = await backend.database.db.selectFrom('interaction').select('fields').where('interaction_id', '=', interactionId).executeTakeFirst();
    return row ? (JSON.parse(row.fields) as Record<string, unknown>) : undefined;
  };

  describe('idempotency', () => {
    it('stores a batch once', async () => {
      const batch = ndjson([interaction(), interaction(), interaction()]);
      const before = await storedRows();

      const first = await post(batch);
      expect(first.status).toBe(200);
      expect((first.body as IngestReply).stored).toBe(3);
      expect(await storedRows()).toBe(before + 3);

      const second = await post(batch);
      expect(second.status).toBe(200);
      expect((second.body as IngestReply).stored).toBe(0);
      expect((second.body as IngestReply).duplicates).toBe(3);
      expect((second.body as IngestReply).outcomes.map((outcome) => outcome.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await storedRows()).toBe(before + 3);
    });

    it('keeps the first version of a re-posted id', async () => {
      const original = interaction({ LinkId: 'link-original' });
      await post(ndjson([original]));
      const { body } = await post(ndjson([{ ...original, LinkId: 'link-changed' }]));
      expect((body as IngestReply).duplicates).toBe(1);
      expect((await storedFields(original.InternalMarketingInteractionId))?.LinkId).toBe('link-original');
    });

    it('stores an id repeated within a batch once', async () => {
      const twice = interaction();
      const { body } = await post(ndjson([twice, twice]));
      expect((body as IngestReply).stored).toBe(1);
      expect((body as IngestReply).outcomes.map((outcome) => outcome.status)).toEqual(['stored', 'duplicate']);
    });
  });

  describe('per-line rejections', () => {
    const valid = [interaction(), interaction(), interaction()];
    const cases: Array<[string, unknown, string, string | undefined, string]> = [
      ['unknown type', interaction({ InteractionType: 'EmailTeleported' }), 'unknown-type', 'InteractionType', 'EmailTeleported'],
      ['missing field', { ...interaction(), InternalMarketingInteractionId: undefined }, 'missing-field', 'InternalMarketingInteractionId', 'InternalMarketingInteractionId'],
      ['wrong type', interaction({ Version: 'three' }), 'invalid-value', 'Version', 'three'],
      ['unreadable timestamp', interaction({ Timestamp: 'last Tuesday' }), 'invalid-value', 'Timestamp', 'last Tuesday'],
      ['invalid JSON', '{"InteractionType": "EmailSent",', 'invalid-value', undefined, 'not valid JSON'],
      ['unknown field', interaction({ BounceCategory: 'full-mailbox' }), 'unknown-field', 'BounceCategory', 'BounceCategory'],
      ['not an object', '[1, 2]', 'invalid-value', undefined, 'array'],
      ['empty line', '', 'invalid-value', undefined, 'empty'],
    ];
    let reply: IngestReply;
    const before = { rows: 0 };

    beforeAll(async () => {
      before.rows = await storedRows();
      const lines = [valid[0], ...cases.map(([, line]) => line), valid[1], valid[2]];
      const response = await post(ndjson(lines));
      expect(response.status).toBe(200);
      reply = response.body as IngestReply;
    });

    it('stores the valid lines of the batch', async () => {
      expect(reply.stored).toBe(3);
      expect(await storedRows()).toBe(before.rows + 3);
      for (const line of valid) {
        expect(await storedFields(line.InternalMarketingInteractionId), line.InternalMarketingInteractionId).toBeDefined();
      }
    });

    it('reports an outcome for every line', () => {
      expect(reply.outcomes.map((outcome) => outcome.line)).toEqual(Array.from({ length: cases.length + 3 }, (_, index) => index + 1));
      expect(reply.rejected).toBe(cases.length);
      expect(reply.outcomes[0].status).toBe('stored');
      expect(reply.outcomes.at(-1)!.status).toBe('stored');
    });

    it.each(cases.map(([name, , code, field, named], index) => [name, index + 2, code, field, named] as const))('rejects %s on its line', (_name, line, code, field, named) => {
      const outcome = reply.outcomes.find((candidate) => candidate.line === line)!;
      expect(outcome.status).toBe('rejected');
      if (outcome.status !== 'rejected') return;
      expect(outcome.code).toBe(code);
      expect(outcome.field).toBe(field);
      expect(outcome.message).toContain(named);
    });
  });

  describe('limits', () => {
    it('answers 413 naming the size limit', async () => {
      const before = await storedRows();
      const line = JSON.stringify(interaction({ OriginalUrl: `https://www.contoso.com/${'x'.repeat(4000)}` }));
      const body = `${`${line}\n`.repeat(Math.ceil((ingestBodyLimit + 1024) / (line.length + 1)))}`;
      const { status, body: reply } = await post(body);
      expect(status).toBe(413);
      expect(reply.code).toBe('body-too-large');
      expect(reply.message).toContain(String(ingestBodyLimit));
      expect(reply.message).toContain('Split it');
      expect(await storedRows()).toBe(before);
    });

    it('answers 413 for too many lines', async () => {
      const before = await storedRows();
      const { status, body } = await post('{}\n'.repeat(ingestMaxLines + 1));
      expect(status).toBe(413);
      expect(body.code).toBe('too-many-lines');
      expect(body.message).toContain(String(ingestMaxLines + 1));
      expect(body.message).toContain(String(ingestMaxLines));
      expect(await storedRows()).toBe(before);
    });

    it('accepts a batch of exactly the line limit', async () => {
      const { status, body } = await post('{}\n'.repeat(ingestMaxLines));
      expect(status).toBe(200);
      expect((body as IngestReply).rejected).toBe(ingestMaxLines);
    });
  });

  describe('content type', () => {
    it.each([['text/plain'], ['application/json'], ['application/x-www-form-urlencoded']])('answers 415 for %s', async (contentType) => {
      const { status, body } = await post(ndjson([interaction()]), contentType);
      expect(status).toBe(415);
      expect(body.code).toBe('unsupported-content-type');
      expect(body.message).toContain(contentType);
      expect(body.message).toContain('application/x-ndjson');
    });

    it('accepts application/ndjson with a charset', async () => {
      const { status, body } = await post(ndjson([interaction()]), 'application/ndjson; charset=utf-8');
      expect(status).toBe(200);
      expect((body as IngestReply).stored).toBe(1);
    });
  });
});
