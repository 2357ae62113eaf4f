// The demo data `npm start` seeds must give every button the extension offers something to count: every result
// of every tile and every incomplete-journey reason of each demo journey is non-zero.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readConfig } from '../../../backend/src/config';
import { demoJourneys } from '../../../backend/src/demo/journeys';
import type { IncompleteJourneys, JourneyDetail } from '../../../shared/api/journeys';
import { tileKinds } from '../../../shared/catalog';
import { startTestBackend, type TestBackend } from '../../support/backend';

describe('demo journeys with the default seed', () => {
  let backend: TestBackend;
  const details = new Map<string, JourneyDetail>();
  const incomplete = new Map<string, IncompleteJourneys>();

  beforeAll(async () => {
    const { demoSeed, demoContacts } = readConfig();
    backend = await startTestBackend({ dialect: 'sqlite', demoContacts, seed: demoSeed });
    for (const journey of demoJourneys) {
      details.set(journey.journeyId, await (await backend.fetch(`/api/journeys/${journey.journeyId}`)).json());
      incomplete.set(journey.journeyId, await (await backend.fetch(`/api/journeys/${journey.journeyId}/incomplete`)).json());
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('use every tile kind', () => {
    const used = new Set(demoJourneys.flatMap((journey) => journey.tiles.map((tile) => tile.kind)));
    expect([...used].sort()).toEqual([...tileKinds].sort());
  });

  it('count every result of every tile', () => {
    for (const journey of demoJourneys) {
      for (const tile of details.get(journey.journeyId)!.tiles) {
        for (const result of tile.results) {
          expect(result.count, `${journey.name} ${tile.activityId} ${result.resultId}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('count every incomplete-journey reason', () => {
    for (const journey of demoJourneys) {
      const tables = incomplete.get(journey.journeyId)!;
      for (const reason of [...tables.stopped, ...tables.blocked]) {
        expect(reason.count, `${journey.name} ${reason.reasonId}`).toBeGreaterThan(0);
      }
    }
  });

  it('offer a branch result per split branch', () => {
    const webinar = [...details.values()].find((detail) => detail.tiles.some((tile) => tile.kind === 'split'))!;
    const split = webinar.tiles.find((tile) => tile.kind === 'split')!;
    const branches = webinar.tiles.filter((tile) => tile.parentActivityId === split.activityId).map((tile) => `branch:${tile.activityId}`);
    expect(branches.length).toBeGreaterThanOrEqual(2);
    expect(split.results.filter((result) => result.section === 'paths').map((result) => result.resultId)).toEqual(branches);
  });
});
