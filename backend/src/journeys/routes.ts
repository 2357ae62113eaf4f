// HTTP endpoints for journeys: definitions, designer counts and incomplete-journey lists.

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import { journeyDefinitionRequest } from '../../../shared/api/journeys';
import { catalogLabels, resolveUiLanguage } from '../../../shared/catalog';
import type { DatabaseHandle } from '../db/connect';
import { unprocessable } from '../http-error';
import { parseBody } from '../validation';
import { listJourneys, saveJourney } from './repository';
import { getIncompleteJourneys, getJourneyDetail, getReasonContacts, requireJourney } from './service';

const languageQuery = z.object({ lang: z.string().optional() });
const pageQuery = z.object({
  offset: z.coerce.number().int().min(0, { error: 'offset must be 0 or more.' }).default(0),
  limit: z.coerce.number().int().min(1).max(500, { error: 'limit must be between 1 and 500.' }).default(50),
});

/** Rejects definitions whose tiles repeat an ActivityId or follow a tile that is not in the journey. */
function checkTiles(tiles: z.output<typeof journeyDefinitionRequest>['tiles']): void {
  const ids = new Set<string>();
  for (const tile of tiles) {
    if (ids.has(tile.activityId)) {
      throw unprocessable('duplicate-activity-id', `ActivityId "${tile.activityId}" appears on more than one tile. Give each tile its own ActivityId.`);
    }
    ids.add(tile.activityId);
  }
  for (const tile of tiles) {
    if (tile.parentActivityId && !ids.has(tile.parentActivityId)) {
      throw unprocessable(
        'unknown-parent-tile',
        `Tile "${tile.activityId}" follows tile "${tile.parentActivityId}", which is not in the journey. Add that tile or correct parentActivityId.`,
      );
    }
  }
}

export const journeyRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.get('/api/catalog/labels', async (request) => {
    const { lang } = parseBody(languageQuery, request.query);
    return catalogLabels[resolveUiLanguage(lang)];
  });

  app.get('/api/journeys', async () => {
    const journeys = await listJourneys(database);
    return {
      journeys: journeys.map((journey) => ({
        journeyId: journey.journey_id,
        name: journey.name,
        status: journey.status,
        startDate: new Date(journey.start_date).toISOString(),
      })),
    };
  });

  app.get<{ Params: { journeyId: string } }>('/api/journeys/:journeyId', async (request) => {
    const { lang } = parseBody(languageQuery, request.query);
    return getJourneyDetail(database, request.params.journeyId, resolveUiLanguage(lang));
  });

  app.put<{ Params: { journeyId: string } }>('/api/journeys/:journeyId', async (request, reply) => {
    const body = parseBody(journeyDefinitionRequest, request.body);
    checkTiles(body.tiles);
    const existed = await requireJourney(database, request.params.journeyId).then(
      () => true,
      () => false,
    );
    await saveJourney(database, { ...body, journeyId: request.params.journeyId, startDate: Date.parse(body.startDate) }, Date.now());
    request.log.info({ journeyId: request.params.journeyId, tiles: body.tiles.length }, existed ? 'journey updated' : 'journey registered');
    reply.code(existed ? 200 : 201);
    return getJourneyDetail(database, request.params.journeyId, 'en');
  });

  app.get<{ Params: { journeyId: string } }>('/api/journeys/:journeyId/incomplete', async (request) => {
    const { lang } = parseBody(languageQuery, request.query);
    return getIncompleteJourneys(database, request.params.journeyId, resolveUiLanguage(lang));
  });

  app.get<{ Params: { journeyId: string; reasonId: string } }>('/api/journeys/:journeyId/reasons/:reasonId/contacts', async (request) => {
    const page = parseBody(pageQuery, request.query);
    return getReasonContacts(database, request.params.journeyId, request.params.reasonId, page);
  });
};
