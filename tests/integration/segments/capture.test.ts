import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { IncompleteJourneys, JourneyDetail } from '../../../shared/api/journeys';
import type { SegmentRecord } from '../../../shared/api/segments';
import { launchJourney } from '../../../backend/src/demo/journeys';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

const journeyId = launchJourney.journeyId;

describe.each(testDialects)('segment capture on %s', (dialect) => {
  let backend: TestBackend;
  let journey: JourneyDetail;
  let incomplete: IncompleteJourneys;

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
    const response = await backend.fetch('/api/segments/captures', init, 'marketer');
    return { status: response.status, body: await response.json() };
  };
  const segmentCount = async () => ((await (await backend.fetch(`/api/segments`)).json()) as { segments: unknown[] }).segments.length;
  const shownCount = (activityId: string, resultId: string) =>
    journey.tiles.find((tile) => tile.activityId === activityId)!.results.find((result) => result.resultId === resultId)!.count;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, demoContacts: 800 });
    journey = await (await backend.fetch(`/api/journeys/${journeyId}`)).json();
    incomplete = await (await backend.fetch(`/api/journeys/${journeyId}/incomplete`)).json();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('stores a tile result as a draft with its logic and count', async () => {
    const { status, body } = await post({ journeyId, activityId: '02', resultId: 'uniqueClicks', name: 'Clickers', description: 'Clicked the announcement' });
    const segment = body as SegmentRecord;
    expect(status).toBe(201);
    expect(segment.status).toBe('draft');
    expect(segment.name).toBe('Clickers');
    expect(segment.description).toBe('Clicked the announcement');
    expect(segment.origin).toEqual({ journeyId, activityId: '02', resultId: 'uniqueClicks' });
    expect(segment.logic).toContain('INTERACTION(EmailClicked, EmailClicked_Contact)');
    expect(segment.logic).toContain(`CustomerJourneyId == '${journeyId}'`);
    expect(segment.logic).toContain("ActivityId == '02'");
    expect(segment.memberCount).toBe(shownCount('02', 'uniqueClicks'));
    expect(segment.countedAt).not.toBeNull();
  });

  it('matches the designer count for every result of every tile', async () => {
    for (const tile of journey.tiles) {
      for (const result of tile.results) {
        const { body } = await post({ journeyId, activityId: tile.activityId, resultId: result.resultId, name: `${result.label} - ${tile.name}` });
        expect((body as SegmentRecord).memberCount, `${tile.activityId} ${result.resultId}`).toBe(result.count);
      }
    }
  });

  it('matches the designer count for every reason', async () => {
    for (const reason of [...incomplete.stopped, ...incomplete.blocked]) {
      const { status, body } = await post({ journeyId, reasonId: reason.reasonId, name: reason.label });
      expect(status).toBe(201);
      expect((body as SegmentRecord).memberCount, reason.reasonId).toBe(reason.count);
    }
  });

  it('reads a stored segment back', async () => {
    const { body } = await post({ journeyId, activityId: '02', resultId: 'hardBounces', name: 'Hard bounces' });
    const response = await backend.fetch(`/api/segments/${(body as SegmentRecord).segmentId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(body);
  });

  it('creates one segment for a repeated idempotency key', async () => {
    const before = await segmentCount();
    const request = { journeyId, activityId: '01', resultId: 'processed', name: 'Entered' };
    const first = await post(request, { 'idempotency-key': 'capture-key-0001' });
    const second = await post(request, { 'idempotency-key': 'capture-key-0001' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.segmentId).toBe(first.body.segmentId);
    expect(await segmentCount()).toBe(before + 1);
  });

  it('rejects an idempotency key reused for another capture', async () => {
    await post({ journeyId, activityId: '01', resultId: 'processed', name: 'First' }, { 'idempotency-key': 'capture-key-0002' });
    const { status, body } = await post({ journeyId, activityId: '01', resultId: 'processed', name: 'Second' }, { 'idempotency-key': 'capture-key-0002' });
    expect(status).toBe(422);
    expect(body.message).toContain('capture-key-0002');
  });

  describe('bad input writes nothing', () => {
    it.each([
      ['an empty name', { journeyId, activityId: '02', resultId: 'processed', name: '   ' }, 400, 'name'],
      ['a name over 200 characters', { journeyId, activityId: '02', resultId: 'processed', name: 'x'.repeat(201) }, 400, '200'],
      ['an unknown journey', { journeyId: 'journey-that-is-not-there', activityId: '02', resultId: 'processed', name: 'A' }, 404, 'journey-that-is-not-there'],
      ['an unknown tile', { journeyId, activityId: '99', resultId: 'processed', name: 'A' }, 404, '"99"'],
      ['a result the tile does not offer', { journeyId, activityId: '01', resultId: 'uniqueClicks', name: 'A' }, 422, 'uniqueClicks'],
      ['an unknown reason', { journeyId, reasonId: 'movedAway', name: 'A' }, 404, 'movedAway'],
      ['a reason and a result at once', { journeyId, reasonId: 'consent', activityId: '02', resultId: 'processed', name: 'A' }, 400, 'either'],
    ])('%s', async (_case, body, expectedStatus, named) => {
      const before = await segmentCount();
      const { status, body: reply } = await post(body);
      expect(status).toBe(expectedStatus);
      expect(reply.message).toContain(named);
      expect(await segmentCount()).toBe(before);
    });
  });

  it('answers 404 for an unknown segment', async () => {
    const response = await backend.fetch(`/api/segments/no-such-segment`);
    expect(response.status).toBe(404);
    expect((await response.json()).message).toContain('no-such-segment');
  });
});
