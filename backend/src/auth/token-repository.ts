// Reads and writes API tokens.

import { randomUUID } from 'node:crypto';

import type { Selectable } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { ApiTokenTable } from '../db/schema';
import type { Role } from './roles';
import { displayPrefix, generateTokenSecret, hashToken } from './token-secret';

export type TokenRow = Selectable<ApiTokenTable>;

export interface CreatedToken {
  row: TokenRow;
  /** The secret itself; it is not stored, so this is the only time it can be shown. */
  token: string;
}

export class DuplicateTokenNameError extends Error {
  constructor(readonly tokenName: string) {
    super(`A token named "${tokenName}" already exists. Token names identify who changed what in the audit log, so choose another name.`);
    this.name = 'DuplicateTokenNameError';
  }
}

export async function findTokenByName(handle: DatabaseHandle, name: string): Promise<TokenRow | undefined> {
  return handle.db.selectFrom('api_token').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Creates a token with a new random secret. `createdBy` is the name of the creating token, or "cli". */
export async function createToken(
  handle: DatabaseHandle,
  input: { name: string; role: Role; createdBy: string },
  now = Date.now(),
): Promise<CreatedToken> {
  if (await findTokenByName(handle, input.name)) {
    throw new DuplicateTokenNameError(input.name);
  }

  const token = generateTokenSecret();
  const row: TokenRow = {
    token_id: randomUUID(),
    name: input.name,
    role: input.role,
    prefix: displayPrefix(token),
    token_hash: hashToken(token),
    created_at: now,
    created_by: input.createdBy,
    last_used_at: null,
    revoked_at: null,
  };
  try {
    await handle.db.insertInto('api_token').values(row).execute();
  } catch (error) {
    // Another request may have taken the name between the lookup and the insert; the unique index stops it.
    if (await findTokenByName(handle, input.name)) {
      throw new DuplicateTokenNameError(input.name);
    }
    throw error;
  }
  return { row, token };
}

export async function findTokenBySecret(handle: DatabaseHandle, token: string): Promise<TokenRow | undefined> {
  return handle.db.selectFrom('api_token').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
}

export async function findToken(handle: DatabaseHandle, tokenId: string): Promise<TokenRow | undefined> {
  return handle.db.selectFrom('api_token').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
}

/** Lists all tokens, revoked ones included, oldest first. */
export async function listTokens(handle: DatabaseHandle): Promise<TokenRow[]> {
  return handle.db.selectFrom('api_token').selectAll().orderBy('created_at').orderBy('token_id').execute();
}

/** Marks the token revoked; a revoked token stays listed, and revoking it again keeps the first time. */
export async function revokeToken(handle: DatabaseHandle, tokenId: string, now = Date.now()): Promise<TokenRow | undefined> {
  await handle.db.updateTable('api_token').set({ revoked_at: now }).where('token_id', '=', tokenId).where('revoked_at', 'is', null).execute();
  return findToken(handle, tokenId);
}

export async function markTokenUsed(handle: DatabaseHandle, tokenId: string, now = Date.now()): Promise<void> {
  await handle.db.updateTable('api_token').set({ last_used_at: now }).where('token_id', '=', tokenId).execute();
}
