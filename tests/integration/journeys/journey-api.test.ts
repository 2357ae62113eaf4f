import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoJourneys, launchJourney } from '../../../backend/src/demo/journeys';
import { reasonIds } from '../../../shared/catalog';
import type { IncompleteJourneys, JourneyDetail, ReasonContactsPage } from '../../../shared/api/journeys';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

describe.each(testDialects)('journey API on %s', (dialect) => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, demoContacts: 600 });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const get = async <T>(path: string) => {
    const response = await backend.fetch(path);
    return { status: response.status, body: (await response.json()) as T };
  };

  it('lists the demo journeys', async () => {
    const { body } = await get<{ journeys: Array<{ journeyId: string }> }>('/api/journeys');
    expect(body.journeys.map((journey) => journey.journeyId)).toEqual(demoJourneys.map((journey) => journey.journeyId));
  });

  it('returns tiles with catalog results and counts', async () => {
    const { status, body } = await get<JourneyDetail>(`/api/journeys/${launchJourney.journeyId}`);
    expect(status).toBe(200);
    expect(body.tiles.map((tile) => tile.activityId)).toEqual(launchJourney.tiles.map((tile) => tile.activityId));
    const email = body.tiles.find((tile) => tile.activityId === '02')!;
    const clicks = email.results.find((result) => result.resultId === 'uniqueClicks')!;
    expect(clicks.label).toBe('Unique clicks');
    expect(clicks.count).toBeGreaterThan(0);
    expect(email.volume.processed).toBe(email.results.find((result) => result.resultId === 'processed')!.count);
  });

  it('labels results in German on request', async () => {
    const { body } = await get<JourneyDetail>(`/api/journeys/${launchJourney.journeyId}?lang=de`);
    const email = body.tiles.find((tile) => tile.activityId === '02')!;
    expect(email.results.find((result) => result.resultId === 'uniqueClicks')!.label).toBe('Eindeutige Klicks');
  });

  it('returns both incomplete-journey tables with every reason', async () => {
    const { body } = await get<IncompleteJourneys>(`/api/journeys/${launchJourney.journeyId}/incomplete`);
    expect(body.stopped).toHaveLength(3);
    expect(body.blocked).toHaveLength(10);
    expect([...body.stopped, ...body.blocked].map((reason) => reason.reasonId)).toEqual([...reasonIds]);
  });

  it('pages the contacts of a reason', async () => {
    const { body: tables } = await get<IncompleteJourneys>(`/api/journeys/${launchJourney.journeyId}/incomplete`);
    const busiest = [...tables.blocked].sort((a, b) => b.count - a.count)[0];
    const { body: first } = await get<ReasonContactsPage>(`/api/journeys/${launchJourney.journeyId}/reasons/${busiest.reasonId}/contacts?limit=2`);
    expect(first.total).toBe(busiest.count);
    expect(first.contacts).toHaveLength(Math.min(2, busiest.count));
    const { body: second } = await get<ReasonContactsPage>(`/api/journeys/${launchJourney.journeyId}/reasons/${busiest.reasonId}/contacts?limit=2&offset=2`);
    expect(second.contacts.map((contact) => contact.contactId)).not.toContain(first.contacts[0].contactId);
  });

  it('answers 404 naming an unknown journey', async () => {
    const { status, body } = await get<{ message: string }>('/api/journeys/no-such-journey');
    expect(status).toBe(404);
    expect(body.message).toContain('no-such-journey');
  });

  it('answers 404 naming an unknown reason', async () => {
    const { status, body } = await get<{ message: string }>(`/api/journeys/${launchJourney.journeyId}/reasons/bogus/contacts`);
    expect(status).toBe(404);
    expect(body.message).toContain('bogus');
  });

  it('rejects a limit over 500', async () => {
    const { status, body } = await get<{ message: string }>(`/api/journeys/${launchJourney.journeyId}/reasons/consent/contacts?limit=5000`);
    expect(status).toBe(400);
    expect(body.message).toContain('limit');
  });
});
