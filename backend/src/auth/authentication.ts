// The authentication hook: every /api request carries a bearer token whose role covers what the permission
// table asks for the route. It runs on onRequest, before the body is read, so a refused request costs one
// hash and one indexed lookup.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { DatabaseHandle } from '../db/connect';
import { roleTooLow, routeNotInPermissionTable, tokenInvalid, tokenMissing, tokenRevoked } from './auth-errors';
import { accessOf, isApiPath, permissionKey } from './permissions';
import type { Principal } from './principal';
import { isRole, roleSatisfies, type Role } from './roles';
import { findTokenBySecret, markTokenUsed } from './token-repository';
import { looksLikeToken } from './token-secret';

export type AuthMode = 'required' | 'off';

export interface AuthenticationOptions {
  database: DatabaseHandle;
  mode: AuthMode;
  /** True while the backend serves the demo designer, whose page reads some journey routes without a token. */
  demoDesigner: boolean;
}

/** last_used_at is written at most this often per token, so reads do not turn into a write each. */
const lastUsedIntervalMs = 60_000;

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function methodsOf(method: string | string[]): string[] {
  return Array.isArray(method) ? method : [method];
}

export async function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): Promise<void> {
  const { database, mode, demoDesigner } = options;
  const lastUsedWrites = new Map<string, number>();

  app.decorateRequest('principal', null);

  if (mode === 'off') {
    app.log.warn('AUTH=off: every API request is allowed without a token. Use this only for local experiments, never on a shared network.');
    return;
  }

  // A route missing from the table is denied at run time; saying so at start lets its author notice early.
  app.addHook('onRoute', (route) => {
    if (!isApiPath(route.url)) {
      return;
    }
    for (const method of methodsOf(route.method)) {
      if (method !== 'HEAD' && method !== 'OPTIONS' && accessOf(method, route.url) === undefined) {
        app.log.error({ route: permissionKey(method, route.url) }, 'route missing from the permission table; every request to it is denied');
      }
    }
  });

  /** Returns the principal of the request's token, or throws the 401 with a WWW-Authenticate challenge. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply, needed: Role): Promise<Principal> {
    const challenge = (error: Error) => {
      reply.header('www-authenticate', 'Bearer realm="journey-segments"');
      return error;
    };

    const token = bearerToken(request);
    if (!token) {
      throw challenge(tokenMissing(needed));
    }
    const row = looksLikeToken(token) ? await findTokenBySecret(database, token) : undefined;
    if (!row || !isRole(row.role)) {
      request.log.warn({ route: request.routeOptions.url }, 'request rejected: invalid API token');
      throw challenge(tokenInvalid(needed));
    }
    if (row.revoked_at !== null) {
      request.log.warn({ tokenId: row.token_id }, 'request rejected: revoked API token');
      throw challenge(tokenRevoked(row.prefix, Number(row.revoked_at), needed));
    }

    const now = Date.now();
    if (now - (lastUsedWrites.get(row.token_id) ?? 0) >= lastUsedIntervalMs) {
      lastUsedWrites.set(row.token_id, now);
      await markTokenUsed(database, row.token_id, now);
    }
    return { tokenId: row.token_id, name: row.name, role: row.role };
  }

  app.addHook('onRequest', async (request, reply) => {
    const routeUrl = request.routeOptions.url;
    const path = routeUrl ?? request.url.split('?')[0];
    if (!isApiPath(path)) {
      return;
    }

    // A path that matches no route still needs a token, so the 404 does not tell strangers which routes exist.
    const access = routeUrl === undefined ? 'marketer' : accessOf(request.method, routeUrl);
    if (access === undefined) {
      request.log.error({ route: permissionKey(request.method, routeUrl!) }, 'request denied: route missing from the permission table');
      throw routeNotInPermissionTable(permissionKey(request.method, routeUrl!));
    }
    if (access === 'designer' && demoDesigner) {
      return;
    }

    const needed: Role = access === 'designer' ? 'marketer' : access;
    const principal = await authenticate(request, reply, needed);
    if (!roleSatisfies(principal.role, needed)) {
      request.log.info({ tokenId: principal.tokenId, role: principal.role, needed }, 'request rejected: role too low');
      throw roleTooLow(needed, principal.role, principal.name, `${request.method} ${routeUrl ?? path}`);
    }
    request.principal = principal;
  });
}
