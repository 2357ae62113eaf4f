// Who sent a request: the token it authenticated with. Null where the route is public or authentication is off.

import type { Role } from './roles';

export interface Principal {
  tokenId: string;
  /** The token's name, recorded as the actor of the changes made with it. */
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
