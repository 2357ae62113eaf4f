// Everything that runs between a request and its route: CORS, security headers, authentication with the
// permission table, and rate limits. Registered before the routes, because the rate limiter attaches itself
// to routes as they are added.

import type { FastifyInstance } from 'fastify';

import { registerAuthentication, type AuthMode } from '../auth/authentication';
import type { DatabaseHandle } from '../db/connect';
import { defaultExtensionOrigins, registerCors } from './cors';
import { defaultRateLimit, registerRateLimit, type RateLimitOptions } from './rate-limit';
import { registerSecurityHeaders } from './security-headers';

export interface ProtectionOptions {
  /** "required" unless set; "off" allows every request without a token and is meant for local experiments only. */
  auth?: AuthMode;
  /** Browser origins allowed to call the API besides the backend's own pages; the Chrome extension unless set. */
  extensionOrigins?: readonly string[];
  /** Requests allowed per token (or per address without one) in each window; false turns the limit off. */
  rateLimit?: RateLimitOptions | false;
}

export async function registerRequestProtection(
  app: FastifyInstance,
  options: ProtectionOptions & { database: DatabaseHandle; demoDesigner: boolean },
): Promise<void> {
  // CORS first: it replies to preflight requests, which never carry the Authorization header.
  await registerCors(app, options.extensionOrigins ?? defaultExtensionOrigins);
  await registerSecurityHeaders(app);
  await registerAuthentication(app, { database: options.database, mode: options.auth ?? 'required', demoDesigner: options.demoDesigner });
  if (options.rateLimit !== false) {
    await registerRateLimit(app, options.rateLimit ?? defaultRateLimit);
  }
}
