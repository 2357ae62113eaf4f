import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord } from '../../../shared/api/segments';
import type { JourneyDetail } from '../../../shared/api/journeys';
import { launchJourney } from '../../../backend/src/demo/journeys';
import { parseQuery, printQuery } from '../../../shared/query';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

const journeyId = launchJourney.journeyId;
const clickers = `INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == '${journeyId}' && ActivityId == '02').HAVING(COUNT() > 0)`;
const canonicalClickers = printQuery(parseQuery(clickers).ast!);

describe.each(testDialects)('logic API on %s', (dialect) => {
  let backend: TestBackend;
  let shownClicks: number;

  const post = async (path: string, body: unknown) => {
    const response = await backend.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, demoContacts: 500 });
    const journey = (await (await backend.fetch(`/api/journeys/${journeyId}`)).json()) as JourneyDetail;
    shownClicks = journey.tiles.find((tile) => tile.activityId === '02')!.results.find((result) => result.resultId === 'uniqueClicks')!.count;
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('validates text and returns the canonical form', async () => {
    const { status, body } = await post('/api/logic/validate', { logic: clickers.replace('HAVING', 'having') });
    expect(status).toBe(200);
    expect(body.valid).toBe(true);
    expect(body.errors).toEqual([]);
    expect(body.canonical).toBe(canonicalClickers);
  });

  it('returns positioned errors for invalid text', async () => {
    const { body } = await post('/api/logic/validate', { logic: 'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(COUNT() >= 2)\nUNION\nSEGMENT(Nope)' });
    expect(body.valid).toBe(false);
    expect(body.errors.map((error: { code: string }) => error.code)).toEqual(['count-comparison-not-allowed', 'unknown-segment']);
    expect(body.errors[1]).toMatchObject({ line: 3, column: 9 });
  });

  it('previews the count of unsaved text', async () => {
    const { status, body } = await post('/api/logic/preview', { logic: clickers });
    expect(status).toBe(200);
    expect(body.memberCount).toBe(shownClicks);
    expect(Date.parse(body.countedAt)).toBeGreaterThan(0);
  });

  it('rejects a preview of invalid text with 422', async () => {
    const { status, body } = await post('/api/logic/preview', { logic: 'INTERACTION(EmailTeleported, EmailTeleported_Contact)' });
    expect(status).toBe(422);
    expect(body.code).toBe('invalid-logic');
    expect(body.message).toContain('EmailTeleported');
    expect(body.details.errors[0]).toMatchObject({ line: 1, column: 13 });
  });

  it('creates a draft from text', async () => {
    const { status, body } = await post('/api/segments', { name: 'Text clickers', logic: clickers });
    const segment = body as SegmentRecord;
    expect(status).toBe(201);
    expect(segment.status).toBe('draft');
    expect(segment.logic).toBe(canonicalClickers);
    expect(segment.origin).toBeNull();
    expect(segment.memberCount).toBe(shownClicks);
  });

  it('resolves SEGMENT references to stored segments', async () => {
    const { status, body } = await post('/api/segments', { name: 'Clickers again', logic: "SEGMENT('Text clickers')" });
    expect(status).toBe(201);
    expect(body.memberCount).toBe(shownClicks);
  });

  it('rejects a duplicate name and writes nothing', async () => {
    const before = ((await (await backend.fetch(`/api/segments`)).json()) as { segments: unknown[] }).segments.length;
    const { status, body } = await post('/api/segments', { name: 'Text clickers', logic: clickers });
    expect(status).toBe(422);
    expect(body.message).toContain('Text clickers');
    const after = ((await (await backend.fetch(`/api/segments`)).json()) as { segments: unknown[] }).segments.length;
    expect(after).toBe(before);
  });

  it('rejects a segment that references itself', async () => {
    const { status, body } = await post('/api/segments', { name: 'Loop', logic: 'SEGMENT(Loop)' });
    expect(status).toBe(422);
    expect(body.details.errors.map((error: { code: string }) => error.code)).toContain('segment-cycle');
  });

  it('explains why a contact is a member', async () => {
    const { body: segment } = await post('/api/segments', { name: 'Explained clickers', logic: clickers });
    const member = await backend.database.db
      .selectFrom('interaction')
      .select('contact_id')
      .where('interaction_type', '=', 'EmailClicked')
      .where('activity_id', '=', '02')
      .where('customer_journey_id', '=', journeyId)
      .executeTakeFirstOrThrow();
    const response = await backend.fetch(`/api/segments/${segment.segmentId}/explanation?contactId=${member.contact_id}`);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.member).toBe(true);
    expect(body.contactName).toEqual(expect.any(String));
    expect(body.explanation.matched).toBe(true);
    expect(body.explanation.interactions.length).toBeGreaterThan(0);
  });

  it('explains a non-member as not matched', async () => {
    const { body: segment } = await post('/api/segments', { name: 'Nobody', logic: clickers.replace("'02'", "'99'") });
    const response = await backend.fetch(`/api/segments/${segment.segmentId}/explanation?contactId=unknown-contact`);
    const body = await response.json();
    expect(body.member).toBe(false);
    expect(body.explanation.matched).toBe(false);
  });
});
