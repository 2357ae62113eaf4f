// Serves the demo journey designer: one HTML page per journey, its script and its styles. The page reads
// counts from the journey API and carries no Save-as-segment buttons; those come from the extension.

import { readFile } from 'node:fs/promises';

import type { FastifyPluginAsync } from 'fastify';

import { listJourneys } from '../journeys/repository';
import type { DatabaseHandle } from '../db/connect';

const assetsFolder = new URL('../../designer/', import.meta.url);
const assets: Record<string, string> = {
  'designer.js': 'text/javascript; charset=utf-8',
  'designer.css': 'text/css; charset=utf-8',
};

export const designerRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  const page = await readFile(new URL('designer.html', assetsFolder), 'utf8');

  app.get('/', async (_request, reply) => reply.redirect('/designer'));

  app.get('/designer', async (_request, reply) => {
    const [first] = await listJourneys(database);
    if (!first) {
      return reply.code(404).type('text/plain').send('No journey is registered yet. Start the backend with the demo data (npm start) or register one with PUT /api/journeys/:journeyId.');
    }
    return reply.redirect(`/designer/journeys/${encodeURIComponent(first.journey_id)}`);
  });

  app.get('/designer/journeys/:journeyId', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page));

  app.get<{ Params: { asset: string } }>('/designer/assets/:asset', async (request, reply) => {
    const type = assets[request.params.asset];
    if (!type) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', code: 'asset-not-found', message: `Designer asset "${request.params.asset}" does not exist.` });
    }
    return reply.type(type).header('cache-control', 'no-store').send(await readFile(new URL(request.params.asset, assetsFolder), 'utf8'));
  });
};
