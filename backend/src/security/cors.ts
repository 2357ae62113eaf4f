// CORS: browsers may call the API only from the configured extension origins and from the backend's own pages.
// Any other origin gets no Access-Control-Allow-Origin header, so the browser keeps the reply from the page.

import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The Chrome extension id, fixed by the public key in manifest.json. */
export const defaultExtensionOrigins = ['chrome-extension://lleldoomloonhbonkajngmapagkappob'];

const allowedHeaders = ['authorization', 'content-type', 'idempotency-key', 'x-actor'];
const exposedHeaders = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
const preflightMaxAgeSeconds = 600;

const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function registerCors(app: FastifyInstance, extensionOrigins: readonly string[]): Promise<void> {
  const allowed = new Set(extensionOrigins);

  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const permitted = origin !== undefined && (allowed.has(origin) || origin === ownOrigin(request));
      callback(null, {
        origin: permitted ? origin : false,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders,
        exposedHeaders,
        maxAge: preflightMaxAgeSeconds,
      });
    },
  });
}
