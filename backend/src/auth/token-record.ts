// The API's view of a token: everything but the hash. The secret itself appears only in the reply that created it.

import type { Role } from './roles';
import type { TokenRow } from './token-repository';

export interface TokenRecord {
  tokenId: string;
  name: string;
  role: Role;
  /** The first characters of the secret, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (millis: number | null) => (millis === null ? null : new Date(Number(millis)).toISOString());

export function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    tokenId: row.token_id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
