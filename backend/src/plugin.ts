// The Journey Segments backend as a Fastify plugin, so it can be mounted in an existing Node service.
// It needs an open database handle whose schema is migrated (see db/migrate.ts).

import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

import type { DatabaseHandle } from './db/connect';
import { designerRoutes } from './designer/routes';
import { HttpError } from './http-error';
import { importRoutes } from './import/routes';
import { interactionRoutes } from './interactions/routes';
import { journeyRoutes } from './journeys/routes';
import { logicRoutes } from './segments/logic-routes';
import { segmentRoutes } from './segments/routes';

export interface JourneySegmentsOptions {
  database: DatabaseHandle;
  /** Serve the demo journey designer pages under /designer. */
  demoDesigner?: boolean;
}

const journeySegments: FastifyPluginAsync<JourneySegmentsOptions> = async (app, options) => {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({
        statusCode: error.statusCode,
        error: reply.raw.statusMessage ?? 'Error',
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      });
    }

    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', code: 'internal', message: 'The backend failed to handle the request. Its log has the details.' });
    }
    return reply.code(statusCode).send({ statusCode, error: error.name, code: error.code ?? 'invalid-request', message: error.message });
  });

  await app.register(journeyRoutes, { database: options.database });
  await app.register(segmentRoutes, { database: options.database });
  await app.register(logicRoutes, { database: options.database });
  await app.register(interactionRoutes, { database: options.database });
  await app.register(importRoutes, { database: options.database });
  if (options.demoDesigner) {
    await app.register(designerRoutes, { database: options.database });
  }
};

export default fp(journeySegments, { name: 'journey-segments', fastify: '5.x' });
