// The size limit of request bodies, and the 413 reply that names it.

import type { FastifyRequest } from 'fastify';

import { HttpError } from '../http-error';

/** Largest JSON body accepted, in bytes (1 MiB). Routes with larger bodies, such as NDJSON ingest, set their own. */
export const jsonBodyLimit = 1024 * 1024;

export function bodyTooLarge(request: FastifyRequest): HttpError {
  const limit = request.routeOptions.bodyLimit ?? jsonBodyLimit;
  return new HttpError(
    413,
    'body-too-large',
    `The request body is larger than ${limit} bytes (${(limit / 1024 / 1024).toFixed(limit % (1024 * 1024) === 0 ? 0 : 1)} MiB), the limit of ${request.method} ${request.routeOptions.url ?? request.url}. Send less data per request.`,
    { maxBytes: limit },
  );
}
