// Rate limits per API token, or per client address for requests without one. The defaults are generous: they
// stop a runaway script, not a person clicking.

import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

import { HttpError } from '../http-error';

export interface RateLimitOptions {
  /** Requests allowed per token in each window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export const defaultRateLimit: RateLimitOptions = { max: 1200, windowMs: 60_000 };

export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    max: options.max,
    timeWindow: options.windowMs,
    // Route-level onRequest hooks run after the authentication hook, so the principal is known here.
    keyGenerator: (request) => (request.principal ? `token:${request.principal.tokenId}` : `address:${request.ip}`),
    errorResponseBuilder: (request, context) => {
      const client = request.principal ? `token "${request.principal.name}"` : `address ${request.ip}`;
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(
        429,
        'rate-limited',
        `Too many requests from ${client}: the limit is ${context.max} per ${Math.round(options.windowMs / 1000)} seconds. Retry after ${seconds} seconds (see the Retry-After header).`,
        { limit: context.max, windowMs: options.windowMs, retryAfterSeconds: seconds },
      );
    },
  });
}
