// Serves the demo pages: the journey designer (/designer/journeys/:journeyId) and a real-time journey analytics
// page (/analytics/journeys/:journeyId), each with its script and styles. Both read counts from the journey API
// and carry no Save-as-segment buttons; those come from the extension.

import { readFile } from 'node:fs/promises';

import type { FastifyPluginAsync } from 'fastify';

import { listJourneys } from '../journeys/repository';
import type { DatabaseHandle } from '../db/connect';

const assetsFolder = new URL('../../designer/', import.meta.url);
const assetTypes = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
/** The files each page may load from its assets path, with their content types. */
const assets: Record<'designer' | 'analytics', Record<string, string>> = {
  designer: { 'designer.js': assetTypes.js, 'designer.css': assetTypes.css },
  analytics: { 'analytics.js': assetTypes.js, 'analytics.css': assetTypes.css },
};

export const designerRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  const page = await readFile(new URL('designer.html', assetsFolder), 'utf8');
  const analyticsPage = await readFile(new URL('analytics.html', assetsFolder), 'utf8');

  app.get('/', async (_request, reply) => reply.redirect('/designer'));

  // The demo pages have no icon; an empty reply keeps a 404 for it out of the browser console.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  app.get('/designer', async (_request, reply) => {
    const [first] = await listJourneys(database);
    if (!first) {
      return reply.code(404).type('text/plain').send('No journey is registered yet. Start the backend with the demo data (npm start) or register one with PUT /api/journeys/:journeyId.');
    }
    return reply.redirect(`/designer/journeys/${encodeURIComponent(first.journey_id)}`);
  });

  app.get('/designer/journeys/:journeyId', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page));

  app.get('/analytics/journeys/:journeyId', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(analyticsPage),
  );

  for (const pageName of ['designer', 'analytics'] as const) {
    app.get<{ Params: { asset: string } }>(`/${pageName}/assets/:asset`, async (request, reply) => {
      const type = assets[pageName][request.params.asset];
      if (!type) {
        return reply.code(404).send({
          statusCode: 404,
          error: 'Not Found',
          code: 'asset-not-found',
          message: `Asset "${request.params.asset}" of the ${pageName} page does not exist.`,
        });
      }
      return reply.type(type).header('cache-control', 'no-store').send(await readFile(new URL(request.params.asset, assetsFolder), 'utf8'));
    });
  }
};
