// The actor of a lifecycle action, for the transition history.

import type { FastifyRequest } from 'fastify';

import type {} from '../auth/principal';

export const anonymousActor = 'anonymous';
const maxActorLength = 200;

/** Returns the `sub` claim of a JWT bearer token, or undefined for any other token. */
function tokenSubject(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) {
    return undefined;
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the name of the API token the request authenticated with. Without one (authentication off, or the
 * plugin mounted without it) it returns the X-Actor header, else the `sub` claim of a JWT bearer token, else
 * "anonymous".
 *
 * NOTE: the header and the JWT claim are not verified, so without authentication the recorded actor is what
 * the caller claims.
 */
export function actorOf(request: FastifyRequest): string {
  if (request.principal) {
    return request.principal.name.slice(0, maxActorLength);
  }
  const header = request.headers['x-actor'];
  const named = (Array.isArray(header) ? header[0] : header)?.trim() || tokenSubject(request.headers.authorization)?.trim();
  return named ? named.slice(0, maxActorLength) : anonymousActor;
}
