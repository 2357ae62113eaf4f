// The replies of a refused request: 401 when the token is missing or not valid, 403 when its role is too low.

import { HttpError } from '../http-error';
import type { Role } from './roles';

const createHint = (role: Role) => `Create one with npm run token -- create --role ${role} --name "<who uses it>"`;

export function tokenMissing(role: Role): HttpError {
  return new HttpError(
    401,
    'token-missing',
    `This request needs an API token. Send Authorization: Bearer <token>. ${createHint(role)}, or ask an admin for one.`,
  );
}

export function tokenInvalid(role: Role): HttpError {
  return new HttpError(
    401,
    'token-invalid',
    `The API token in the Authorization header is not valid: no token with that secret exists. Send Authorization: Bearer <token> with the whole token as it was printed when it was created. ${createHint(role)}.`,
  );
}

export function tokenRevoked(prefix: string, revokedAt: number, role: Role): HttpError {
  return new HttpError(
    401,
    'token-revoked',
    `The API token ${prefix}... was revoked on ${new Date(revokedAt).toISOString()}. ${createHint(role)}, or ask an admin for a new one.`,
  );
}

export function roleTooLow(needed: Role, held: Role, tokenName: string, route: string): HttpError {
  return new HttpError(
    403,
    'role-too-low',
    `${route} needs the ${needed} role, but token "${tokenName}" has the ${held} role. Ask an admin for a token with the ${needed} role.`,
    { neededRole: needed, tokenRole: held },
  );
}

export function routeNotInPermissionTable(route: string): HttpError {
  return new HttpError(
    403,
    'route-not-permitted',
    `${route} is missing from the backend's permission table, so it is denied to every token. Add it to backend/src/auth/permissions.ts with the role it needs.`,
  );
}
