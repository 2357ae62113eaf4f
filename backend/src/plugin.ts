// The Journey Segments backend as a Fastify plugin, so it can be mounted in an existing Node service.
// It needs an open database handle whose schema is migrated (see db/migrate.ts).

import { STATUS_CODES } from 'node:http';

import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

import { auditRoutes } from './audit/routes';
import { tokenRoutes } from './auth/token-routes';
import type { DatabaseHandle } from './db/connect';
import { designerRoutes } from './designer/routes';
import { HttpError } from './http-error';
import { importRoutes } from './import/routes';
import { interactionRoutes } from './interactions/routes';
import { journeyRoutes } from './journeys/routes';
import type { MaintenanceOptions } from './membership/maintenance';
import { membershipService } from './membership/service';
import { lifecycleRoutes } from './segments/lifecycle-routes';
import { logicRoutes } from './segments/logic-routes';
import { segmentRoutes } from './segments/routes';
import { bodyTooLarge } from './security/body-limit';
import { registerRequestProtection, type ProtectionOptions } from './security/request-protection';
import { targetingRoutes } from './targeting/routes';

export interface JourneySegmentsOptions extends ProtectionOptions {
  database: DatabaseHandle;
  /** Serve the demo journey designer pages under /designer. */
  demoDesigner?: boolean;
  /** Clock and tuning of the maintenance that keeps live segments' members current. */
  membership?: MaintenanceOptions;
}

const journeySegments: FastifyPluginAsync<JourneySegmentsOptions> = async (app, options) => {
  app.setErrorHandler((raw: FastifyError | HttpError, request, reply) => {
    const error = raw.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? bodyTooLarge(request) : raw;
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({
        statusCode: error.statusCode,
        error: STATUS_CODES[error.statusCode] ?? 'Error',
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

  await registerRequestProtection(app, { ...options, demoDesigner: options.demoDesigner ?? false });

  await app.register(journeyRoutes, { database: options.database });
  await app.register(segmentRoutes, { database: options.database });
  await app.register(logicRoutes, { database: options.database });
  const membership = membershipService(app, options.database, options.membership);
  await app.register(lifecycleRoutes, { handle: options.database, membership });
  await app.register(targetingRoutes, { database: options.database, membership });
  await app.register(interactionRoutes, { database: options.database, onStored: membership.notifyStored });
  await app.register(importRoutes, { database: options.database, onStored: membership.notifyStored });
  await app.register(tokenRoutes, { database: options.database });
  await app.register(auditRoutes, { database: options.database });
  if (options.demoDesigner) {
    await app.register(designerRoutes, { database: options.database });
  }
};

export default fp(journeySegments, { name: 'journey-segments', fastify: '5.x' });
