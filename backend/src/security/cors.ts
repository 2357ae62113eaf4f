// CORS: browsers may call the API only from the configured extension origins and from the backend's own pages.
// Any other origin gets no Access-Control-Allow-Origin header, so the browser keeps the reply from the page.

import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { HttpError } from '../http-error';

/** The Chrome extension id, fixed by the public key in manifest.json. */
export const defaultExtensionOrigins = ['chrome-extension://lleldoomloonhbonkajngmapagkappob'];

const allowedHeaders = ['authorization', 'content-type', 'idempotency-key', 'x-actor'];
const exposedHeaders = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
const preflightMaxAgeSeconds = 600;

const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function registerCors(app: FastifyInstance, extensionOrigins: readonly string[]): Promise<void> {
  const allowed = new Set(extensionOrigins);
  const isPermitted = (request: FastifyRequest, origin: string | undefined): origin is string =>
    origin !== undefined && (allowed.has(origin) || origin === ownOrigin(request));

  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, {
        origin: isPermitted(request, origin) ? origin : false,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders,
        exposedHeaders,
        maxAge: preflightMaxAgeSeconds,
      });
    },
  });

  // The CORS plugin replies to the preflight of a permitted origin in its own hook, so only refused preflights
  // get here. Without this reply they would end in a 404 that hides why the browser blocks the call.
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] && !isPermitted(request, origin)) {
      request.log.info({ origin }, 'CORS preflight rejected: origin not allowed');
      throw new HttpError(
        403,
        'origin-not-allowed',
        `Origin ${origin ?? '(none)'} may not call this API from a browser. If it is a Journey Segments extension, add its origin to EXTENSION_ORIGINS on the backend.`,
      );
    }
  });
}
